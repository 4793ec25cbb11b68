import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScreenId } from '../../app/navigation';

const KEYS: Partial<Record<ScreenId, string>> = {
  'test-console': 'testConsole',
  authorities: 'authorities',
  'trust-stores': 'trustStores',
  targets: 'targets',
};

/** A screen that is not built yet: its title and one line on what it will do — nothing that looks finished. */
export function ComingSoon({ screen }: { screen: ScreenId }) {
  const { t } = useTranslation();
  const key = KEYS[screen] ?? 'testConsole';
  return (
    <Stack gap="xs" maw={720} data-testid={`screen-${screen}`}>
      <Group gap="sm" align="center">
        <Title order={2}>{t(`screens.${key}.title`)}</Title>
        <Badge variant="light" color="gray">
          {t('screens.comingLater')}
        </Badge>
      </Group>
      <Text c="dimmed">{t(`screens.${key}.description`)}</Text>
    </Stack>
  );
}
