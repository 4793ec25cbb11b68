import { Button, Group, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordFields } from '../../inspect/PasswordFields';
import type { ImportWizard } from './useImportWizard';

/** Step 2, only when a file needs it: the password, asked inline; a wrong one is said and the step stays. */
export function PasswordStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const { state } = wizard.inspection;
  const [password, setPassword] = useState('');
  const wrong = state.kind === 'password' && state.wrong && !state.checking;
  const checking = state.kind === 'password' && state.checking;
  const file = state.kind === 'password' ? state.file : null;

  useEffect(() => {
    if (wrong) setPassword('');
  }, [wrong]);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        wizard.inspection.submitPassword(password);
      }}
      data-testid="wizard-password"
    >
      <Stack gap="md">
        <PasswordFields file={file} wrong={wrong} password={password} onChange={setPassword} inputTestId="import-password" />
        <Group justify="space-between">
          <Button variant="default" onClick={wizard.back}>
            {t('identities.wizard.back')}
          </Button>
          <Button type="submit" loading={checking} data-testid="import-password-submit">
            {t('inspect.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
