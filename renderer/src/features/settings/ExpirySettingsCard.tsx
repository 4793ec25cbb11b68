import { Card, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_THRESHOLD_DAYS, useAppSettings } from './app-settings';

/** The expiry reminder: on or off, and how many days ahead (the navigation badge and the notification at start). */
export function ExpirySettingsCard() {
  const { t } = useTranslation();
  const { settings, update } = useAppSettings();
  const [days, setDays] = useState<number | string>(settings.expiry.thresholdDays);

  useEffect(() => setDays(settings.expiry.thresholdDays), [settings.expiry.thresholdDays]);

  const saveDays = (value: number | string) => {
    setDays(value);
    const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_THRESHOLD_DAYS && n !== settings.expiry.thresholdDays) void update({ expiryThresholdDays: n });
  };

  return (
    <Card withBorder padding="lg" data-testid="settings-expiry">
      <Stack gap="md">
        <div>
          <Text fw={600}>{t('settings.expiry.label')}</Text>
          <Text size="sm" c="dimmed">
            {t('settings.expiry.description')}
          </Text>
        </div>
        <Switch
          checked={settings.expiry.notify}
          onChange={(event) => void update({ expiryNotify: event.currentTarget.checked })}
          label={t('settings.expiry.notify')}
          data-testid="settings-expiry-notify"
        />
        <Group gap="sm" align="center">
          <NumberInput
            value={days}
            onChange={saveDays}
            min={1}
            max={MAX_THRESHOLD_DAYS}
            clampBehavior="strict"
            allowDecimal={false}
            allowNegative={false}
            w={120}
            aria-label={t('settings.expiry.days')}
            disabled={!settings.expiry.notify}
            data-testid="settings-expiry-days"
          />
          <Text size="sm">{t('settings.expiry.daysSuffix')}</Text>
        </Group>
      </Stack>
    </Card>
  );
}
