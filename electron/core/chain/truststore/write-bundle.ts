import { resolve } from 'node:path';
import { writeOutputFile } from '../../io/output-file';

/** A trust store is public: readable by others (0644), unlike the exports that may hold keys (0600). */
const BUNDLE_MODE = 0o644;

/** Writes the bundle atomically, never replacing an existing file unless allowed. Returns the absolute path written. */
export function writeBundleFile(outPath: string, text: string, options: { overwrite: boolean }): string {
  const target = resolve(outPath);
  writeOutputFile(target, text, { overwrite: options.overwrite, mode: BUNDLE_MODE });
  return target;
}
