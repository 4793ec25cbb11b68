import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';
import installEn from './locales/install/en.json';
import installZhCN from './locales/install/zh-CN.json';
import installZhTW from './locales/install/zh-TW.json';
import authoritiesEn from './locales/authorities/en.json';
import authoritiesZhCN from './locales/authorities/zh-CN.json';
import authoritiesZhTW from './locales/authorities/zh-TW.json';
import truststoreEn from './locales/truststore/en.json';
import truststoreZhCN from './locales/truststore/zh-CN.json';
import truststoreZhTW from './locales/truststore/zh-TW.json';
import targetsEn from './locales/targets/en.json';
import targetsZhCN from './locales/targets/zh-CN.json';
import targetsZhTW from './locales/targets/zh-TW.json';

export type Tree = { readonly [key: string]: string | Tree };

/**
 * Each screen added after the first release keeps its strings in its own folder
 * (locales/<feature>/<lang>.json) so features do not all edit one large file;
 * the folder name is the top-level key of its strings.
 */
const FEATURES: Record<string, Record<'en' | 'zh-CN' | 'zh-TW', Tree>> = {
  targets: { en: targetsEn, 'zh-CN': targetsZhCN, 'zh-TW': targetsZhTW },
  install: { en: installEn, 'zh-CN': installZhCN, 'zh-TW': installZhTW },
  authorities: { en: authoritiesEn, 'zh-CN': authoritiesZhCN, 'zh-TW': authoritiesZhTW },
  truststore: { en: truststoreEn, 'zh-CN': truststoreZhCN, 'zh-TW': truststoreZhTW },
};

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
