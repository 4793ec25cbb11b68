import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordFields } from './PasswordFields';

interface Props {
  opened: boolean;
  file: string | null;
  wrong: boolean;
  checking: boolean;
  onSubmit(password: string): void;
  onCancel(): void;
}

/** Asks for the password of a PKCS#12 file or encrypted key; a wrong one is said inline and the dialog stays. */
export function PasswordModal({ opened, file, wrong, checking, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');

  useEffect(() => {
    if (!opened) setPassword('');
  }, [opened]);
  // after a wrong attempt, select-all would be nice, but clearing is safer: the next try starts from scratch
  useEffect(() => {
    if (wrong && !checking) setPassword('');
  }, [wrong, checking]);

  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={
        <Group gap="xs">
          <IconLock size={18} aria-hidden />
          <Text fw={600}>{t('inspect.password.title')}</Text>
        </Group>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
      data-testid="password-modal"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(password);
        }}
      >
        <Stack gap="md">
          <PasswordFields file={file} wrong={wrong && !checking} password={password} onChange={setPassword} inputTestId="password-input" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={checking} data-testid="password-submit">
              {t('inspect.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
