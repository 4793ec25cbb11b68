import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IdentitySummary } from '../../../../electron/common/dto/vault';
import { daysUntil, formatDateTime } from '../../lib/format';
import { expiryTone, TONE_COLORS } from './expiry';

interface Props {
  identity: Pick<IdentitySummary, 'notAfter' | 'notBefore'>;
  thresholdDays: number;
  now: Date;
  size?: 'sm' | 'md' | 'lg';
  /** a native tooltip instead of Mantine's: cheap enough for every row of a long table */
  plainTooltip?: boolean;
}

/** "12 days left": red once expired, orange within the user's reminder threshold, green otherwise. */
export function ExpiryBadge({ identity, thresholdDays, now, size = 'sm', plainTooltip = false }: Props) {
  const { t, i18n } = useTranslation();
  const tone = expiryTone(identity, thresholdDays, now);
  const days = daysUntil(identity.notAfter, now);
  const label =
    tone === 'expired'
      ? days === 0
        ? t('inspect.validity.expiredToday')
        : t(days === -1 ? 'inspect.validity.expiredOne' : 'inspect.validity.expired', { days: -days })
      : days === 0
        ? t('inspect.validity.expiresToday')
        : t(days === 1 ? 'inspect.validity.daysLeftOne' : 'inspect.validity.daysLeft', { days });
  const range = t('inspect.validity.range', { from: formatDateTime(identity.notBefore, i18n.language), to: formatDateTime(identity.notAfter, i18n.language) });
  const badge = (
    <Badge color={TONE_COLORS[tone]} variant={tone === 'valid' ? 'light' : 'filled'} size={size} tt="none" data-expiry={tone} style={{ flexShrink: 0 }} title={plainTooltip ? range : undefined}>
      {label}
    </Badge>
  );
  return plainTooltip ? (
    badge
  ) : (
    <Tooltip label={range} withArrow openDelay={300}>
      {badge}
    </Tooltip>
  );
}
