/** The UI languages. Labels are autonyms: each language is named in itself, whatever the UI language is. */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
  { code: 'zh-TW', label: '繁體中文' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_STORAGE_KEY = 'mtls-studio.language';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.some((l) => l.code === value);

/**
 * Maps a BCP 47 tag to a UI language: Traditional Chinese for zh-TW/zh-HK/zh-MO/zh-Hant…, Simplified Chinese for
 * zh, zh-CN/zh-SG/zh-Hans…, English for everything else.
 */
export function languageForTag(tag: string | undefined | null): Language {
  const parts = (tag ?? '').toLowerCase().replace(/_/g, '-').split('-');
  if (parts[0] !== 'zh') return 'en';
  if (parts.includes('hant') || parts.includes('tw') || parts.includes('hk') || parts.includes('mo')) return 'zh-TW';
  return 'zh-CN';
}

/** The saved choice if there is one, else the browser's language. */
export function initialLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage can be unavailable (privacy settings); fall back to the browser language
  }
  return languageForTag(window.navigator.language);
}

export function saveLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not persisted; the choice still applies to this session
  }
}
