import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedRequestDto } from '../../../../../electron/common/dto/ca';
import { studio } from '../../../lib/studio';
import type { KeyTypeId } from '../authorities-store';
import { FormActions, FormModal } from '../FormModal';
import {
  CertificateUseControl,
  KeyTypeSelect,
  NameInput,
  SanInput,
  SubjectInput,
  type CertificateUse,
} from '../forms/fields';
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
  const [type, setType] = useState<CertificateUse>('client');
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
    <FormModal title={t('authorities.requests.createTitle')} testId="csr-create-modal" onClose={onClose}>
      <Stack gap="md">
        <Text size="sm">{t('authorities.requests.createExplain')}</Text>
        <CertificateUseControl value={type} onChange={setType} />
        <NameInput
          value={name}
          onChange={setName}
          label={t('authorities.requests.name')}
          description={t('authorities.requests.nameHint')}
          testId="csr-name"
        />
        <SubjectInput
          value={subject}
          onChange={setSubject}
          placeholder={effectiveSubject || 'CN=client.example.com,O=Example'}
          testId="csr-subject"
        />
        <SanInput value={sans} onChange={setSans} testId="csr-sans" />
        <KeyTypeSelect value={keyType} onChange={setKeyType} testId="csr-key-type" />
        <FormActions
          error={error}
          failedTitle={t('authorities.requests.createFailed')}
          onCancel={onClose}
          submit={{
            label: t('authorities.requests.createSubmit'),
            onClick: () => void submit(),
            busy,
            disabled: !ready,
            testId: 'csr-create-submit',
          }}
        />
      </Stack>
    </FormModal>
  );
}
