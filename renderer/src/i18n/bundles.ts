import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';

export type Tree = { readonly [key: string]: string | Tree };

/**
 * Each screen added after the first release keeps its strings in its own folder
 * (locales/<feature>/<lang>.json) so features do not all edit one large file;
 * the folder name is the top-level key of its strings.
 */
const FEATURES: Record<string, Record<'en' | 'zh-CN' | 'zh-TW', Tree>> = {};

const withFeatures = (base: Tree, language: 'en' | 'zh-CN' | 'zh-TW'): Tree => {
  const merged: Record<string, string | Tree> = { ...base };
  for (const [feature, languages] of Object.entries(FEATURES)) merged[feature] = languages[language];
  return merged;
};

export const bundles: Record<'en' | 'zh-CN' | 'zh-TW', Tree> = {
  en: withFeatures(en, 'en'),
  'zh-CN': withFeatures(zhCN, 'zh-CN'),
  'zh-TW': withFeatures(zhTW, 'zh-TW'),
};
