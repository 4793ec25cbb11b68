import type { UiLanguage } from '../common/dto/settings';
import type { SettingsStore } from './settings-store';

/**
 * The settings store, telling `onLanguageChange` when an update changes the language (the renderer reports the
 * user's choice through settings.update), so main can rebuild what it has already shown in the old one: the menu.
 */
export function notifyLanguageChanges(store: SettingsStore, onLanguageChange: (language: UiLanguage) => void): SettingsStore {
  return {
    read: () => store.read(),
    update(change) {
      const before = store.read().language;
      const next = store.update(change);
      if (next.language !== null && next.language !== before) onLanguageChange(next.language);
      return next;
    },
  };
}
