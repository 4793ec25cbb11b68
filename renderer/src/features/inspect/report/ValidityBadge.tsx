import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo } from '../../../../../electron/common/dto/inspect';
import { daysUntil, formatDateTime } from '../../../lib/format';

export type Validity = { state: 'notYetValid' | 'expired' | 'soon' | 'valid'; days: number };

export function validityOf(cert: CertificateInfo, now: Date): Validity {
  if (Date.parse(cert.notBefore) > now.getTime()) return { state: 'notYetValid', days: daysUntil(cert.notBefore, now) };
  const days = daysUntil(cert.notAfter, now);
  if (Date.parse(cert.notAfter) <= now.getTime()) return { state: 'expired', days: -days };
  return { state: days <= 30 ? 'soon' : 'valid', days };
}

const COLORS = { notYetValid: 'red', expired: 'red', soon: 'yellow', valid: 'green' } as const;

/** Countdown to expiry: green above 30 days, yellow at 30 or fewer, red when expired or not yet valid. */
export function ValidityBadge({ cert, now, size = 'md' }: { cert: CertificateInfo; now: Date; size?: 'sm' | 'md' | 'lg' }) {
  const { t, i18n } = useTranslation();
  const v = validityOf(cert, now);
  const label =
    v.state === 'notYetValid'
      ? t('inspect.validity.notYetValid', { date: formatDateTime(cert.notBefore, i18n.language) })
      : v.state === 'expired'
        ? v.days === 0
          ? t('inspect.validity.expiredToday')
          : t(v.days === 1 ? 'inspect.validity.expiredOne' : 'inspect.validity.expired', { days: v.days })
        : v.days === 0
          ? t('inspect.validity.expiresToday')
          : t(v.days === 1 ? 'inspect.validity.daysLeftOne' : 'inspect.validity.daysLeft', { days: v.days });
  return (
    <Tooltip
      label={t('inspect.validity.range', { from: formatDateTime(cert.notBefore, i18n.language), to: formatDateTime(cert.notAfter, i18n.language) })}
      withArrow
    >
      <Badge color={COLORS[v.state]} variant={v.state === 'valid' ? 'light' : 'filled'} size={size} tt="none" data-validity={v.state} style={{ flexShrink: 0 }}>
        {label}
      </Badge>
    </Tooltip>
  );
}
