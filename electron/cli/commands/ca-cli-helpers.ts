import { readFileSync, writeFileSync } from 'node:fs';
import { StudioError } from '../../common/errors';
import { KEY_TYPES } from '../../core';

/** Small argument and file helpers shared by the ca, csr and kit commands. */

export const KEY_OPTION_HELP = `--key TYPE   ${KEY_TYPES.join('|')} (default ec-p256)`;

export function wholeNumber(value: string | undefined, flag: string, usage: string, range: { min: number; max: number }): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < range.min || number > range.max) {
    throw new StudioError('USAGE', `${flag} takes a whole number from ${range.min} to ${range.max} (got '${value}')`, { hint: usage });
  }
  return number;
}

export function keyTypeOption(value: string | undefined, usage: string): string | undefined {
  if (value === undefined) return undefined;
  if (!(KEY_TYPES as readonly string[]).includes(value.toLowerCase())) throw new StudioError('USAGE', `--key must be one of ${KEY_TYPES.join(', ')} (got '${value}')`, { hint: usage });
  return value.toLowerCase();
}

export function readInputFile(path: string, what: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StudioError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', `cannot read the ${what} '${path}'${code === 'ENOENT' ? ': no such file' : ''}`, {
      hint: 'Check the path.',
      params: { file: path },
    });
  }
}

/**
 * Writes a public artefact (certificate, CSR, CRL). An existing file is kept (OUTPUT_EXISTS) unless `replace`:
 * a CRL is republished over the previous one on purpose.
 */
export function writeOutputFile(path: string, content: string | Uint8Array, options: { replace?: boolean } = {}): void {
  try {
    writeFileSync(path, content, { flag: options.replace ? 'w' : 'wx', mode: 0o644 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new StudioError('OUTPUT_EXISTS', `'${path}' already exists`, { hint: 'Choose another --out file, or move the existing one away first.', params: { file: path } });
    throw new StudioError('WRITE_FAILED', `cannot write '${path}' (${code ?? 'error'})`, { hint: 'Check that the folder exists and is writable.', params: { file: path } });
  }
}

export function requireOption(value: string | undefined, flag: string, usage: string): string {
  if (value === undefined || value === '') throw new StudioError('USAGE', `missing ${flag}`, { hint: usage });
  return value;
}
