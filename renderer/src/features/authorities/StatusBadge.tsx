import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IssuedStatusDto } from '../../../../electron/common/dto/ca';

const COLORS: Record<IssuedStatusDto, string> = {
  valid: 'teal',
  expired: 'orange',
  revoked: 'red',
  'not-yet-valid': 'gray',
};

/** An issued certificate's status as seen now: valid, expired, revoked or not yet valid. */
export function StatusBadge({ status }: { status: IssuedStatusDto }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status]}
      variant={status === 'valid' ? 'light' : 'filled'}
      size="sm"
      tt="none"
      data-status={status}
      style={{ flexShrink: 0 }}
    >
      {t(`authorities.status.${status}`)}
    </Badge>
  );
}
