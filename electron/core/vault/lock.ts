import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { StudioError } from '../../common/errors';
import { vaultWriteFailed } from './atomic-file';
import { ensureVaultFolders, FILE_MODE, type VaultLayout } from './layout';

/**
 * Serializes writers — the app and any number of CLI processes — with a lock file created with O_EXCL and
 * holding the owner's pid, host and a nonce. A lock whose process is gone (kill -9, power cut) is stale and is
 * taken over; breaking it happens under a second O_EXCL file so two waiters cannot both break and then one
 * delete the other's fresh lock. Waiting longer than the timeout gives VAULT_LOCKED. Readers take no lock.
 */
export interface VaultLock {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
/** a lock file without a complete owner (killed between create and write) counts as stale after this */
const UNWRITTEN_LOCK_GRACE_MS = 2_000;
/** breaking a stale lock takes microseconds: a break marker older than this was left by a crash */
const BREAK_MARKER_GRACE_MS = 5_000;

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  nonce: string;
}

interface Holder {
  raw: string;
  owner: LockOwner | null;
  ageMs: number;
}

function readHolder(path: string): Holder | null {
  try {
    const raw = readFileSync(path, 'utf8');
    const ageMs = Date.now() - statSync(path).mtimeMs;
    let owner: LockOwner | null = null;
    try {
      const parsed = JSON.parse(raw) as Partial<LockOwner>;
      if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.since === 'string') owner = parsed as LockOwner;
    } catch {
      owner = null;
    }
    return { raw, owner, ageMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(holder: Holder): boolean {
  if (holder.owner === null) return holder.ageMs > UNWRITTEN_LOCK_GRACE_MS;
  // a lock taken on another machine (shared folder) cannot be checked: it is respected until the timeout
  if (holder.owner.host !== hostname() || holder.owner.pid === process.pid) return false;
  return !processAlive(holder.owner.pid);
}

function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw vaultWriteFailed(path, error);
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

const unlinkQuietly = (path: string) => {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
};

/** Removes the stale lock `raw` if it is still the one on disk. True when the way is free. */
function breakStaleLock(lockPath: string, raw: string): boolean {
  const marker = `${lockPath}.break`;
  if (!createExclusive(marker, String(process.pid))) {
    const other = readHolder(marker);
    const markerPid = Number(other?.raw);
    if (other && (other.ageMs > BREAK_MARKER_GRACE_MS || (Number.isInteger(markerPid) && markerPid > 0 && !processAlive(markerPid)))) unlinkQuietly(marker);
    return false;
  }
  try {
    const current = readHolder(lockPath);
    if (current === null) return true;
    if (current.raw !== raw) return false;
    unlinkSync(lockPath);
    return true;
  } finally {
    unlinkQuietly(marker);
  }
}

function lockedError(holder: Holder | null, lockPath: string, timeoutMs: number): StudioError {
  const who = holder?.owner ? `process ${holder.owner.pid} on ${holder.owner.host}, since ${holder.owner.since}` : 'a process that is starting';
  return new StudioError('VAULT_LOCKED', `the vault is locked by another mtls-studio writer (${who}) and was not released within ${Math.round(timeoutMs / 1000)} s`, {
    hint: `Wait until the app or the other mtls-studio command has finished, then try again. If no mtls-studio process is running anywhere, delete '${lockPath}'.`,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createVaultLock(layout: VaultLayout, timeoutMs: number = DEFAULT_LOCK_TIMEOUT_MS): VaultLock {
  // writers in this process queue here first, so only one of them polls the lock file
  let queue: Promise<unknown> = Promise.resolve();

  async function acquire(): Promise<string> {
    ensureVaultFolders(layout);
    const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomBytes(8).toString('hex') });
    const deadline = Date.now() + timeoutMs;
    let pause = 2;
    for (;;) {
      if (createExclusive(layout.lock, mine)) return mine;
      const holder = readHolder(layout.lock);
      if (holder !== null && isStale(holder) && breakStaleLock(layout.lock, holder.raw)) continue;
      if (Date.now() >= deadline) throw lockedError(holder, layout.lock, timeoutMs);
      await sleep(pause);
      pause = Math.min(pause * 2, 50);
    }
  }

  function release(mine: string): void {
    const holder = readHolder(layout.lock);
    if (holder?.raw === mine) unlinkQuietly(layout.lock);
  }

  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        const mine = await acquire();
        try {
          return await work();
        } finally {
          release(mine);
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
