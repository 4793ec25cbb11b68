import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { VaultProvider } from '../features/identities/vault-store';
import { AppSettingsProvider } from '../features/settings/app-settings';
import { Shell } from './Shell';
import { theme } from './theme';

/** Light or dark follows the OS ("auto") unless the user picks one in Settings (Mantine keeps it in localStorage). */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" limit={3} />
      <AppSettingsProvider>
        <VaultProvider>
          <Shell />
        </VaultProvider>
      </AppSettingsProvider>
    </MantineProvider>
  );
}
