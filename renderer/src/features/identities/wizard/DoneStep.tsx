import { Button, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportedIdentity } from '../../../../../electron/common/dto/vault';
import { formatDate } from '../../../lib/format';

/** Step 5: saved. */
export function DoneStep({ saved, onOpen, onAnother, onClose }: { saved: ImportedIdentity; onOpen(): void; onAnother(): void; onClose(): void }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="lg" align="center" py="md" data-testid="wizard-done">
      <ThemeIcon color="teal" variant="light" size={56} radius="xl" aria-hidden>
        <IconCircleCheck size={34} />
      </ThemeIcon>
      <Stack gap={4} align="center" maw="100%">
        <Title order={3} ta="center" className="wrap-anywhere">
          {t('identities.wizard.done.title', { name: saved.name })}
        </Title>
        <Text size="sm" c="dimmed" ta="center" className="wrap-anywhere">
          {t('identities.wizard.done.description', { date: formatDate(saved.notAfter, i18n.language), count: saved.chain.length })}
        </Text>
      </Stack>
      <Group gap="sm" justify="center">
        <Button variant="default" onClick={onAnother} data-testid="import-another">
          {t('identities.wizard.done.another')}
        </Button>
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Button onClick={onOpen} data-testid="import-open">
          {t('identities.wizard.done.open')}
        </Button>
      </Group>
    </Stack>
  );
}
