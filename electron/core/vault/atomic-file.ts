import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StudioError } from '../../common/errors';
import { syncFolder } from '../io/output-file';
import { FILE_MODE } from './layout';

export { syncFolder };

/** Temporary files of interrupted writes look like `.<name>.<hex>.tmp`; `vault doctor` removes them. */
export const TEMPORARY_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

export function vaultWriteFailed(path: string, cause: unknown): StudioError {
  const code = (cause as NodeJS.ErrnoException).code ?? 'EIO';
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'the disk is full' : code;
  return new StudioError('WRITE_FAILED', `cannot write '${basename(path)}' in the vault: ${why}`, {
    hint: 'Check that the data folder (MTLS_STUDIO_HOME) is writable and that the disk has space.',
    params: { file: basename(path) },
    cause,
  });
}

/**
 * Replaces `target` with `bytes` so that a reader (or a crash) sees the old content or the new, never a mix:
 * temporary file in the same folder (mode 0600) → write → fsync → rename → fsync the folder.
 */
export function writeFileAtomically(target: string, bytes: Uint8Array | string): void {
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  try {
    const fd = openSync(temp, 'wx', FILE_MODE);
    try {
      for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw vaultWriteFailed(target, error);
  }
  syncFolder(folder);
}

/** The file's bytes, or null when it does not exist. Other failures are thrown as they are. */
export function readIfExists(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
