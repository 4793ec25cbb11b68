import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconFileSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InspectError } from '../inspect/InspectError';
import { InspectView } from '../inspect/InspectView';
import { useAppSettings } from '../settings/app-settings';
import { IdentityDrawer } from './drawer/IdentityDrawer';
import { EmptyVault } from './EmptyVault';
import { KeychainAlert } from './KeychainAlert';
import { IdentityTable } from './table/IdentityTable';
import { useRequestedIdentity } from './useExpiryOpenRequests';
import { useVault } from './vault-store';
import { ImportWizard } from './wizard/ImportWizard';

/**
 * Identities: the vault (table, or what an identity is when there is none), the import wizard, the drawer of one
 * identity, and below them the inspector for files that are only to be read or converted, not saved.
 */
export function IdentitiesScreen() {
  const { t } = useTranslation();
  const vault = useVault();
  const { settings } = useAppSettings();
  const [importing, setImporting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  useRequestedIdentity(setOpenId);
  const inspectSection = useRef<HTMLDivElement>(null);
  // one clock per list, so every badge agrees on "now"
  const now = useMemo(() => new Date(), [vault.identities]);
  const threshold = settings.expiry.thresholdDays;

  return (
    <Stack gap="lg" maw={1120} data-testid="screen-identities" data-vault={vault.status}>
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Title order={2}>{t('identities.title')}</Title>
          <Text c="dimmed">{t('identities.description')}</Text>
        </Stack>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconFileSearch size={18} aria-hidden />} onClick={() => inspectSection.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })} data-testid="goto-inspect">
            {t('identities.inspectEntry')}
          </Button>
          <Button leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setImporting(true)} data-testid="import-identity">
            {t('identities.import')}
          </Button>
        </Group>
      </Group>

      {vault.keychainError && <KeychainAlert error={vault.keychainError} onClose={vault.dismissKeychainError} />}
      {vault.status === 'loading' && <Loader size="sm" aria-label={t('identities.loading')} />}
      {vault.status === 'failed' && vault.error && <InspectError title={t('identities.listFailed')} error={vault.error} />}
      {vault.status === 'ready' && vault.identities.length === 0 && <EmptyVault onImport={() => setImporting(true)} />}
      {vault.status === 'ready' && vault.identities.length > 0 && (
        <IdentityTable identities={vault.identities} conflicts={vault.conflicts} thresholdDays={threshold} now={now} onOpen={setOpenId} />
      )}

      <Stack gap="md" ref={inspectSection} pt="md" style={{ scrollMarginTop: 72 }} data-testid="inspect-section">
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('identities.inspectTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('identities.inspectDescription')}
          </Text>
        </Stack>
        <InspectView />
      </Stack>

      {importing && (
        <ImportWizard
          onClose={() => setImporting(false)}
          onOpenIdentity={(id) => {
            setImporting(false);
            setOpenId(id);
          }}
        />
      )}
      <IdentityDrawer id={openId} thresholdDays={threshold} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
