import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDto } from '../../../../../electron/common/errors';
import { studio } from '../../../lib/studio';
import { FileDrop } from '../../inspect/FileDrop';
import { InspectError } from '../../inspect/InspectError';
import type { ImportWizard } from './useImportWizard';

/** Step 1: the files of one identity — a .p12/.pfx, or a certificate, its key and the chain. */
export function FilesStep({ wizard, onCancel }: { wizard: ImportWizard; onCancel(): void }) {
  const { t } = useTranslation();
  const { inspection, unusableError } = wizard;
  const { state } = inspection;
  const [localError, setLocalError] = useState<ErrorDto | null>(null);

  const onFiles = (files: File[]) => {
    setLocalError(null);
    const paths = files.map((file) => studio().pathForFile(file)).filter((path) => path.length > 0);
    if (paths.length === 0 && files.length > 0) {
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

  const error = state.kind === 'failed' ? state.error : (unusableError ?? localError);
  const file = error?.params?.file;
  return (
    <Stack gap="md" data-testid="wizard-files">
      <Text size="sm">{t('identities.wizard.files.description')}</Text>
      <FileDrop busy={state.kind === 'reading'} compact={false} onFiles={onFiles} onChoose={() => void onChoose()} testId="import-dropzone" chooseTestId="import-choose" />
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
