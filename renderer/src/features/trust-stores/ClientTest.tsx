import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconFolderOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClientSource, ClientVerdict } from '../../../../electron/common/dto/truststore';
import type { ErrorDto } from '../../../../electron/common/errors';
import { fileName } from '../../lib/format';
import { studio } from '../../lib/studio';
import { useVault } from '../identities/vault-store';
import { InspectError } from '../inspect/InspectError';
import { FindingList } from './FindingList';

interface Props {
  disabled: boolean;
  verdict: { label: string; result: ClientVerdict } | null;
  error: ErrorDto | null;
  onTest(client: ClientSource, label: string): void;
}

/** Would the gateway accept this client certificate with the bundle as it is now? A vault identity or a file. */
export function ClientTest({ disabled, verdict, error, onTest }: Props) {
  const { t } = useTranslation();
  const vault = useVault();
  const pickFile = async () => {
    const picked = await studio().files.pick();
    const path = picked.ok ? picked.value.paths[0] : undefined;
    if (path !== undefined) onTest({ kind: 'file', path }, fileName(path));
  };
  return (
    <Stack gap="sm" data-testid="truststore-client-test">
      <Title order={4}>{t('truststore.client.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('truststore.client.description')}
      </Text>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('truststore.client.vaultLabel')}
          placeholder={
            vault.identities.length === 0
              ? t('truststore.client.noIdentities')
              : t('truststore.client.vaultPlaceholder')
          }
          data={vault.identities.map((identity) => ({ value: identity.id, label: identity.name }))}
          disabled={disabled || vault.identities.length === 0}
          searchable
          value={null}
          onChange={(id) => {
            const identity = vault.identities.find((item) => item.id === id);
            if (identity) onTest({ kind: 'vault', identity: identity.id }, identity.name);
          }}
          w={320}
          data-testid="truststore-client-vault"
          comboboxProps={{ withinPortal: true }}
        />
        <Button
          variant="default"
          leftSection={<IconFolderOpen size={16} aria-hidden />}
          disabled={disabled}
          onClick={() => void pickFile()}
          data-testid="truststore-client-file"
        >
          {t('truststore.client.file')}
        </Button>
      </Group>
      {disabled && (
        <Text size="sm" c="dimmed">
          {t('truststore.client.needBundle')}
        </Text>
      )}
      {error && <InspectError title={t('truststore.client.failed')} error={error} />}
      {verdict && (
        <Alert
          color={verdict.result.accepted ? 'teal' : 'red'}
          variant="light"
          icon={
            verdict.result.accepted ? (
              <IconCircleCheck size={20} aria-hidden />
            ) : (
              <IconCircleX size={20} aria-hidden />
            )
          }
          title={t(verdict.result.accepted ? 'truststore.client.accepted' : 'truststore.client.rejected', {
            name: verdict.label,
          })}
          data-testid="truststore-verdict-client"
          data-accepted={String(verdict.result.accepted)}
        >
          <Stack gap="xs">
            {verdict.result.subject && (
              <Text size="xs" c="dimmed" className="wrap-anywhere" translate="no">
                {verdict.result.subject}
              </Text>
            )}
            <FindingList findings={verdict.result.findings} testId="truststore-client-findings" />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
