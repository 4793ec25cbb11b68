import { useTranslation } from 'react-i18next';
import { studio } from '../../../lib/studio';
import { InspectError } from '../../inspect/InspectError';
import { CHOICES } from '../../inspect/export/choices';
import { P12PasswordModal } from '../../inspect/export/P12PasswordModal';
import { PemExportModal } from '../../inspect/export/PemExportModal';
import { SaveAsMenu } from '../../inspect/export/SaveAsMenu';
import { useExportRunner } from '../../inspect/export/useExport';
import { useVault } from '../vault-store';

/** the formats an identity is exported in; each says in one line which systems take it */
const IDENTITY_CHOICES = CHOICES.filter((choice) => ['p12-modern', 'p12-compat', 'pem', 'acm'].includes(choice.id));

/**
 * Export of an identity through the native save dialog. The private key leaves the vault only by an explicit
 * choice (PKCS#12, ACM, PEM with "include the private key"), and every such export lands in the history.
 */
export function IdentityExportMenu({ id, onExported }: { id: string; onExported(): void }) {
  const { t } = useTranslation();
  const vault = useVault();
  const exporter = useExportRunner(
    ({ format, profile, outPassword, includeKey }) => {
      const vaultFormat = format === 'p12' || format === 'acm' ? format : 'pem';
      return studio().vault.export({
        id,
        format: vaultFormat,
        includeKey: vaultFormat !== 'pem' || includeKey === true,
        ...(profile ? { profile } : {}),
        ...(outPassword ? { outPassword } : {}),
      });
    },
    vault.noteError,
    () => {
      vault.noteKeychainWorks();
      onExported();
    },
  );
  return (
    <>
      <SaveAsMenu hasKey busy={exporter.busy} onPick={exporter.start} choices={IDENTITY_CHOICES} note={t('identities.drawer.exportNote')} label={t('identities.drawer.export')} testId="identity-export" />
      <P12PasswordModal profile={exporter.p12Profile} onSubmit={exporter.submitP12} onCancel={exporter.cancel} />
      <PemExportModal opened={exporter.pemOpen} hasKey onSubmit={exporter.submitPem} onCancel={exporter.cancel} />
      {exporter.error && (
        <div style={{ flexBasis: '100%' }}>
          <InspectError title={t('export.failed')} error={exporter.error} onClose={exporter.dismissError} />
        </div>
      )}
    </>
  );
}
