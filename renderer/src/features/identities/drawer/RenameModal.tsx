import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDto } from '../../../../../electron/common/errors';
import { translateError } from '../../../lib/errors';
import { studio } from '../../../lib/studio';

interface Props {
  id: string;
  name: string;
  onClose(): void;
  onRenamed(): void;
}

/** A new name: any text up to 200 characters, unique in the vault regardless of letter case. */
export function RenameModal({ id, name, onClose, onRenamed }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(name);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [busy, setBusy] = useState(false);
  const trimmed = value.trim();

  const submit = async () => {
    setBusy(true);
    const result = await studio().vault.rename(id, trimmed);
    setBusy(false);
    if (!result.ok) setError(result.error);
    else onRenamed();
  };

  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{t('identities.rename.title')}</Text>} closeButtonProps={{ 'aria-label': t('common.close') }} centered data-testid="rename-modal">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed && trimmed !== name) void submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('identities.rename.label')}
            value={value}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              setError(null);
            }}
            maxLength={200}
            data-autofocus
            error={error ? (error.code === 'IDENTITY_EXISTS' ? t('identities.wizard.review.nameTaken', { name: trimmed }) : translateError(t, error).message) : trimmed ? null : t('identities.wizard.review.nameRequired')}
            data-testid="rename-input"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!trimmed || trimmed === name} data-testid="rename-submit">
              {t('identities.rename.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
