import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSettings, AppSettingsUpdate } from '../../../../electron/common/dto/settings';
import type { ErrorDto } from '../../../../electron/common/errors';
import { isLanguage } from '../../i18n/languages';
import { studio } from '../../lib/studio';

interface SettingsContextValue {
  settings: AppSettings;
  /** resolves with the error when main refused the change (the previous settings stay) */
  update(change: AppSettingsUpdate): Promise<ErrorDto | null>;
}

/** what main answers before settings.json exists (the renderer may import only types from common) */
const DEFAULT_SETTINGS: AppSettings = { expiry: { notify: true, thresholdDays: 30 }, language: null };
/** the contract's upper bound for expiryThresholdDays */
export const MAX_THRESHOLD_DAYS = 365;

const SettingsContext = createContext<SettingsContextValue | null>(null);

/**
 * The settings main keeps in the data folder (main reads them at start for the expiry notification). The UI
 * language is reported to main too, so that notification speaks the language the user chose here.
 */
export function AppSettingsProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [settings, setSettings] = useState<AppSettings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const current = useRef(settings);
  current.current = settings;

  useEffect(() => {
    let live = true;
    void studio()
      .settings.get()
      .then((result) => {
        if (!live) return;
        if (result.ok) setSettings(result.value);
        setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, []);

  const update = useCallback(async (change: AppSettingsUpdate) => {
    const result = await studio().settings.update(change);
    if (!result.ok) return result.error;
    setSettings(result.value);
    return null;
  }, []);

  const language = i18n.resolvedLanguage;
  useEffect(() => {
    if (loaded && isLanguage(language) && current.current.language !== language) void update({ language });
  }, [loaded, language, update]);

  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useAppSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useAppSettings outside AppSettingsProvider');
  return value;
}
