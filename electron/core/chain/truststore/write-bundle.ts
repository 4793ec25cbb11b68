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
import { basename, dirname, join, resolve } from 'node:path';
import { StudioError } from '../../../common/errors';

/** A trust store is public: readable by others (0644), unlike the exports that may hold keys (0600). */
const BUNDLE_MODE = 0o644;

const outputExists = (path: string) =>
  new StudioError('OUTPUT_EXISTS', `'${basename(path)}' already exists`, {
    hint: 'Choose another name, or allow replacing it (in the CLI: --force).',
    params: { file: basename(path) },
  });

const writeFailed = (path: string, cause: unknown) => {
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

/**
 * Writes the bundle atomically: a temporary file in the same folder, synced, then renamed over the target
 * (overwrite) or hard-linked to it (no overwrite: an existing file is never replaced, even by a race).
 * Returns the absolute path written.
 */
export function writeBundleFile(outPath: string, text: string, options: { overwrite: boolean }): string {
  const target = resolve(outPath);
  if (!options.overwrite && existsSync(target)) throw outputExists(target);
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = Buffer.from(text, 'utf8');
  try {
    const fd = openSync(temp, 'wx', BUNDLE_MODE);
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, BUNDLE_MODE); // the umask may have narrowed it
    if (options.overwrite) renameSync(temp, target);
    else {
      try {
        linkSync(temp, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw outputExists(target);
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
        if (existsSync(target)) throw outputExists(target);
        renameSync(temp, target);
      }
    }
    syncFolder(folder);
  } catch (error) {
    if (error instanceof StudioError) throw error;
    throw writeFailed(target, error);
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
  return target;
}

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not every platform can fsync a folder; the rename itself is atomic
  }
}
