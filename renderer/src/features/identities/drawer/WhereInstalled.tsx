import { ActionIcon, Badge, Button, Card, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconRefresh, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityPlacement, StoreDescription } from '../../../../../electron/common/dto/install';
import type { ErrorDto } from '../../../../../electron/common/errors';
import { translateError } from '../../../lib/errors';
import { studio } from '../../../lib/studio';
import { InspectError } from '../../inspect/InspectError';

/** 'Firefox — default-release' / 'Shared NSS database' */
export function storeName(t: TFunction, store: StoreDescription): string {
  const kind = t(`install.kinds.${store.kind}`);
  return store.kind === 'firefox' && store.profileName ? `${kind} — ${store.profileName}` : kind;
}

function usedBy(t: TFunction, store: StoreDescription): string {
  return t(`install.usedBy.${store.kind}`, { flavour: store.flavour ?? '' });
}

function statusOf(placement: IdentityPlacement): { key: string; color: string } {
  if (!placement.store.usable) return { key: 'unusable', color: 'gray' };
  if (placement.error !== null) return { key: 'unreadable', color: 'red' };
  if (!placement.installed) return { key: 'notInstalled', color: 'gray' };
  return placement.hasKey ? { key: 'installed', color: 'teal' } : { key: 'certificateOnly', color: 'yellow' };
}

/**
 * "Where installed": every certificate store on this computer, read live through main, with Install / Remove
 * buttons. The key never reaches the renderer: main reads it from the vault for the store's own tool.
 */
export function WhereInstalled({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const [placements, setPlacements] = useState<IdentityPlacement[] | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    setPlacements(null);
    setError(null);
    const result = await studio().install.where(id);
    if (result.ok) setPlacements(result.value);
    else setError(result.error);
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const change = async (placement: IdentityPlacement, action: 'install' | 'uninstall') => {
    const { store } = placement;
    const target = { identity: id, store: store.kind, ...(store.kind === 'nss' || store.kind === 'firefox' ? { profile: store.location } : {}) };
    const label = storeName(t, store);
    setBusy(`${store.kind}:${store.location}`);
    const result = action === 'install' ? await studio().install.install(target) : await studio().install.uninstall(target);
    setBusy(null);
    if (result.ok) {
      notifications.show({
        color: 'teal',
        title: t(action === 'install' ? 'install.installed' : 'install.removed', { store: label }),
        message: action === 'install' ? t('install.installedDetail', { name }) : t('install.removedDetail'),
        autoClose: 6000,
        withCloseButton: true,
        closeButtonProps: { 'aria-label': t('common.close') },
      });
    } else {
      const text = translateError(t, result.error);
      notifications.show({
        color: 'red',
        title: t(action === 'install' ? 'install.installFailed' : 'install.removeFailed', { store: label }),
        message: `${text.message} ${text.hint}`,
        autoClose: false,
        withCloseButton: true,
        closeButtonProps: { 'aria-label': t('common.close') },
      });
    }
    await load();
  };

  return (
    <Card withBorder radius="md" padding="md" data-testid="where-installed">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} size="sm">
              {t('install.title')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('install.intro')}
            </Text>
          </Stack>
          <Tooltip label={t('install.refresh')}>
            <ActionIcon variant="subtle" color="gray" onClick={() => void load()} aria-label={t('install.refresh')} disabled={placements === null && error === null} data-testid="where-refresh">
              <IconRefresh size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
        {error && <InspectError title={t('install.loadFailed')} error={error} />}
        {!error && placements === null && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('install.checking')}
            </Text>
          </Group>
        )}
        {placements?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('install.none')}
          </Text>
        )}
        {placements?.map((placement) => (
          <StoreRow key={`${placement.store.kind}:${placement.store.location}`} placement={placement} busy={busy === `${placement.store.kind}:${placement.store.location}`} disabled={busy !== null} onChange={change} />
        ))}
      </Stack>
    </Card>
  );
}

interface RowProps {
  placement: IdentityPlacement;
  busy: boolean;
  disabled: boolean;
  onChange(placement: IdentityPlacement, action: 'install' | 'uninstall'): Promise<void>;
}

function StoreRow({ placement, busy, disabled, onChange }: RowProps) {
  const { t } = useTranslation();
  const { store } = placement;
  const status = statusOf(placement);
  const label = storeName(t, store);
  const problem = store.problem ?? placement.error;
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="md" py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }} data-testid="store-row" data-kind={store.kind} data-status={status.key}>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500} className="wrap-anywhere" translate="no">
            {label}
          </Text>
          <Badge size="sm" variant="light" color={status.color} style={{ flexShrink: 0 }} data-testid="store-status">
            {t(`install.status.${status.key}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {usedBy(t, store)}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" className="wrap-anywhere" translate="no">
          {store.location}
        </Text>
        {placement.installed && placement.nickname && (
          <Text size="xs" c="dimmed" className="wrap-anywhere" translate="no">
            {placement.nickname}
          </Text>
        )}
        {problem && (
          <Text size="xs" c={store.usable ? 'red' : 'dimmed'} className="wrap-anywhere" data-testid="store-problem">
            {problem}
          </Text>
        )}
      </Stack>
      {store.usable && placement.error === null && (
        <Button
          size="xs"
          variant={placement.installed ? 'light' : 'default'}
          color={placement.installed ? 'red' : undefined}
          leftSection={placement.installed ? <IconTrash size={14} aria-hidden /> : <IconDownload size={14} aria-hidden />}
          loading={busy}
          disabled={disabled && !busy}
          onClick={() => void onChange(placement, placement.installed ? 'uninstall' : 'install')}
          style={{ flexShrink: 0 }}
          data-testid={placement.installed ? 'store-remove' : 'store-install'}
        >
          {placement.installed ? t('install.removeButton', { store: label }) : t('install.installButton')}
        </Button>
      )}
    </Group>
  );
}
