import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { bundles } from './bundles';
import { initialLanguage, isLanguage, saveLanguage, type Language } from './languages';

export const resources = {
  en: { translation: bundles.en },
  'zh-CN': { translation: bundles['zh-CN'] },
  'zh-TW': { translation: bundles['zh-TW'] },
} as const;

export function initI18n(): void {
  const lng = initialLanguage();
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN', 'zh-TW'],
    // React escapes; the strings are never injected as HTML
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (language) => {
    // lang picks the right CJK glyphs (Simplified vs Traditional forms) from the system fonts
    document.documentElement.lang = language;
  });
}

/** The current UI language and a setter that also remembers the choice. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const set = (language: Language) => {
    saveLanguage(language);
    void i18n.changeLanguage(language);
  };
  return [current, set];
}
