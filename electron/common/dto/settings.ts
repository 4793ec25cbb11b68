/**
 * App settings that main needs as well as the renderer (the expiry reminder runs in main when the app starts,
 * before any window shows), kept by main in `<data folder>/settings.json`.
 */
export type UiLanguage = 'en' | 'zh-CN' | 'zh-TW';

export const DEFAULT_EXPIRY_THRESHOLD_DAYS = 30;
export const MAX_EXPIRY_THRESHOLD_DAYS = 365;

export interface AppSettings {
  expiry: {
    /** remind about identities that expire within thresholdDays: the navigation badge and the OS notification (checked at start and every 12 hours, each identity once a day) */
    notify: boolean;
    thresholdDays: number;
  };
  /** the UI language the renderer last used (main's notification speaks it); null until the renderer said */
  language: UiLanguage | null;
}

/** A change to the settings: only the fields given are changed. */
export interface AppSettingsUpdate {
  expiryNotify?: boolean;
  expiryThresholdDays?: number;
  language?: UiLanguage;
}

export const DEFAULT_SETTINGS: AppSettings = {
  expiry: { notify: true, thresholdDays: DEFAULT_EXPIRY_THRESHOLD_DAYS },
  language: null,
};
