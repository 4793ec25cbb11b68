import { Button, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCertificate, IconFileImport, IconKey, IconLink, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** No identity yet: what one is, why the vault keeps it safely, and the way in. */
export function EmptyVault({ onImport }: { onImport(): void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="xl" data-testid="vault-empty">
      <Group align="flex-start" gap="xl" wrap="nowrap">
        <ThemeIcon variant="light" size={64} radius="xl" aria-hidden style={{ flexShrink: 0 }}>
          <IconShieldLock size={36} stroke={1.5} />
        </ThemeIcon>
        <Stack gap="md" style={{ minWidth: 0 }}>
          <Stack gap={6}>
            <Title order={3}>{t('identities.empty.title')}</Title>
            <Text>{t('identities.empty.what')}</Text>
          </Stack>
          <List spacing={6} size="sm" center>
            <List.Item icon={<IconKey size={18} color="var(--mantine-color-indigo-6)" aria-hidden />}>{t('identities.empty.key')}</List.Item>
            <List.Item icon={<IconCertificate size={18} color="var(--mantine-color-indigo-6)" aria-hidden />}>{t('identities.empty.certificate')}</List.Item>
            <List.Item icon={<IconLink size={18} color="var(--mantine-color-indigo-6)" aria-hidden />}>{t('identities.empty.use')}</List.Item>
          </List>
          <Group gap="md">
            <Button leftSection={<IconFileImport size={18} aria-hidden />} onClick={onImport} data-testid="empty-import">
              {t('identities.import')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('identities.empty.formats')}
            </Text>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}
