import { Button, Group, PasswordInput, Select, Stack, Text } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostMatch } from '../../../../../electron/common/dto/vault';
import { fileName } from '../../../lib/format';
import { studio } from '../../../lib/studio';
import { useVault } from '../../identities/vault-store';
import { consoleStore, useConsole } from '../console-store';

/** The vault's answer for the URL typed (debounced), or null while there is none. */
export function useHostMatch(url: string): HostMatch | null {
  const [match, setMatch] = useState<HostMatch | null>(null);
  useEffect(() => {
    const trimmed = url.trim();
    if (!/^https:\/\/[^/\s]+/i.test(trimmed)) {
      setMatch(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void studio()
        .vault.match(trimmed)
        .then((result) => current && setMatch(result.ok ? result.value : null));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [url]);
  return match;
}

function MatchReason({ match }: { match: HostMatch | null }) {
  const { t } = useTranslation();
  if (!match)
    return (
      <Text size="xs" c="dimmed">
        {t('probe.identity.autoNoUrl')}
      </Text>
    );
  let text: string;
  if (match.identity && match.pattern && match.kind)
    text = t(`probe.identity.autoChosen.${match.kind}`, {
      name: match.identity.name,
      pattern: match.pattern,
    });
  else if (match.conflict) text = t('probe.identity.autoConflict', { pattern: match.conflict.pattern });
  else text = t('probe.identity.autoNone', { host: match.host });
  return (
    <Text size="xs" c="dimmed" className="wrap-anywhere" data-testid="identity-reason">
      {text}
    </Text>
  );
}

/**
 * Which client certificate to send: the one the vault's host rules choose for this URL (the default, with the
 * reason), a vault identity by name, files chosen in the native open dialog, or none.
 */
export function IdentityPicker({
  match,
  password,
  onPassword,
}: {
  match: HostMatch | null;
  password: string;
  onPassword: (value: string) => void;
}) {
  const { t } = useTranslation();
  const { form } = useConsole();
  const vault = useVault();
  const choice = form.identity;
  const value = choice.kind === 'vault' ? `vault:${choice.name}` : choice.kind;
  const data = [
    {
      group: t('probe.identity.groupGeneral'),
      items: [
        {
          value: 'auto',
          label: match?.identity
            ? t('probe.identity.autoWith', { name: match.identity.name })
            : t('probe.identity.auto'),
        },
        { value: 'none', label: t('probe.identity.none') },
        { value: 'files', label: t('probe.identity.files') },
      ],
    },
    ...(vault.identities.length
      ? [
          {
            group: t('probe.identity.groupVault'),
            items: vault.identities.map((identity) => ({
              value: `vault:${identity.name}`,
              label: identity.name,
            })),
          },
        ]
      : []),
  ];
  const pick = async () => {
    const picked = await studio().files.pick();
    if (picked.ok && picked.value.paths.length)
      consoleStore.setForm({ identity: { kind: 'files', paths: picked.value.paths.slice(0, 2) } });
  };
  return (
    <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
      <Select
        label={t('probe.identity.label')}
        data={data}
        value={value}
        allowDeselect={false}
        onChange={(next) => {
          if (!next) return;
          if (next.startsWith('vault:'))
            consoleStore.setForm({ identity: { kind: 'vault', name: next.slice(6) } });
          else if (next === 'files') {
            consoleStore.setForm({ identity: { kind: 'files', paths: [] } });
            void pick();
          } else consoleStore.setForm({ identity: { kind: next as 'auto' | 'none' } });
        }}
        data-testid="identity-select"
      />
      {choice.kind === 'auto' && <MatchReason match={match} />}
      {choice.kind === 'files' && (
        <Group gap="xs" wrap="wrap" align="flex-end">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconFolderOpen size={14} />}
            onClick={() => void pick()}
            data-testid="identity-files-pick"
          >
            {t('probe.identity.chooseFiles')}
          </Button>
          <Text
            size="xs"
            translate="no"
            className="wrap-anywhere"
            data-testid="identity-files"
            style={{ flex: 1, minWidth: 120 }}
          >
            {choice.paths.length ? choice.paths.map(fileName).join(' + ') : '—'}
          </Text>
          <PasswordInput
            size="xs"
            placeholder={t('probe.identity.password')}
            aria-label={t('probe.identity.password')}
            value={password}
            onChange={(event) => onPassword(event.currentTarget.value)}
            w={200}
            autoComplete="off"
            visibilityToggleButtonProps={{ 'aria-label': t('inspect.password.toggleVisibility') }}
          />
        </Group>
      )}
    </Stack>
  );
}
