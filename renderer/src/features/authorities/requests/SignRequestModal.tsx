import { Alert, Badge, Group, Input, List, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary, CsrReview, SignedRequestDto } from '../../../../../electron/common/dto/ca';
import type { ErrorDto } from '../../../../../electron/common/errors';
import { formatDate, formatSerial } from '../../../lib/format';
import { studio } from '../../../lib/studio';
import { InspectError } from '../../inspect/InspectError';
import { FormActions, FormModal } from '../FormModal';
import { AuthoritySelect, DaysInput } from '../forms/fields';
import { useCall } from '../useCall';

interface Props {
  review: CsrReview;
  authorities: AuthoritySummary[];
  defaultCa: string | null;
  onClose(): void;
  onSigned(): void;
}

function Asked({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** A request someone sent: what it asks for, the policy's verdict, then which CA signs it for how long. */
export function SignRequestModal({ review, authorities, defaultCa, onClose, onSigned }: Props) {
  const { t, i18n } = useTranslation();
  const [ca, setCa] = useState<string | null>(defaultCa ?? authorities[0]?.id ?? null);
  const [type, setType] = useState<'client' | 'server'>(review.suggestedType);
  const [days, setDays] = useState(review.policy.maxDays);
  const [signed, setSigned] = useState<SignedRequestDto | null>(null);
  const { busy, error, run } = useCall();

  const submit = async () => {
    if (!ca) return;
    const result = await run(() => studio().ca.signRequest({ requestId: review.requestId, ca, days, type }));
    if (result?.saved) {
      setSigned(result);
      onSigned();
    }
  };

  return (
    <FormModal title={t('authorities.sign.title')} testId="csr-sign-modal" onClose={onClose}>
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm" data-testid="csr-review">
          <Asked label={t('authorities.sign.file')}>
            <Text size="sm" translate="no" className="wrap-anywhere">
              {review.file}
            </Text>
          </Asked>
          <Asked label={t('authorities.sign.key')}>
            <Text size="sm" translate="no">
              {review.keyAlgorithm}
            </Text>
          </Asked>
          <Asked label={t('authorities.form.subject')}>
            <Text size="sm" translate="no" className="wrap-anywhere">
              {review.subject || '—'}
            </Text>
          </Asked>
          <Asked label={t('authorities.form.sans')}>
            <Text size="sm" translate="no" className="wrap-anywhere">
              {review.subjectAltNames.join(', ') || '—'}
            </Text>
          </Asked>
          <Asked label={t('authorities.sign.eku')}>
            <Text size="sm" translate="no">
              {review.requestedExtendedKeyUsage?.join(', ') ?? t('authorities.sign.none')}
            </Text>
          </Asked>
          <Asked label={t('authorities.sign.signature')}>
            <Badge color={review.signatureValid ? 'teal' : 'red'} variant="light" tt="none">
              {review.signatureValid
                ? t('authorities.sign.signatureValid')
                : t('authorities.sign.signatureInvalid')}
            </Badge>
          </Asked>
        </SimpleGrid>
        {review.requestsCa && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
            {t('authorities.sign.asksCa')}
          </Alert>
        )}
        {review.refusal && (
          <InspectError title={t('authorities.sign.refused')} error={review.refusal as ErrorDto} />
        )}
        {signed ? (
          <Alert
            color="teal"
            variant="light"
            icon={<IconCircleCheck size={20} aria-hidden />}
            title={t('authorities.sign.done')}
            data-testid="csr-signed"
          >
            <Text size="sm" ff="monospace" translate="no" className="wrap-anywhere">
              {signed.path}
            </Text>
            <Text size="sm">
              {t('authorities.sign.doneDetail', {
                serial: formatSerial(signed.serial ?? ''),
                date: signed.notAfter ? formatDate(signed.notAfter, i18n.language) : '',
              })}
            </Text>
            {signed.notes.length > 0 && (
              <List size="xs" mt={4} translate="no">
                {signed.notes.map((note) => (
                  <List.Item key={note}>{note}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        ) : (
          <>
            <AuthoritySelect
              label={t('authorities.sign.ca')}
              authorities={authorities}
              value={ca}
              onChange={setCa}
              testId="csr-sign-ca"
            />
            <Group grow align="flex-start">
              <Input.Wrapper label={t('authorities.sign.profile')}>
                <SegmentedControl
                  fullWidth
                  value={type}
                  onChange={(value) => setType(value as 'client' | 'server')}
                  data={[
                    { value: 'client', label: t('authorities.issuedKind.client') },
                    { value: 'server', label: t('authorities.issuedKind.server') },
                  ]}
                />
              </Input.Wrapper>
              <DaysInput
                value={days}
                onChange={setDays}
                max={review.policy.maxDays}
                testId="csr-sign-days"
                description={t('authorities.sign.maxDays', { days: review.policy.maxDays })}
              />
            </Group>
          </>
        )}
        <FormActions
          error={error}
          failedTitle={t('authorities.sign.failed')}
          onCancel={onClose}
          {...(signed
            ? { cancelLabel: t('common.close') }
            : {
                submit: {
                  label: t('authorities.sign.submit'),
                  onClick: () => void submit(),
                  busy,
                  disabled: !ca || review.refusal !== null || authorities.length === 0,
                  testId: 'csr-sign-submit',
                },
              })}
        />
      </Stack>
    </FormModal>
  );
}
