import { Alert, Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDto } from '../../../../../electron/common/errors';
import { studio } from '../../../lib/studio';
import { InspectError } from '../../inspect/InspectError';
import { useVault } from '../vault-store';

interface Props {
  id: string;
  name: string;
  onClose(): void;
  onDeleted(): void;
}

/** Deleting destroys the private key: the user types the identity's name to confirm, and main checks it again. */
export function DeleteModal({ id, name, onClose, onDeleted }: Props) {
  const { t } = useTranslation();
  const vault = useVault();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<ErrorDto | null>(null);
  const [busy, setBusy] = useState(false);
  const matches = typed === name;

  const submit = async () => {
    setBusy(true);
    setError(null);
    const result = await studio().vault.remove({ id, confirmName: typed });
    setBusy(false);
    if (!result.ok) {
      vault.noteError(result.error);
      setError(result.error);
      return;
    }
    vault.noteKeychainWorks();
    onDeleted();
  };

  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{t('identities.delete.title')}</Text>} closeButtonProps={{ 'aria-label': t('common.close') }} centered data-testid="delete-modal">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) void submit();
        }}
      >
        <Stack gap="md">
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
            <Text size="sm">{t('identities.delete.warning')}</Text>
          </Alert>
          <Stack gap={6}>
            <Text size="sm">{t('identities.delete.instruction')}</Text>
            <Code block translate="no" className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }} data-testid="delete-name">
              {name}
            </Code>
          </Stack>
          <TextInput
            label={t('identities.delete.label')}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            data-autofocus
            autoComplete="off"
            error={typed.length > 0 && !matches && !name.startsWith(typed) ? t('identities.delete.mismatch') : null}
            data-testid="delete-input"
          />
          {error && <InspectError title={t('identities.delete.failed')} error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" leftSection={<IconTrash size={16} aria-hidden />} disabled={!matches} loading={busy} data-testid="delete-submit">
              {t('identities.delete.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
