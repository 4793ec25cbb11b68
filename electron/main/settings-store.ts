import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, MAX_EXPIRY_THRESHOLD_DAYS, type AppSettings, type AppSettingsUpdate } from '../common/dto/settings';

/**
 * The app's settings in `<data folder>/settings.json`. Kept by main rather than in the renderer's localStorage
 * because main needs them before any window exists: the expiry notification at start reads the threshold and
 * the language. A missing, unreadable or malformed file means the defaults; unknown fields are dropped.
 */
export interface SettingsStore {
  read(): AppSettings;
  update(change: AppSettingsUpdate): AppSettings;
}

const fileSchema = z.object({
  version: z.literal(1),
  expiry: z.object({ notify: z.boolean(), thresholdDays: z.number().int().min(1).max(MAX_EXPIRY_THRESHOLD_DAYS) }),
  language: z.enum(['en', 'zh-CN', 'zh-TW']).nullable(),
});

export function createSettingsStore(file: string): SettingsStore {
  const read = (): AppSettings => {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) return { expiry: { ...parsed.data.expiry }, language: parsed.data.language };
    } catch {
      // no file yet, or not JSON: the defaults
    }
    return { expiry: { ...DEFAULT_SETTINGS.expiry }, language: DEFAULT_SETTINGS.language };
  };

  return {
    read,
    update(change) {
      const current = read();
      const next: AppSettings = {
        expiry: {
          notify: change.expiryNotify ?? current.expiry.notify,
          thresholdDays: change.expiryThresholdDays ?? current.expiry.thresholdDays,
        },
        language: change.language ?? current.language,
      };
      writeAtomically(file, `${JSON.stringify(fileSchema.parse({ version: 1, ...next }), null, 2)}\n`);
      return next;
    },
  };
}

/** temp file (0600) + fsync + rename: a crash leaves the old settings or the new ones, never half a file */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}
