import { Badge, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSettings } from '../settings/app-settings';
import { expiringCount } from './expiry';
import { useClock } from './useClock';
import { useExpiryOpenRequests } from './useExpiryOpenRequests';
import { useVault } from './vault-store';

const HOUR_MS = 60 * 60 * 1000;

/** In the navigation: how many identities expire within the user's threshold (red once one has expired). */
export function ExpiryNavBadge() {
  const { t } = useTranslation();
  const { identities } = useVault();
  const { settings } = useAppSettings();
  useExpiryOpenRequests();
  const days = settings.expiry.thresholdDays;
  const now = useClock(HOUR_MS);
  const { count, expired } = useMemo(() => expiringCount(identities, days, now), [identities, days, now]);
  if (!settings.expiry.notify || count === 0) return null;
  const label = t('identities.expiringBadge', { count, days });
  return (
    <Tooltip label={label} withArrow position="right">
      <Badge size="sm" circle={count < 10} color={expired ? 'red' : 'orange'} variant="filled" aria-label={label} data-testid="expiry-badge" data-count={count}>
        {count > 999 ? '999+' : count}
      </Badge>
    </Tooltip>
  );
}
