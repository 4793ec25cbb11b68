import { Card, Grid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDto } from '../../../../electron/common/errors';
import { studio } from '../../lib/studio';
import { InspectError } from '../inspect/InspectError';
import { PasswordModal } from '../inspect/PasswordModal';
import { BundleView } from './BundleView';
import { CaSources } from './CaSources';
import { ClientTest } from './ClientTest';
import { TargetPicker } from './TargetPicker';
import { useTrustStore } from './useTrustStore';

/**
 * Trust stores: choose CA certificates (files or the vault) and the target, see the bundle and every rule it breaks
 * as the selection changes, export it through the native save dialog, and test a client certificate against it.
 */
export function TrustStoresScreen() {
  const { t } = useTranslation();
  const store = useTrustStore();
  const { state } = store;
  const [exportError, setExportError] = useState<ErrorDto | null>(null);

  const pickFiles = async () => {
    const result = await studio().files.pick();
    if (result.ok && result.value.paths.length > 0) await store.addFiles(result.value.paths);
  };
  const exportBundle = async () => {
    setExportError(null);
    const result = await studio().truststore.export(store.selection);
    if (!result.ok) return setExportError(result.error);
    if (result.value.saved && result.value.written) {
      notifications.show({
        color: 'teal',
        title: t('truststore.bundle.saved'),
        message: <span translate="no">{result.value.written}</span>,
        autoClose: 6000,
        withCloseButton: true,
        closeButtonProps: { 'aria-label': t('common.close') },
      });
    }
  };

  return (
    <Stack gap="lg" data-testid="screen-trust-stores">
      <Stack gap={4}>
        <Title order={2}>{t('truststore.title')}</Title>
        <Text c="dimmed">{t('truststore.description')}</Text>
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg">
              <Stack gap="sm">
                <Title order={3} size="h4">
                  {t('truststore.targetTitle')}
                </Title>
                <TargetPicker target={state.target} onChange={store.setTarget} />
              </Stack>
            </Card>
            <Card withBorder radius="md" padding="lg">
              <CaSources
                files={state.files}
                available={state.available}
                chosen={state.vaultCas}
                onPickFiles={() => void pickFiles()}
                onRemoveFile={store.removeFile}
                onToggleVaultCa={store.toggleVaultCa}
              />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg">
              <Stack gap="md">
                {state.error && <InspectError title={t('truststore.bundle.failed')} error={state.error} />}
                {exportError && (
                  <InspectError
                    title={t('truststore.bundle.exportFailed')}
                    error={exportError}
                    onClose={() => setExportError(null)}
                  />
                )}
                {!state.error && (
                  <BundleView report={state.report} busy={state.busy} onExport={() => void exportBundle()} />
                )}
              </Stack>
            </Card>
            <Card withBorder radius="md" padding="lg">
              <ClientTest
                disabled={
                  state.error !== null || state.report === null || state.report.certificates.length === 0
                }
                verdict={state.verdict}
                error={state.verdictError}
                onTest={(client, label) => void store.test(client, label)}
              />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <PasswordModal
        opened={state.prompt !== null}
        file={state.prompt?.file ?? null}
        wrong={state.prompt?.wrong ?? false}
        checking={state.prompt?.checking ?? false}
        onSubmit={(password) => void store.submitPassword(password)}
        onCancel={store.cancelPassword}
      />
    </Stack>
  );
}
