import { AppShell, Burger, Group, NavLink, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AuthoritiesScreen } from '../features/authorities/AuthoritiesScreen';
import { ExpiryNavBadge } from '../features/identities/ExpiryNavBadge';
import { IdentitiesScreen } from '../features/identities/IdentitiesScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { TestConsoleScreen } from '../features/test-console/TestConsoleScreen';
import { TrustStoresScreen } from '../features/trust-stores/TrustStoresScreen';
import { TargetsScreen } from '../features/targets/TargetsScreen';
import { LanguageMenu } from './LanguageMenu';
import { SCREENS, useScreen, type ScreenId } from './navigation';

export function Shell() {
  const { t } = useTranslation();
  const [screen, go] = useScreen();
  const [opened, { toggle, close }] = useDisclosure();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
            <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
              <IconShieldLock size={20} />
            </ThemeIcon>
            <Title order={1} size="h4">
              mTLS Studio
            </Title>
          </Group>
          <LanguageMenu />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('shell.navigation')}>
        <nav>
          {SCREENS.map((entry) => {
            const Icon = entry.icon;
            return (
              <NavLink
                key={entry.id}
                component="button"
                data-screen={entry.id}
                active={screen === entry.id}
                aria-current={screen === entry.id ? 'page' : undefined}
                label={t(entry.label)}
                leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
                rightSection={entry.id === 'identities' ? <ExpiryNavBadge /> : null}
                onClick={() => {
                  go(entry.id);
                  close();
                }}
                styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
              />
            );
          })}
        </nav>
        <Text size="xs" c="dimmed" mt="auto" px="sm" pb="xs">
          {t('shell.footer')}
        </Text>
      </AppShell.Navbar>

      <AppShell.Main>
        {/* Identities stays mounted so an open inspection survives a visit to another screen */}
        <div hidden={screen !== 'identities'}>
          <IdentitiesScreen />
        </div>
        {screen !== 'identities' && <Screen id={screen} />}
      </AppShell.Main>
    </AppShell>
  );
}

function Screen({ id }: { id: Exclude<ScreenId, 'identities'> }) {
  switch (id) {
    case 'settings':
      return <SettingsScreen />;
    case 'test-console':
      return <TestConsoleScreen />;
    case 'authorities':
      return <AuthoritiesScreen />;
    case 'trust-stores':
      return <TrustStoresScreen />;
    case 'targets':
      return <TargetsScreen />;
  }
}
