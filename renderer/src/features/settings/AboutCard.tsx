import { Card, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../electron/common/dto/app';
import { studio } from '../../lib/studio';

/** Version and runtime, from main (app.info): what a bug report needs. */
export function AboutCard() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    let live = true;
    void studio()
      .app.info()
      .then((result) => {
        if (live && result.ok) setInfo(result.value);
      });
    return () => {
      live = false;
    };
  }, []);

  const rows: [string, string][] = info
    ? [
        [t('settings.about.version'), info.version],
        [t('settings.about.platform'), info.platform],
        ...Object.entries(info.versions).map(([name, version]): [string, string] => [name, version]),
      ]
    : [];
  const technical = new Set(info ? Object.keys(info.versions) : []);

  return (
    <Card withBorder padding="lg">
      <Stack gap="xs">
        <Text fw={600}>{t('settings.about.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('settings.about.description')}
        </Text>
        {rows.map(([label, value]) => (
          <Group key={label} gap="md" wrap="nowrap">
            <Text size="sm" c="dimmed" w={120} translate={technical.has(label) ? 'no' : undefined}>
              {label}
            </Text>
            <Text size="sm" className="mono wrap-anywhere" data-testid={`about-${label}`} translate="no">
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
