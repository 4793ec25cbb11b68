import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { IdentitySummary } from '../common/dto/vault';
import { expiryMessage, languageForLocale, type ExpiryNotifierDeps } from './expiry-notifier';

/** The app checks at start and then every 12 hours (a laptop that sleeps catches up at the next tick). */
export const EXPIRY_CHECK_INTERVAL_MS = 12 * 60 * 60 * 1000;

/**
 * Which identities were already named in a notification today (local date), in `<data folder>/expiry-notified.json`,
 * so a restart or the 12-hour check does not repeat them: once per identity per day.
 */
export interface NotifiedLog {
  alreadyToday(date: string): Set<string>;
  add(date: string, ids: string[]): void;
}

const logSchema = z.object({ date: z.string(), ids: z.array(z.string()).max(100_000) });

export function createNotifiedLog(file: string): NotifiedLog {
  const read = (): z.infer<typeof logSchema> | null => {
    try {
      const parsed = logSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  return {
    alreadyToday(date) {
      const log = read();
      return new Set(log?.date === date ? log.ids : []);
    },
    add(date, ids) {
      const log = read();
      const previous = log?.date === date ? log.ids : [];
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeSync(fd, JSON.stringify({ date, ids: [...new Set([...previous, ...ids])] }));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    },
  };
}

/** YYYY-MM-DD in the computer's time zone: "per day" as the user sees the calendar */
export function localDate(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export interface ExpiryWatchDeps extends ExpiryNotifierDeps {
  log: NotifiedLog;
  now?: () => Date;
  /** clicking opens the identity it names first (the soonest to expire) */
  onOpen(identityId: string): void;
  /** injected in tests */
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * One check: the identities within the threshold that were not yet named today get one notification (the soonest
 * first); they are then recorded for today. Returns the identities it named. Never throws.
 */
export async function checkExpiry(deps: ExpiryWatchDeps): Promise<IdentitySummary[]> {
  try {
    const { expiry, language } = deps.settings.read();
    if (!expiry.notify || !deps.Notification.isSupported()) return [];
    const { identities } = await deps.vault.list({ expiringWithinDays: expiry.thresholdDays, sort: 'expiry' });
    const today = localDate((deps.now ?? (() => new Date()))());
    const seen = deps.log.alreadyToday(today);
    const fresh = identities.filter((identity) => !seen.has(identity.id));
    if (fresh.length === 0) return [];
    const notification = new deps.Notification(expiryMessage(fresh, expiry.thresholdDays, language ?? languageForLocale(deps.systemLocale)));
    const first = fresh[0]!.id;
    notification.on('click', () => deps.onOpen(first));
    notification.show();
    deps.log.add(today, fresh.map((identity) => identity.id));
    deps.logger?.info('expiry.notified', { count: fresh.length, thresholdDays: expiry.thresholdDays });
    return fresh;
  } catch (error) {
    deps.logger?.error('expiry.notify-failed', error);
    return [];
  }
}

/** Checks now and every 12 hours; returns the function that stops it. */
export function startExpiryWatch(deps: ExpiryWatchDeps, intervalMs = EXPIRY_CHECK_INTERVAL_MS): { stop(): void; checked: Promise<IdentitySummary[]> } {
  const every = deps.setInterval ?? ((run, ms) => {
    const handle = setInterval(run, ms);
    // the watch alone must not keep the process alive
    handle.unref();
    return handle;
  });
  const cancel = deps.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout));
  const checked = checkExpiry(deps);
  const handle = every(() => void checkExpiry(deps), intervalMs);
  return { stop: () => cancel(handle), checked };
}

/** The identity a notification click asked for, until the renderer takes it. */
export function createOpenRequests(): { set(id: string): void; take(): { id: string } | null } {
  let waiting: string | null = null;
  return {
    set: (id) => {
      waiting = id;
    },
    take: () => {
      const id = waiting;
      waiting = null;
      return id === null ? null : { id };
    },
  };
}
