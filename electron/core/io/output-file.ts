import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StudioError } from '../../common/errors';

/** A file the user asked for is already there and replacing it was not allowed. */
export const outputExists = (path: string) =>
  new StudioError('OUTPUT_EXISTS', `'${basename(path)}' already exists`, {
    hint: 'Choose another name, or allow replacing it (in the CLI: --force).',
    params: { file: basename(path) },
  });

export const outputWriteFailed = (path: string, cause: unknown) => {
  const code = (cause as NodeJS.ErrnoException).code ?? 'EIO';
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? 'the folder does not exist'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code;
  return new StudioError('WRITE_FAILED', `cannot write '${basename(path)}': ${why}`, {
    hint: 'Check that the folder exists, that you may write to it, and that the disk has space.',
    params: { file: basename(path) },
    cause,
  });
};

/** fsync a folder so a rename or a new entry in it survives a power cut (a no-op where folders cannot be synced). */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open folders for syncing; its renames are durable on their own
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes a user-chosen output file atomically: a temporary file in the same folder (with `mode`), synced, then
 * renamed over the target (overwrite) or hard-linked to it (no overwrite: an existing file is never replaced,
 * even by a race).
 */
export function writeOutputFile(
  target: string,
  bytes: Uint8Array | string,
  options: { overwrite: boolean; mode: number },
): void {
  if (!options.overwrite && existsSync(target)) throw outputExists(target);
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  try {
    const fd = openSync(temp, 'wx', options.mode);
    try {
      for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, options.mode); // the umask may have narrowed it
    if (options.overwrite) renameSync(temp, target);
    else {
      try {
        linkSync(temp, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw outputExists(target);
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
        if (existsSync(target)) throw outputExists(target); // no hard links on this file system
        renameSync(temp, target);
      }
    }
    syncFolder(folder);
  } catch (error) {
    if (error instanceof StudioError) throw error;
    throw outputWriteFailed(target, error);
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}
