import { chmodSync, existsSync, lstatSync, mkdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { StudioError } from '../../../common/errors';
import { outputExists, outputWriteFailed, writeOutputFile } from '../../io/output-file';
import type { ExportPlan } from './plan';

/** Exports may hold private keys: files are 0600, a folder output (ACM) is 0700. */
const EXPORT_FILE_MODE = 0o600;
const EXPORT_FOLDER_MODE = 0o700;

function targetsOf(outPath: string, plan: ExportPlan): string[] {
  if (plan.layout === 'folder') return plan.files.map((file) => join(outPath, file.name));
  const stem = outPath.slice(0, outPath.length - extname(outPath).length);
  return plan.files.map((file, i) => (i === 0 ? outPath : `${stem}${file.suffix ?? `.${file.name}`}`));
}

/**
 * Writes a plan, each file atomically (see writeOutputFile); when overwriting is not allowed, every target is
 * checked before the first is written. Returns the absolute paths written.
 */
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
      if (!isFolder) mkdirSync(out, { mode: EXPORT_FOLDER_MODE });
      chmodSync(out, EXPORT_FOLDER_MODE);
    } catch (error) {
      throw outputWriteFailed(out, error);
    }
  }
  const targets = targetsOf(out, plan);
  if (!options.overwrite) {
    for (const target of targets) if (existsSync(target)) throw outputExists(target);
  }
  plan.files.forEach((file, i) =>
    writeOutputFile(targets[i]!, file.bytes, { overwrite: options.overwrite, mode: EXPORT_FILE_MODE }),
  );
  return targets;
}
