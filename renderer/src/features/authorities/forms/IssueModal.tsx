import { Alert, Collapse, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconAdjustments, IconChevronDown, IconChevronRight, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary, IssuedIdentityDto } from '../../../../../electron/common/dto/ca';
import { formatDate } from '../../../lib/format';
import { studio } from '../../../lib/studio';
import { KEY_TYPE_LABELS, type KeyTypeId } from '../authorities-store';
import { FormActions, FormModal } from '../FormModal';
import { useCall } from '../useCall';
import {
  cappedEnd,
  CertificateUseControl,
  DaysInput,
  KeyTypeSelect,
  NameInput,
  SanInput,
  sanFromBasic,
  SubjectInput,
  type CertificateUse,
} from './fields';

interface Props {
  ca: AuthoritySummary;
  onClose(): void;
  onIssued(issued: IssuedIdentityDto): void;
}

const DEFAULT_DAYS = 397;

/**
 * "New certificate": a name and an email (client) or host name (server) are enough — EC P-256, 397 days capped
 * at the CA, CN = the name. "Advanced" opens the key type, every SAN kind, the subject and the validity.
 */
export function IssueModal({ ca, onClose, onIssued }: Props) {
  const { t, i18n } = useTranslation();
  const now = useMemo(() => new Date(), []);
  const [name, setName] = useState('');
  const [type, setType] = useState<CertificateUse>('client');
  const [basic, setBasic] = useState('');
  const [advanced, setAdvanced] = useState(false);
  const [keyType, setKeyType] = useState<KeyTypeId>('ec-p256');
  const [sans, setSans] = useState<string[]>([]);
  const [subject, setSubject] = useState('');
  const [days, setDays] = useState(DEFAULT_DAYS);
  const { busy, error, run } = useCall();
  const validity = cappedEnd(days, ca.notAfter, now);
  const basicSan = sanFromBasic(basic, type === 'client' ? 'email' : 'DNS');
  const allSans = [...(basicSan ? [basicSan] : []), ...sans.filter((san) => san !== basicSan)];
  const ready = name.trim().length > 0 && (type === 'client' || allSans.length > 0);

  const submit = async () => {
    const issued = await run(() =>
      studio().ca.issue({
        ca: ca.id,
        name: name.trim(),
        type,
        keyType,
        days,
        ...(allSans.length ? { sans: allSans } : {}),
        ...(subject.trim() ? { subject: subject.trim() } : {}),
      }),
    );
    if (issued) onIssued(issued);
  };

  return (
    <FormModal
      title={t('authorities.issue.title', { ca: ca.name })}
      testId="issue-modal"
      onClose={onClose}
      scrolls
    >
      <Stack gap="md">
        <CertificateUseControl value={type} onChange={setType} testId="issue-type" />
        <NameInput
          value={name}
          onChange={setName}
          label={t('authorities.issue.name')}
          description={t('authorities.issue.nameHint')}
          testId="issue-name"
        />
        <TextInput
          label={type === 'client' ? t('authorities.issue.email') : t('authorities.issue.dns')}
          description={type === 'client' ? t('authorities.issue.emailHint') : t('authorities.issue.dnsHint')}
          value={basic}
          onChange={(event) => setBasic(event.currentTarget.value)}
          placeholder={type === 'client' ? 'ops@partner.example' : 'api.example.com'}
          required={type === 'server'}
          maxLength={1000}
          data-testid="issue-basic-san"
        />
        <Alert
          variant="light"
          color={validity.capped ? 'orange' : 'blue'}
          icon={<IconInfoCircle size={18} aria-hidden />}
          py="xs"
          data-testid="issue-summary"
        >
          <Text size="sm">
            {t('authorities.issue.summary', {
              key: KEY_TYPE_LABELS[keyType],
              date: formatDate(validity.end.toISOString(), i18n.language),
            })}
            {validity.capped ? ` ${t('authorities.issue.capped')}` : ''}
          </Text>
        </Alert>
        <UnstyledButton
          onClick={() => setAdvanced((open) => !open)}
          aria-expanded={advanced}
          data-testid="issue-advanced"
        >
          <Group gap={6}>
            {advanced ? (
              <IconChevronDown size={16} aria-hidden />
            ) : (
              <IconChevronRight size={16} aria-hidden />
            )}
            <IconAdjustments size={16} aria-hidden />
            <Text size="sm" fw={600}>
              {t('authorities.form.advanced')}
            </Text>
          </Group>
        </UnstyledButton>
        <Collapse expanded={advanced}>
          <Stack gap="sm">
            <SanInput value={sans} onChange={setSans} testId="issue-sans" />
            <SubjectInput
              value={subject}
              onChange={setSubject}
              placeholder={`CN=${name.trim() || 'partner-a'},O=…`}
              testId="issue-subject"
            />
            <Group grow align="flex-start">
              <KeyTypeSelect value={keyType} onChange={setKeyType} testId="issue-key-type" />
              <DaysInput value={days} onChange={setDays} testId="issue-days" />
            </Group>
            <Text size="xs" c="dimmed">
              {t('authorities.issue.daysHint')}
            </Text>
          </Stack>
        </Collapse>
        <FormActions
          error={error}
          failedTitle={t('authorities.issue.failed')}
          onCancel={onClose}
          submit={{
            label: t('authorities.issue.submit'),
            onClick: () => void submit(),
            busy,
            disabled: !ready,
            testId: 'issue-submit',
          }}
        />
      </Stack>
    </FormModal>
  );
}
