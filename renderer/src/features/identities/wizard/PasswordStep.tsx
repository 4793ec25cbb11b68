import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
        <Text size="sm" className="wrap-anywhere">
          {file ? t('inspect.password.descriptionFile', { file }) : t('inspect.password.description')}
        </Text>
        {wrong && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert" data-testid="password-wrong">
            {t('inspect.password.wrong')}
          </Alert>
        )}
        <PasswordInput
          label={t('inspect.password.label')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          data-autofocus
          autoFocus
          autoComplete="off"
          error={wrong ? true : undefined}
          visibilityToggleButtonProps={{ 'aria-label': t('inspect.password.toggleVisibility') }}
          data-testid="import-password"
        />
        <Text size="xs" c="dimmed">
          {t('inspect.password.emptyHint')}
        </Text>
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
