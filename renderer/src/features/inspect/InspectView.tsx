import { Stack } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { showScreen } from '../../app/navigation';
import { FileDrop } from './FileDrop';
import { InspectError } from './InspectError';
import { PasswordModal } from './PasswordModal';
import { ReportView } from './report/ReportView';
import { useFileIntake } from './useFileIntake';
import { useInspection } from './useInspection';
import { useOpenedFiles } from './useOpenedFiles';

/** Inspect: drop or choose files, answer a password prompt if needed, read the report, save in another format. */
export function InspectView() {
  const { t } = useTranslation();
  const inspection = useInspection();
  const { state } = inspection;
  const intake = useFileIntake(inspection.open);
  const root = useRef<HTMLDivElement>(null);

  useOpenedFiles((paths) => {
    intake.clearError();
    showScreen('identities');
    inspection.open(paths);
    // below the identity list: bring it into view
    requestAnimationFrame(() => root.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  });

  const failed = state.kind === 'failed' ? state.error : intake.error;
  const failedFile = failed?.params?.file;

  return (
    <Stack gap="lg" ref={root} style={{ scrollMarginTop: 72 }} data-testid="inspect" data-state={state.kind}>
      <FileDrop busy={state.kind === 'reading' || (state.kind === 'password' && state.checking)} compact={state.kind === 'loaded'} onFiles={intake.onFiles} onChoose={intake.onChoose} />
      {failed && (
        <InspectError
          title={typeof failedFile === 'string' ? t('inspect.error.titleFile', { file: failedFile }) : t('inspect.error.title')}
          error={failed}
          onClose={state.kind === 'failed' ? inspection.clear : intake.clearError}
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
