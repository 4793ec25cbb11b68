import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedRequestDto } from '../../../../../electron/common/dto/ca';
import { studio } from '../../../lib/studio';
import { InspectError } from '../../inspect/InspectError';
import type { KeyTypeId } from '../authorities-store';
import { KeyTypeSelect, SanInput } from '../forms/fields';
import { useCall } from '../useCall';

/** A new key kept pending in the vault and its CSR, saved where the user says, to send to a CA. */
export function CreateRequestModal({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated(created: CreatedRequestDto): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const [sans, setSans] = useState<string[]>([]);
  const [keyType, setKeyType] = useState<KeyTypeId>('ec-p256');
  const [type, setType] = useState<'client' | 'server'>('client');
  const { busy, error, run } = useCall();
  const effectiveSubject =
    subject.trim() || (name.trim() ? `CN=${name.trim().replace(/([,+"\\<>;=])/g, '\\$1')}` : '');
  const ready = name.trim().length > 0 && effectiveSubject.length > 0;

  const submit = async () => {
    const created = await run(() =>
      studio().ca.createRequest({
        name: name.trim(),
        subject: effectiveSubject,
        keyType,
        type,
        ...(sans.length ? { sans } : {}),
      }),
    );
    if (created?.saved) onCreated(created);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('authorities.requests.createTitle')}
      data-testid="csr-create-modal"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('authorities.requests.createExplain')}</Text>
        <SegmentedControl
          value={type}
          onChange={(value) => setType(value as 'client' | 'server')}
          data={[
            { value: 'client', label: t('authorities.issue.client') },
            { value: 'server', label: t('authorities.issue.server') },
          ]}
        />
        <TextInput
          label={t('authorities.requests.name')}
          description={t('authorities.requests.nameHint')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={200}
          required
          data-autofocus
          data-testid="csr-name"
        />
        <TextInput
          label={t('authorities.form.subject')}
          description={t('authorities.form.subjectHint')}
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
          placeholder={effectiveSubject || 'CN=client.example.com,O=Example'}
          maxLength={2048}
          data-testid="csr-subject"
        />
        <SanInput value={sans} onChange={setSans} testId="csr-sans" />
        <KeyTypeSelect value={keyType} onChange={setKeyType} testId="csr-key-type" />
        {error && <InspectError title={t('authorities.requests.createFailed')} error={error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => void submit()}
            loading={busy}
            disabled={!ready}
            data-testid="csr-create-submit"
          >
            {t('authorities.requests.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
