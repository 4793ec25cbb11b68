import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InspectError } from '../InspectError';
import { P12PasswordModal } from './P12PasswordModal';
import { PemExportModal } from './PemExportModal';
import { SaveAsMenu } from './SaveAsMenu';
import { useExport } from './useExport';

interface Props {
  inspectionId: string;
  hasKey: boolean;
  select: string | undefined;
  /** renders the surrounding header with the "Save as…" button placed in it */
  children(actions: ReactNode): ReactNode;
}

/** "Save as…": the menu, its dialogs, and the error of the last attempt. */
export function ExportPanel({ inspectionId, hasKey, select, children }: Props) {
  const { t } = useTranslation();
  const exporter = useExport(inspectionId, select);
  return (
    <Stack gap="md">
      {children(<SaveAsMenu hasKey={hasKey} busy={exporter.busy} onPick={exporter.start} />)}
      {exporter.error && <InspectError title={t('export.failed')} error={exporter.error} onClose={exporter.dismissError} />}
      <P12PasswordModal profile={exporter.p12Profile} onSubmit={exporter.submitP12} onCancel={exporter.cancel} />
      <PemExportModal opened={exporter.pemOpen} hasKey={hasKey} onSubmit={exporter.submitPem} onCancel={exporter.cancel} />
    </Stack>
  );
}
