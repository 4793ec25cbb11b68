import { Button, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconCertificate,
  IconFileImport,
  IconPlus,
  IconShieldCheck,
  IconUsers,
  IconBan,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** No CA yet: what a local CA is for, and the two ways in (create a root, import an existing CA). */
export function EmptyAuthorities({ onCreateRoot, onImport }: { onCreateRoot(): void; onImport(): void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="xl" data-testid="authorities-empty">
      <Group align="flex-start" gap="xl" wrap="nowrap">
        <ThemeIcon variant="light" size={64} radius="xl" aria-hidden style={{ flexShrink: 0 }}>
          <IconShieldCheck size={36} stroke={1.5} />
        </ThemeIcon>
        <Stack gap="md" style={{ minWidth: 0 }}>
          <Stack gap={6}>
            <Title order={3}>{t('authorities.empty.title')}</Title>
            <Text>{t('authorities.empty.what')}</Text>
          </Stack>
          <List spacing={6} size="sm" center>
            <List.Item icon={<IconCertificate size={18} color="var(--mantine-color-indigo-6)" aria-hidden />}>
              {t('authorities.empty.issue')}
            </List.Item>
            <List.Item icon={<IconUsers size={18} color="var(--mantine-color-indigo-6)" aria-hidden />}>
              {t('authorities.empty.partners')}
            </List.Item>
            <List.Item icon={<IconBan size={18} color="var(--mantine-color-indigo-6)" aria-hidden />}>
              {t('authorities.empty.revoke')}
            </List.Item>
          </List>
          <Group gap="sm">
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={onCreateRoot}
              data-testid="empty-create-root"
            >
              {t('authorities.empty.createRoot')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileImport size={18} aria-hidden />}
              onClick={onImport}
              data-testid="empty-import-ca"
            >
              {t('authorities.importCa')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t('authorities.empty.keys')}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
