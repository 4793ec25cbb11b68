import { Card, SegmentedControl, Stack, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { LANGUAGES, type Language } from '../../i18n/languages';
import { AboutCard } from './AboutCard';
import { ExpirySettingsCard } from './ExpirySettingsCard';

export function SettingsScreen() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const { colorScheme, setColorScheme } = useMantineColorScheme();

  return (
    <Stack gap="lg" maw={720} data-testid="screen-settings">
      <Title order={2}>{t('settings.title')}</Title>

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <div>
            <Text fw={600} id="settings-language">
              {t('settings.language.label')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('settings.language.description')}
            </Text>
          </div>
          <SegmentedControl
            aria-labelledby="settings-language"
            value={language}
            onChange={(value) => setLanguage(value as Language)}
            data={LANGUAGES.map((l) => ({ value: l.code, label: <span lang={l.code}>{l.label}</span> }))}
          />
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <div>
            <Text fw={600} id="settings-theme">
              {t('settings.theme.label')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('settings.theme.description')}
            </Text>
          </div>
          <SegmentedControl
            aria-labelledby="settings-theme"
            value={colorScheme}
            onChange={(value) => setColorScheme(value as MantineColorScheme)}
            data={[
              { value: 'auto', label: t('settings.theme.auto') },
              { value: 'light', label: t('settings.theme.light') },
              { value: 'dark', label: t('settings.theme.dark') },
            ]}
          />
        </Stack>
      </Card>

      <ExpirySettingsCard />

      <AboutCard />
    </Stack>
  );
}
