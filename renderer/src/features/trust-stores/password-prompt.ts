import type { ClientSource } from '../../../../electron/common/dto/truststore';
import type { ErrorDto } from '../../../../electron/common/errors';
import { fileName } from '../../lib/format';

/**
 * The password dialog's state: which choice waits for it (CA files to add, or a client file to test), the file it
 * opens, and whether the last attempt was wrong. The password itself is never part of it.
 */
export type PasswordPrompt = (
  | { for: 'files'; paths: string[] }
  | { for: 'client'; client: ClientSource; label: string }
) & { file: string | null; wrong: boolean; checking: boolean };

export const needsPassword = (error: ErrorDto): boolean =>
  error.code === 'PASSWORD_REQUIRED' || error.code === 'WRONG_PASSWORD';

/** the file main named, else the only file chosen */
export function promptedFile(error: ErrorDto, paths: string[]): string | null {
  const file = error.params?.file;
  if (typeof file === 'string') return file;
  return paths.length === 1 ? fileName(paths[0]!) : null;
}
