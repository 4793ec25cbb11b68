import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FileDrop } from '../../inspect/FileDrop';
import { InspectError } from '../../inspect/InspectError';
import { useFileIntake } from '../../inspect/useFileIntake';
import type { ImportWizard } from './useImportWizard';

/** Step 1: the files of one identity — a .p12/.pfx, or a certificate, its key and the chain. */
export function FilesStep({ wizard, onCancel }: { wizard: ImportWizard; onCancel(): void }) {
  const { t } = useTranslation();
  const { inspection, unusableError } = wizard;
  const { state } = inspection;
  const intake = useFileIntake(inspection.open);

  const error = state.kind === 'failed' ? state.error : (unusableError ?? intake.error);
  const file = error?.params?.file;
  return (
    <Stack gap="md" data-testid="wizard-files">
      <Text size="sm">{t('identities.wizard.files.description')}</Text>
      <FileDrop busy={state.kind === 'reading'} compact={false} onFiles={intake.onFiles} onChoose={intake.onChoose} testId="import-dropzone" chooseTestId="import-choose" />
      {error && (
        <InspectError
          title={unusableError ? t('identities.wizard.files.unusable') : typeof file === 'string' ? t('inspect.error.titleFile', { file }) : t('inspect.error.title')}
          error={error}
        />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
