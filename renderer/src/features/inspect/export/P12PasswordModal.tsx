import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pkcs12Profile } from '../../../../../electron/common/dto/inspect';
import { PasswordStrength } from './PasswordStrength';

interface Props {
  profile: Pkcs12Profile | null;
  onSubmit(password: string): void;
  onCancel(): void;
}

/** The output password of a PKCS#12 file: required, typed twice. */
export function P12PasswordModal({ profile, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    setPassword('');
    setConfirm('');
    setTouched(false);
  }, [profile]);

  const empty = password.length === 0;
  const mismatch = confirm !== password;
  const toggle = { 'aria-label': t('inspect.password.toggleVisibility') };

  return (
    <Modal
      opened={profile !== null}
      onClose={onCancel}
      title={<Text fw={600}>{t('export.p12.title', { profile: profile ? t(`export.choices.p12-${profile}.label`) : '' })}</Text>}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
      data-testid="p12-modal"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (!empty && !mismatch) onSubmit(password);
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('export.p12.description')}
          </Text>
          <Stack gap={6}>
            <PasswordInput
              label={t('export.p12.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
              data-autofocus
              autoComplete="new-password"
              error={touched && empty ? t('export.p12.required') : undefined}
              visibilityToggleButtonProps={toggle}
              data-testid="p12-password"
            />
            <PasswordStrength password={password} />
          </Stack>
          <PasswordInput
            label={t('export.p12.confirm')}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            required
            autoComplete="new-password"
            error={(touched || confirm.length >= password.length) && confirm.length > 0 && mismatch ? t('export.p12.mismatch') : undefined}
            visibilityToggleButtonProps={toggle}
            data-testid="p12-confirm"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={empty || mismatch} data-testid="p12-submit">
              {t('export.continue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
