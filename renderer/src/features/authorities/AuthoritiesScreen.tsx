import { Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsrReview, IssuedEntry } from '../../../../electron/common/dto/ca';
import type { ErrorDto } from '../../../../electron/common/errors';
import type { Result } from '../../../../electron/common/result';
import { studio } from '../../lib/studio';
import { useVault } from '../identities/vault-store';
import { InspectError } from '../inspect/InspectError';
import { useAppSettings } from '../settings/app-settings';
import { useAuthorities } from './authorities-store';
import { CaPanel, type CaAction } from './CaPanel';
import { CaTree } from './CaTree';
import { EmptyAuthorities } from './EmptyAuthorities';
import { BatchModal } from './forms/BatchModal';
import { CreateCaModal } from './forms/CreateCaModal';
import { ImportCaModal } from './forms/ImportCaModal';
import { IssueModal } from './forms/IssueModal';
import { IssuedTable } from './registry/IssuedTable';
import { KitModal } from './registry/KitModal';
import { RevokeModal } from './registry/RevokeModal';
import { CreateRequestModal } from './requests/CreateRequestModal';
import { RequestsCard } from './requests/RequestsCard';
import { SignRequestModal } from './requests/SignRequestModal';

type Dialog =
  | { kind: 'create'; parentId: string | null }
  | { kind: 'import' }
  | { kind: 'issue' }
  | { kind: 'batch' }
  | { kind: 'revoke'; entry: IssuedEntry }
  | { kind: 'kit'; identity: string }
  | { kind: 'csr-create' }
  | { kind: 'csr-sign'; review: CsrReview };

/**
 * Authorities: the vault's CAs as a tree, the selected CA's facts, actions and registry, and certificate requests
 * both ways. Keys stay in main; every file goes through main's native dialogs.
 */
export function AuthoritiesScreen() {
  const { t } = useTranslation();
  const authorities = useAuthorities();
  const vault = useVault();
  const { settings } = useAppSettings();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<{ title: string; error: ErrorDto } | null>(null);
  const now = useMemo(() => new Date(), [authorities.authorities]);
  const selected =
    authorities.authorities.find((ca) => ca.id === selectedId) ?? authorities.authorities[0] ?? null;

  const changed = async () => {
    setVersion((n) => n + 1);
    await Promise.all([authorities.reload(), vault.refresh()]);
  };
  const close = () => setDialog(null);
  const saved = (path: string | null, title: string) => {
    if (path)
      notifications.show({
        color: 'teal',
        title,
        message: (
          <span translate="no" className="wrap-anywhere">
            {path}
          </span>
        ),
        autoClose: 6000,
        withCloseButton: true,
        closeButtonProps: { 'aria-label': t('common.close') },
      });
  };
  const attempt = async <T,>(title: string, call: () => Promise<Result<T>>): Promise<T | null> => {
    setError(null);
    const result = await call();
    if (!result.ok) {
      setError({ title, error: result.error });
      return null;
    }
    return result.value;
  };

  const onAction = async (action: CaAction) => {
    if (!selected) return;
    if (action === 'issue' || action === 'batch') setDialog({ kind: action });
    else if (action === 'intermediate') setDialog({ kind: 'create', parentId: selected.id });
    else if (action === 'crl-pem' || action === 'crl-der') {
      const crl = await attempt(t('authorities.crl.failed'), () =>
        studio().ca.publishCrl({ ca: selected.id, format: action === 'crl-pem' ? 'pem' : 'der' }),
      );
      if (crl?.saved) {
        saved(crl.path, t('authorities.crl.done', { number: crl.crlNumber ?? '', n: crl.revokedCount }));
        await changed();
      }
    } else {
      const file = await attempt(t('authorities.export.failed'), () =>
        studio().ca.exportCertificate({ ca: selected.id, chain: action === 'chain' }),
      );
      if (file?.saved) saved(file.path, t('authorities.export.done'));
    }
  };

  const exportIssued = async (query: string) => {
    if (!selected) return;
    const file = await attempt(t('authorities.export.failed'), () =>
      studio().ca.exportIssued({ ca: selected.id, ...(query ? { query: query.slice(0, 200) } : {}) }),
    );
    if (file?.saved) saved(file.path, t('authorities.issued.exported'));
  };
  const complete = async () => {
    const done = await attempt(t('authorities.requests.completeFailed'), () => studio().ca.completeRequest());
    if (done?.completed && done.identity) {
      notifications.show({
        color: 'teal',
        title: t('authorities.requests.completed'),
        message: <span translate="no">{done.identity.name}</span>,
        autoClose: 6000,
      });
      await changed();
    }
  };
  const review = async () => {
    const reviewed = await attempt(t('authorities.sign.readFailed'), () => studio().ca.reviewRequest());
    if (reviewed) setDialog({ kind: 'csr-sign', review: reviewed });
  };
  const removePending = async (name: string) => {
    if (await attempt(t('authorities.requests.removeFailed'), () => studio().ca.removeRequest(name)))
      await changed();
  };

  return (
    <Stack gap="lg" maw={1240} data-testid="screen-authorities" data-state={authorities.status}>
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Title order={2}>{t('authorities.title')}</Title>
          <Text c="dimmed">{t('authorities.description')}</Text>
        </Stack>
        {authorities.authorities.length > 0 && (
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconFileImport size={18} aria-hidden />}
              onClick={() => setDialog({ kind: 'import' })}
              data-testid="import-ca"
            >
              {t('authorities.importCa')}
            </Button>
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setDialog({ kind: 'create', parentId: null })}
              data-testid="create-ca"
            >
              {t('authorities.createCa')}
            </Button>
          </Group>
        )}
      </Group>

      {error && <InspectError title={error.title} error={error.error} onClose={() => setError(null)} />}
      {authorities.status === 'loading' && <Loader size="sm" aria-label={t('authorities.loading')} />}
      {authorities.status === 'failed' && authorities.error && (
        <InspectError title={t('authorities.listFailed')} error={authorities.error} />
      )}
      {authorities.status === 'ready' && authorities.authorities.length === 0 && (
        <EmptyAuthorities
          onCreateRoot={() => setDialog({ kind: 'create', parentId: null })}
          onImport={() => setDialog({ kind: 'import' })}
        />
      )}
      {authorities.status === 'ready' && selected && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <CaTree authorities={authorities.authorities} selected={selected.id} onSelect={setSelectedId} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <Stack gap="md">
              <CaPanel
                ca={selected}
                now={now}
                thresholdDays={settings.expiry.thresholdDays}
                onAction={(action) => void onAction(action)}
              />
              <IssuedTable
                ca={selected}
                version={version}
                onRevoke={(entry) => setDialog({ kind: 'revoke', entry })}
                onKit={(entry) => entry.name && setDialog({ kind: 'kit', identity: entry.name })}
                onExport={(query) => void exportIssued(query)}
              />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      {authorities.status === 'ready' && (
        <RequestsCard
          pending={authorities.pending}
          onCreate={() => setDialog({ kind: 'csr-create' })}
          onComplete={() => void complete()}
          onSign={() => void review()}
          onRemove={(request) => void removePending(request.id)}
        />
      )}

      {dialog?.kind === 'create' && (
        <CreateCaModal
          authorities={authorities.authorities}
          parentId={dialog.parentId}
          onClose={close}
          onCreated={(created) => {
            close();
            setSelectedId(created.id);
            void changed();
          }}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportCaModal
          onClose={close}
          onImported={(imported) => {
            close();
            setSelectedId(imported.id);
            void changed();
          }}
        />
      )}
      {dialog?.kind === 'issue' && selected && (
        <IssueModal
          ca={selected}
          onClose={close}
          onIssued={(issued) => {
            close();
            notifications.show({
              color: 'teal',
              title: t('authorities.issue.done', { name: issued.name }),
              message: (
                <span translate="no" className="wrap-anywhere">
                  {issued.subject}
                </span>
              ),
              autoClose: 6000,
            });
            void changed();
          }}
        />
      )}
      {dialog?.kind === 'batch' && selected && (
        <BatchModal ca={selected} onClose={close} onDone={() => void changed()} />
      )}
      {dialog?.kind === 'revoke' && selected && (
        <RevokeModal
          ca={selected}
          entry={dialog.entry}
          onClose={close}
          onRevoked={() => {
            close();
            void changed();
          }}
        />
      )}
      {dialog?.kind === 'kit' && <KitModal identity={dialog.identity} onClose={close} />}
      {dialog?.kind === 'csr-create' && (
        <CreateRequestModal
          onClose={close}
          onCreated={(created) => {
            close();
            saved(created.path, t('authorities.requests.saved'));
            void changed();
          }}
        />
      )}
      {dialog?.kind === 'csr-sign' && (
        <SignRequestModal
          review={dialog.review}
          authorities={authorities.authorities}
          defaultCa={selected?.id ?? null}
          onClose={close}
          onSigned={() => void changed()}
        />
      )}
    </Stack>
  );
}
