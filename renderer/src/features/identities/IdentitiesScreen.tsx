import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { InspectView } from '../inspect/InspectView';

/** Identities: the vault comes later; until then this is where files are inspected and converted. */
export function IdentitiesScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1040} data-testid="screen-identities">
      <Stack gap={4}>
        <Title order={2}>{t('identities.title')}</Title>
        <Text c="dimmed">{t('identities.description')}</Text>
      </Stack>
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={20} aria-hidden />} title={t('identities.vaultLaterTitle')}>
        {t('identities.vaultLater')}
      </Alert>
      <InspectView />
    </Stack>
  );
}
