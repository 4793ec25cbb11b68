import { Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDto } from '../../../../electron/common/errors';
import { showScreen } from '../../app/navigation';
import { studio } from '../../lib/studio';
import { FileDrop } from './FileDrop';
import { InspectError } from './InspectError';
import { PasswordModal } from './PasswordModal';
import { ReportView } from './report/ReportView';
import { useInspection } from './useInspection';
import { useOpenedFiles } from './useOpenedFiles';

/** Inspect: drop or choose files, answer a password prompt if needed, read the report, save in another format. */
export function InspectView() {
  const { t } = useTranslation();
  const inspection = useInspection();
  const { state } = inspection;
  const [localError, setLocalError] = useState<ErrorDto | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useOpenedFiles((paths) => {
    setLocalError(null);
    showScreen('identities');
    inspection.open(paths);
    // below the identity list: bring it into view
    requestAnimationFrame(() => root.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  });

  const onFiles = (files: File[]) => {
    setLocalError(null);
    const paths = files.map((file) => studio().pathForFile(file)).filter((p) => p.length > 0);
    if (paths.length === 0 && files.length > 0) {
      // e.g. text dragged from another app: there is no file on disk main could read
      setLocalError({ code: 'FILE_UNREADABLE', message: 'dropped items are not files on disk', params: { file: files[0]!.name } });
      return;
    }
    inspection.open(paths);
  };

  const onChoose = async () => {
    setLocalError(null);
    const picked = await studio().files.pick();
    if (!picked.ok) setLocalError(picked.error);
    else inspection.open(picked.value.paths);
  };

  const failed = state.kind === 'failed' ? state.error : localError;
  const failedFile = failed?.params?.file;

  return (
    <Stack gap="lg" ref={root} style={{ scrollMarginTop: 72 }} data-testid="inspect" data-state={state.kind}>
      <FileDrop busy={state.kind === 'reading' || (state.kind === 'password' && state.checking)} compact={state.kind === 'loaded'} onFiles={onFiles} onChoose={() => void onChoose()} />
      {failed && (
        <InspectError
          title={typeof failedFile === 'string' ? t('inspect.error.titleFile', { file: failedFile }) : t('inspect.error.title')}
          error={failed}
          onClose={state.kind === 'failed' ? inspection.clear : () => setLocalError(null)}
        />
      )}
      {state.kind === 'loaded' && <ReportView key={state.inspectionId} inspectionId={state.inspectionId} report={state.report} onClear={inspection.clear} />}
      <PasswordModal
        opened={state.kind === 'password'}
        file={state.kind === 'password' ? state.file : null}
        wrong={state.kind === 'password' && state.wrong}
        checking={state.kind === 'password' && state.checking}
        onSubmit={inspection.submitPassword}
        onCancel={inspection.cancelPassword}
      />
    </Stack>
  );
}
