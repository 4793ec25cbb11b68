import { Badge, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSettings } from '../settings/app-settings';
import { expiringCount } from './expiry';
import { useVault } from './vault-store';

/** In the navigation: how many identities expire within the user's threshold (red once one has expired). */
export function ExpiryNavBadge() {
  const { t } = useTranslation();
  const { identities } = useVault();
  const { settings } = useAppSettings();
  const days = settings.expiry.thresholdDays;
  const { count, expired } = useMemo(() => expiringCount(identities, days, new Date()), [identities, days]);
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
