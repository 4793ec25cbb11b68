import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary, IssuedEntry } from '../../../../../electron/common/dto/ca';
import type { ChannelArgs } from '../../../../../electron/common/ipc/contract';
import { formatSerial } from '../../../lib/format';
import { studio } from '../../../lib/studio';
import { FormActions, FormModal } from '../FormModal';
import { useCall } from '../useCall';

type Reason = NonNullable<ChannelArgs<'studio:ca.revoke'>[0]['reason']>;
/** every reason the IPC contract accepts, in RFC 5280 order: a Record, so the compiler fails when the two differ */
const OFFERED: Record<Reason, null> = {
  unspecified: null,
  keyCompromise: null,
  cACompromise: null,
  affiliationChanged: null,
  superseded: null,
  cessationOfOperation: null,
  certificateHold: null,
  privilegeWithdrawn: null,
};
const REASONS = Object.keys(OFFERED) as Reason[];

/** Revoking is recorded in the CA's registry; relying parties learn of it from the next CRL. */
export function RevokeModal({
  ca,
  entry,
  onClose,
  onRevoked,
}: {
  ca: AuthoritySummary;
  entry: IssuedEntry;
  onClose(): void;
  onRevoked(entry: IssuedEntry): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<Reason>('unspecified');
  const { busy, error, run } = useCall();
  const submit = async () => {
    const revoked = await run(() => studio().ca.revoke({ ca: ca.id, serial: entry.serial, reason }));
    if (revoked) onRevoked(revoked);
  };
  return (
    <FormModal title={t('authorities.revoke.title')} testId="revoke-modal" onClose={onClose} size="md">
      <Stack gap="md">
        <Stack gap={2}>
          <Text fw={600} translate="no" className="wrap-anywhere">
            {entry.name ?? entry.subject}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" translate="no" className="wrap-anywhere">
            {formatSerial(entry.serial)}
          </Text>
        </Stack>
        <Select
          label={t('authorities.revoke.reason')}
          data={REASONS.map((value) => ({ value, label: t(`authorities.reasons.${value}`) }))}
          value={reason}
          onChange={(value) => value && setReason(value as Reason)}
          allowDeselect={false}
          data-testid="revoke-reason"
          comboboxProps={{ withinPortal: true }}
        />
        <Text size="sm" c="dimmed">
          {t('authorities.revoke.explain')}
        </Text>
        <FormActions
          error={error}
          failedTitle={t('authorities.revoke.failed')}
          onCancel={onClose}
          submit={{
            label: t('authorities.revoke.submit'),
            onClick: () => void submit(),
            busy,
            color: 'red',
            testId: 'revoke-submit',
          }}
        />
      </Stack>
    </FormModal>
  );
}
