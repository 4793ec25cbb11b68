import { ActionIcon, Alert, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostConflict } from '../../../../../electron/common/dto/vault';
import type { ErrorDto } from '../../../../../electron/common/errors';
import { translateError } from '../../../lib/errors';
import { studio } from '../../../lib/studio';
import { MatchCheck } from './MatchCheck';

/** host names are the same in every language */
export const PATTERN_EXAMPLES = 'api.example.com, *.example.com, api.example.com:8443';
export const PATTERN_EXAMPLE = '*.example.com:8443';

interface Props {
  id: string;
  hosts: string[];
  /** every conflict in the vault; those of this identity's patterns are shown at the pattern */
  conflicts: HostConflict[];
  onChanged(): Promise<void>;
}

/** The hosts this identity is for, the identities that claim the same pattern, and "which identity for this URL?". */
export function HostRules({ id, hosts, conflicts, onChanged }: Props) {
  const { t } = useTranslation();
  const [pattern, setPattern] = useState('');
  const [error, setError] = useState<ErrorDto | null>(null);
  const [busy, setBusy] = useState(false);
  const others = (host: string) => conflicts.find((conflict) => conflict.pattern === host)?.identities.filter((identity) => identity.id !== id) ?? [];

  const add = async () => {
    setBusy(true);
    setError(null);
    const result = await studio().vault.bind(id, pattern.trim());
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setPattern('');
    await onChanged();
  };
  const remove = async (host: string) => {
    const result = await studio().vault.unbind(id, host);
    if (!result.ok) setError(result.error);
    await onChanged();
  };

  return (
    <Stack gap="lg" data-testid="host-rules">
      <Stack gap={4}>
        <Text size="sm">{t('identities.hosts.description', { examples: PATTERN_EXAMPLES })}</Text>
        <Text size="xs" c="dimmed">
          {t('identities.hosts.precedence')}
        </Text>
      </Stack>
      {hosts.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="host-rules-none">
          {t('identities.hosts.none')}
        </Text>
      ) : (
        <Stack gap={6}>
          {hosts.map((host) => {
            const clash = others(host);
            return (
              <Stack key={host} gap={4} data-testid="host-rule" data-pattern={host}>
                <Group gap="sm" wrap="nowrap" justify="space-between">
                  <Text className="mono wrap-anywhere" translate="no">
                    {host}
                  </Text>
                  <Tooltip label={t('identities.hosts.remove', { pattern: host })} withArrow>
                    <ActionIcon variant="subtle" color="red" onClick={() => void remove(host)} aria-label={t('identities.hosts.remove', { pattern: host })} data-testid="host-rule-remove">
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
                {clash.length > 0 && (
                  <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />} data-testid="host-conflict">
                    <Text size="sm" className="wrap-anywhere">
                      {t('identities.hosts.conflict', { pattern: host, names: clash.map((identity) => identity.name).join(', ') })}
                    </Text>
                  </Alert>
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (pattern.trim()) void add();
        }}
      >
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <TextInput
            value={pattern}
            onChange={(event) => {
              setPattern(event.currentTarget.value);
              setError(null);
            }}
            placeholder={t('identities.hosts.placeholder', { example: PATTERN_EXAMPLE })}
            aria-label={t('identities.hosts.add')}
            maxLength={300}
            error={error ? (error.code === 'INVALID_ARGUMENT' ? t('identities.hosts.invalid') : translateError(t, error).message) : null}
            style={{ flex: 1 }}
            data-testid="host-rule-input"
          />
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={busy} disabled={!pattern.trim()} data-testid="host-rule-add">
            {t('identities.hosts.add')}
          </Button>
        </Group>
      </form>
      <MatchCheck id={id} />
    </Stack>
  );
}
