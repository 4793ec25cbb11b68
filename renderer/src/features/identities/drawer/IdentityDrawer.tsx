import { Badge, Button, Drawer, Group, Loader, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityDetails } from '../../../../../electron/common/dto/vault';
import { fileName, formatDateTime } from '../../../lib/format';
import { InspectError } from '../../inspect/InspectError';
import { CertificateCard } from '../../inspect/report/CertificateCard';
import { ChainView } from '../../inspect/report/ChainView';
import { Field } from '../../inspect/report/Field';
import { Findings } from '../../inspect/report/Findings';
import { ExpiryBadge } from '../ExpiryBadge';
import { useVault } from '../vault-store';
import { DeleteModal } from './DeleteModal';
import { HistoryList } from './HistoryList';
import { HostRules } from './HostRules';
import { IdentityExportMenu } from './IdentityExportMenu';
import { LabelsEditor } from './LabelsEditor';
import { RenameModal } from './RenameModal';
import { useIdentityDetails } from './useIdentityDetails';
import { WhereInstalled } from './WhereInstalled';

interface Props {
  id: string | null;
  thresholdDays: number;
  onClose(): void;
}

/** One identity: its certificate and chain, findings, host rules, labels, history; export, rename, delete. */
export function IdentityDrawer({ id, thresholdDays, onClose }: Props) {
  const { t } = useTranslation();
  const vault = useVault();
  const { details, error, reload } = useIdentityDetails(id);
  const summary = vault.identities.find((identity) => identity.id === id) ?? null;
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  const name = details?.name ?? summary?.name ?? '';

  const changed = async () => {
    await Promise.all([reload(), vault.refresh()]);
  };

  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size={780}
      title={
        // the drawer's title element is already the heading
        <Text component="span" fw={700} fz="h3" lh={1.3} className="wrap-anywhere" translate="no" data-testid="drawer-name">
          {name}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { minWidth: 0, flex: 1 } }}
      data-testid="identity-drawer"
    >
      {id && (
        <Stack gap="lg">
          {summary && (
            <Stack gap="sm">
              <Group gap="sm" wrap="nowrap" align="flex-start" justify="space-between">
                <Text size="sm" c="dimmed" className="wrap-anywhere" translate="no" style={{ flex: 1 }}>
                  {summary.subject}
                </Text>
                <ExpiryBadge identity={summary} thresholdDays={thresholdDays} now={new Date()} size="md" />
              </Group>
              <Group gap="sm">
                <IdentityExportMenu id={id} onExported={() => void reload()} />
                <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setDialog('rename')} data-testid="identity-rename">
                  {t('identities.drawer.rename')}
                </Button>
                <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDialog('delete')} data-testid="identity-delete">
                  {t('identities.drawer.delete')}
                </Button>
              </Group>
            </Stack>
          )}
          {error && <InspectError title={t('identities.drawer.loadFailed')} error={error} />}
          {!details && !error && <Loader size="sm" aria-label={t('identities.loading')} />}
          {details && <DetailsTabs details={details} conflicts={vault.conflicts} onChanged={changed} />}
        </Stack>
      )}
      {id && dialog === 'rename' && (
        <RenameModal
          id={id}
          name={name}
          onClose={() => setDialog(null)}
          onRenamed={() => {
            setDialog(null);
            void changed();
          }}
        />
      )}
      {id && dialog === 'delete' && (
        <DeleteModal
          id={id}
          name={name}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            setDialog(null);
            onClose();
            void vault.refresh();
            notifications.show({ color: 'teal', title: t('identities.delete.done', { name }), message: t('identities.delete.doneDetail'), autoClose: 6000, withCloseButton: true, closeButtonProps: { 'aria-label': t('common.close') } });
          }}
        />
      )}
    </Drawer>
  );
}

function DetailsTabs({ details, conflicts, onChanged }: { details: IdentityDetails; conflicts: ReturnType<typeof useVault>['conflicts']; onChanged(): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const now = useMemo(() => new Date(), []);
  const bySha = useMemo(() => new Map(details.certificates.map((certificate) => [certificate.sha256, certificate])), [details]);
  const leaf = details.certificates[0];
  const problems = details.findings.filter((finding) => finding.severity !== 'info').length;
  const chains = details.chainInfo ? [details.chainInfo] : [];

  return (
    <Tabs defaultValue="overview" keepMounted={false} data-testid="drawer-tabs">
      <Tabs.List>
        <Tabs.Tab value="overview">{t('identities.drawer.tabs.overview')}</Tabs.Tab>
        <Tabs.Tab value="chain">{t('identities.drawer.tabs.chain')}</Tabs.Tab>
        <Tabs.Tab value="findings" rightSection={problems > 0 ? <Badge size="xs" color="yellow" variant="filled" circle>{problems}</Badge> : null}>
          {t('identities.drawer.tabs.findings')}
        </Tabs.Tab>
        <Tabs.Tab value="hosts" rightSection={details.hosts.length > 0 ? <Badge size="xs" variant="light" circle>{details.hosts.length}</Badge> : null} data-testid="tab-hosts">
          {t('identities.drawer.tabs.hosts')}
        </Tabs.Tab>
        <Tabs.Tab value="history">{t('identities.drawer.tabs.history')}</Tabs.Tab>
      </Tabs.List>

      <Tabs.Panel value="overview" pt="md">
        <Stack gap="md">
          <LabelsEditor id={details.id} labels={details.labels} onChanged={onChanged} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Field label={t('identities.drawer.created')}>
              <Text size="sm">{formatDateTime(details.createdAt, i18n.language)}</Text>
            </Field>
            <Field label={t('identities.drawer.source')}>
              <Text size="sm" translate="no">
                {details.source.length ? details.source.map(fileName).join(', ') : t('common.none')}
              </Text>
            </Field>
          </SimpleGrid>
          <WhereInstalled id={details.id} name={details.name} />
          {leaf && <CertificateCard cert={leaf} now={now} hasKey />}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="chain" pt="md">
        {chains.length > 0 ? <ChainView chains={chains} bySha={bySha} /> : <Text c="dimmed">{t('common.none')}</Text>}
      </Tabs.Panel>
      <Tabs.Panel value="findings" pt="md">
        <Findings findings={details.findings} bySha={bySha} now={now} />
      </Tabs.Panel>
      <Tabs.Panel value="hosts" pt="md">
        <HostRules id={details.id} hosts={details.hosts} conflicts={conflicts} onChanged={onChanged} />
      </Tabs.Panel>
      <Tabs.Panel value="history" pt="md">
        <HistoryList entries={details.history} />
      </Tabs.Panel>
    </Tabs>
  );
}
