import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordStrength } from './PasswordStrength';

interface Props {
  opened: boolean;
  hasKey: boolean;
  onSubmit(options: { includeKey: boolean; password?: string }): void;
  onCancel(): void;
}

/** PEM: the certificates in chain order, and — only when asked — the private key, encrypted if a password is set. */
export function PemExportModal({ opened, hasKey, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [includeKey, setIncludeKey] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  useEffect(() => {
    if (opened) {
      setIncludeKey(false);
      setPassword('');
      setConfirm('');
    }
  }, [opened]);

  const mismatch = includeKey && password.length > 0 && confirm !== password;
  const toggle = { 'aria-label': t('inspect.password.toggleVisibility') };
  const checkbox = (
    <Checkbox
      label={t('export.pem.includeKey')}
      description={t('export.pem.includeKeyDescription')}
      checked={includeKey}
      disabled={!hasKey}
      onChange={(e) => setIncludeKey(e.currentTarget.checked)}
      data-testid="pem-include-key"
    />
  );

  return (
    <Modal opened={opened} onClose={onCancel} title={<Text fw={600}>{t('export.pem.title')}</Text>} closeButtonProps={{ 'aria-label': t('common.close') }} centered data-testid="pem-modal">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (mismatch) return;
          onSubmit(includeKey && password ? { includeKey, password } : { includeKey });
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('export.pem.description')}
          </Text>
          {hasKey ? (
            checkbox
          ) : (
            <Tooltip label={t('export.needsKey')} withArrow position="top-start">
              <div>{checkbox}</div>
            </Tooltip>
          )}
          {includeKey && (
            <>
              <Stack gap={6}>
                <PasswordInput
                  label={t('export.pem.password')}
                  description={t('export.pem.passwordDescription')}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  autoComplete="new-password"
                  visibilityToggleButtonProps={toggle}
                  data-testid="pem-password"
                />
                {password.length > 0 && <PasswordStrength password={password} />}
              </Stack>
              {password.length > 0 ? (
                <PasswordInput
                  label={t('export.p12.confirm')}
                  value={confirm}
                  onChange={(e) => setConfirm(e.currentTarget.value)}
                  autoComplete="new-password"
                  error={confirm.length > 0 && mismatch ? t('export.p12.mismatch') : undefined}
                  visibilityToggleButtonProps={toggle}
                />
              ) : (
                <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="pem-unencrypted-warning">
                  {t('export.pem.unencryptedWarning')}
                </Alert>
              )}
            </>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={mismatch} data-testid="pem-submit">
              {t('export.continue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
