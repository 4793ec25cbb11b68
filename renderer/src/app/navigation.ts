import { IconBuildingBank, IconCertificate, IconId, IconServer2, IconSettings, IconTerminal2 } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

export const SCREEN_IDS = ['identities', 'test-console', 'authorities', 'trust-stores', 'targets', 'settings'] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export interface ScreenEntry {
  id: ScreenId;
  /** i18n key of the label */
  label: string;
  icon: typeof IconId;
}

export const SCREENS: readonly ScreenEntry[] = [
  { id: 'identities', label: 'nav.identities', icon: IconId },
  { id: 'test-console', label: 'nav.testConsole', icon: IconTerminal2 },
  { id: 'authorities', label: 'nav.authorities', icon: IconCertificate },
  { id: 'trust-stores', label: 'nav.trustStores', icon: IconBuildingBank },
  { id: 'targets', label: 'nav.targets', icon: IconServer2 },
  { id: 'settings', label: 'nav.settings', icon: IconSettings },
];

const isScreenId = (value: string): value is ScreenId => (SCREEN_IDS as readonly string[]).includes(value);

const fromHash = (): ScreenId => {
  const id = window.location.hash.replace(/^#\/?/, '');
  return isScreenId(id) ? id : 'identities';
};

/** Switches screens from outside the shell (e.g. files opened from the OS show up in Identities → Inspect). */
export function showScreen(id: ScreenId): void {
  window.location.hash = `/${id}`;
}

/** The current screen, kept in the URL hash (#/settings) so reloads and deep links land on the same screen. */
export function useScreen(): [ScreenId, (id: ScreenId) => void] {
  const [screen, setScreen] = useState<ScreenId>(fromHash);
  useEffect(() => {
    const onChange = () => setScreen(fromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = (id: ScreenId) => {
    window.location.hash = `/${id}`;
    setScreen(id);
  };
  return [screen, go];
}
