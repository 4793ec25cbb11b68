import { Alert, PasswordInput, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** the file the password opens, when known */
  file: string | null;
  /** the last attempt was wrong (and no new attempt is being checked) */
  wrong: boolean;
  password: string;
  onChange(password: string): void;
  inputTestId: string;
}

/** What a password prompt says and asks, shared by the Inspect dialog and the import wizard's step. */
export function PasswordFields({ file, wrong, password, onChange, inputTestId }: Props) {
  const { t } = useTranslation();
  return (
    <>
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
        onChange={(event) => onChange(event.currentTarget.value)}
        data-autofocus
        autoFocus
        autoComplete="off"
        error={wrong ? true : undefined}
        visibilityToggleButtonProps={{ 'aria-label': t('inspect.password.toggleVisibility') }}
        data-testid={inputTestId}
      />
      <Text size="xs" c="dimmed">
        {t('inspect.password.emptyHint')}
      </Text>
    </>
  );
}
