import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The most files one inspection takes, and the longest path (the contract's limits for `app.filesOpened`). */
export const MAX_OPENED_FILES = 64;
export const MAX_PATH_LENGTH = 4096;

/**
 * File paths in a command line: what "Open with", a drop on the taskbar/launcher icon or a second launch hand
 * over on Windows and Linux. `skip` leading entries are the executable (and, unpackaged, the app folder);
 * switches (`--flag`, Chromium's own, macOS `-psn_…`) are ignored; `file://` URLs (Linux desktop entries pass
 * `%U`) become paths; relative paths resolve against `cwd`. Only existing regular files are returned.
 */
export function filePathsFromArgv(argv: readonly string[], cwd: string, skip: number): string[] {
  const paths: string[] = [];
  for (const arg of argv.slice(skip)) {
    if (arg.length === 0 || arg.startsWith('-')) continue;
    const path = toPath(arg, cwd);
    if (path && isFile(path) && !paths.includes(path)) paths.push(path);
  }
  return paths;
}

function toPath(arg: string, cwd: string): string | null {
  if (/^file:\/\//i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  // other URLs (https:, mailto:) are not files
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return null;
  return isAbsolute(arg) ? arg : resolve(cwd, arg);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Files the OS asked the app to open, on their way to the renderer. Until the renderer listens (at start-up,
 * during a reload, while no window exists) they wait here and the renderer takes them once it is ready; after
 * that they are delivered as an event. Paths arriving within `batchMs` (macOS sends one `open-file` per file of
 * a multi-file drop) travel together, as one inspection.
 */
export interface OpenedFilesInbox {
  add(paths: readonly string[]): void;
  /** the renderer is ready: returns (and forgets) what is waiting; later paths are delivered as events */
  take(): string[];
  /** the renderer is gone or reloading: queue again until its next take() */
  detach(): void;
}

export interface InboxOptions {
  /** sends the event to the renderer; false when there was no window to receive it */
  deliver(paths: string[]): boolean;
  batchMs?: number;
  /** told when paths are dropped: beyond the limit, or too long to be a path */
  onOverflow?(dropped: number): void;
  schedule?(run: () => void, ms: number): void;
}

export function createOpenedFilesInbox({ deliver, batchMs = 80, onOverflow, schedule = (run, ms) => void setTimeout(run, ms) }: InboxOptions): OpenedFilesInbox {
  let pending: string[] = [];
  let listening = false;
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (!listening || pending.length === 0) return;
    const paths = pending;
    pending = [];
    if (!deliver(paths)) {
      pending = paths;
      listening = false;
    }
  };

  return {
    add(paths) {
      let dropped = 0;
      for (const path of paths) {
        if (pending.includes(path)) continue;
        if (pending.length >= MAX_OPENED_FILES || path.length === 0 || path.length > MAX_PATH_LENGTH) dropped++;
        else pending.push(path);
      }
      if (dropped > 0) onOverflow?.(dropped);
      if (listening && !scheduled && pending.length > 0) {
        scheduled = true;
        schedule(flush, batchMs);
      }
    },
    take() {
      listening = true;
      const paths = pending;
      pending = [];
      return paths;
    },
    detach() {
      listening = false;
    },
  };
}
