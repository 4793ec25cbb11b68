import {
  Alert,
  Button,
  Collapse,
  Group,
  Modal,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconAdjustments, IconChevronDown, IconChevronRight, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary, IssuedIdentityDto } from '../../../../../electron/common/dto/ca';
import { formatDate } from '../../../lib/format';
import { studio } from '../../../lib/studio';
import { InspectError } from '../../inspect/InspectError';
import { KEY_TYPE_LABELS, type KeyTypeId } from '../authorities-store';
import { useCall } from '../useCall';
import { cappedEnd, DaysInput, KeyTypeSelect, SanInput, sanFromBasic, SubjectInput } from './fields';

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
  const [type, setType] = useState<'client' | 'server'>('client');
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
    <Modal
      opened
      onClose={onClose}
      size="lg"
      scrollAreaComponent={ScrollArea.Autosize}
      title={t('authorities.issue.title', { ca: ca.name })}
      data-testid="issue-modal"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <SegmentedControl
          value={type}
          onChange={(value) => setType(value as 'client' | 'server')}
          data={[
            { value: 'client', label: t('authorities.issue.client') },
            { value: 'server', label: t('authorities.issue.server') },
          ]}
          data-testid="issue-type"
        />
        <TextInput
          label={t('authorities.issue.name')}
          description={t('authorities.issue.nameHint')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={200}
          required
          data-autofocus
          data-testid="issue-name"
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
        {error && <InspectError title={t('authorities.issue.failed')} error={error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={!ready} data-testid="issue-submit">
            {t('authorities.issue.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
