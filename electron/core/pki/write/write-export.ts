import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { StudioError } from '../../../common/errors';
import type { ExportPlan } from './plan';

/**
 * Writes a plan atomically: each file goes to a temporary file in the same folder (mode 0600), is synced,
 * then renamed (or hard-linked, when overwriting is not allowed, so an existing file can never be replaced
 * by a race). A folder output (ACM) is created with mode 0700. Returns the absolute paths written.
 */

const outputExists = (path: string) =>
  new StudioError('OUTPUT_EXISTS', `'${basename(path)}' already exists`, {
    hint: 'Choose another name, or allow replacing it (in the CLI: --force).',
    params: { file: basename(path) },
  });

const writeFailed = (path: string, cause: unknown) => {
  const code = (cause as NodeJS.ErrnoException).code ?? 'EIO';
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the folder does not exist' : code === 'ENOSPC' ? 'the disk is full' : code;
  return new StudioError('WRITE_FAILED', `cannot write '${basename(path)}': ${why}`, {
    hint: 'Check that the folder exists, that you may write to it, and that the disk has space.',
    params: { file: basename(path) },
    cause,
  });
};

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not every platform can fsync a directory; the rename itself is still atomic
  }
}

function writeAtomically(target: string, bytes: Uint8Array, overwrite: boolean): void {
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, 0o600);
    if (overwrite) renameSync(temp, target);
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
    throw writeFailed(target, error);
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}

function targetsOf(outPath: string, plan: ExportPlan): string[] {
  if (plan.layout === 'folder') return plan.files.map((file) => join(outPath, file.name));
  const stem = outPath.slice(0, outPath.length - extname(outPath).length);
  return plan.files.map((file, i) => (i === 0 ? outPath : `${stem}${file.suffix ?? `.${file.name}`}`));
}

export function writeExport(outPath: string, plan: ExportPlan, options: { overwrite: boolean }): string[] {
  const out = resolve(outPath);
  if (plan.layout === 'folder') {
    let isFolder = false;
    try {
      isFolder = lstatSync(out).isDirectory();
      if (!isFolder || !options.overwrite) throw outputExists(out);
    } catch (error) {
      if (error instanceof StudioError) throw error;
      // does not exist yet: create it below
    }
    try {
      if (!isFolder) mkdirSync(out, { mode: 0o700 });
      chmodSync(out, 0o700);
    } catch (error) {
      throw writeFailed(out, error);
    }
  }
  const targets = targetsOf(out, plan);
  if (!options.overwrite) {
    for (const target of targets) if (existsSync(target)) throw outputExists(target);
  }
  plan.files.forEach((file, i) => writeAtomically(targets[i]!, file.bytes, options.overwrite));
  return targets;
}
