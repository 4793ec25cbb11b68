import { Group, NumberInput, SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary } from '../../../../../electron/common/dto/ca';
import { studio } from '../../../lib/studio';
import type { KeyTypeId } from '../authorities-store';
import { FormActions, FormModal } from '../FormModal';
import { useCall } from '../useCall';
import { AuthoritySelect, DaysInput, KeyTypeSelect, NameInput, SubjectInput } from './fields';

interface Props {
  authorities: AuthoritySummary[];
  /** the CA to sign the new one (an intermediate), or null for a root */
  parentId: string | null;
  onClose(): void;
  onCreated(created: AuthoritySummary): void;
}

const ROOT_DAYS = 3650;
const INTERMEDIATE_DAYS = 1825;

/** A root CA, or an intermediate under one of the vault's CAs: name, key type, subject, validity, pathLen. */
export function CreateCaModal({ authorities, parentId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'root' | 'intermediate'>(parentId ? 'intermediate' : 'root');
  const [parent, setParent] = useState<string | null>(parentId ?? authorities[0]?.id ?? null);
  const [name, setName] = useState('');
  const [keyType, setKeyType] = useState<KeyTypeId>('ec-p256');
  const [subject, setSubject] = useState('');
  const [days, setDays] = useState(parentId ? INTERMEDIATE_DAYS : ROOT_DAYS);
  const [pathLen, setPathLen] = useState<number | ''>(parentId ? 0 : '');
  const { busy, error, run } = useCall();
  const ready = name.trim().length > 0 && (kind === 'root' || parent !== null);

  const submit = async () => {
    const created = await run(() =>
      studio().ca.create({
        name: name.trim(),
        keyType,
        days,
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        ...(kind === 'intermediate' && parent ? { parent } : {}),
        ...(pathLen === '' ? {} : { pathLen }),
      }),
    );
    if (created) onCreated(created);
  };

  return (
    <FormModal title={t('authorities.create.title')} testId="create-ca-modal" onClose={onClose}>
      <Stack gap="md">
        <SegmentedControl
          value={kind}
          onChange={(value) => {
            setKind(value as 'root' | 'intermediate');
            setDays(value === 'root' ? ROOT_DAYS : INTERMEDIATE_DAYS);
          }}
          data={[
            { value: 'root', label: t('authorities.kind.root') },
            {
              value: 'intermediate',
              label: t('authorities.kind.intermediate'),
              disabled: authorities.length === 0,
            },
          ]}
          data-testid="create-kind"
        />
        {kind === 'intermediate' && (
          <AuthoritySelect
            label={t('authorities.create.parent')}
            authorities={authorities}
            value={parent}
            onChange={setParent}
            testId="create-parent"
          />
        )}
        <NameInput
          value={name}
          onChange={setName}
          label={t('authorities.create.name')}
          description={t('authorities.create.nameHint')}
          testId="create-name"
        />
        <KeyTypeSelect value={keyType} onChange={setKeyType} testId="create-key-type" />
        <SubjectInput
          value={subject}
          onChange={setSubject}
          placeholder={`CN=${name.trim() || 'Example Root CA'},O=…`}
          testId="create-subject"
        />
        <Group grow align="flex-start">
          <DaysInput value={days} onChange={setDays} testId="create-days" />
          <NumberInput
            label={t('authorities.create.pathLen')}
            description={t('authorities.create.pathLenHint')}
            value={pathLen}
            onChange={(next) => setPathLen(typeof next === 'number' ? next : '')}
            min={0}
            max={16}
            allowDecimal={false}
            data-testid="create-path-len"
          />
        </Group>
        <FormActions
          error={error}
          failedTitle={t('authorities.create.failed')}
          onCancel={onClose}
          submit={{
            label:
              kind === 'root'
                ? t('authorities.create.submitRoot')
                : t('authorities.create.submitIntermediate'),
            onClick: () => void submit(),
            busy,
            disabled: !ready,
            testId: 'create-submit',
          }}
        />
      </Stack>
    </FormModal>
  );
}
