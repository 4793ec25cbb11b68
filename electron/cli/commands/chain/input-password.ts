import { isStudioError, StudioError } from '../../../common/errors';
import { passwordFrom } from '../../secrets';

/**
 * The password option of the commands that read CA and certificate files (`chain verify`, `truststore build|check`):
 * one password opens every encrypted input (PKCS#12 files, and encrypted keys that sit next to certificates). These
 * commands do not prompt, so the hint of PASSWORD_REQUIRED names only the options (the reader's own also offers a prompt).
 */

export const INPUT_PASSWORD_OPTIONS = {
  'password-env': { type: 'string' },
  'password-file': { type: 'string' },
} as const;

export const INPUT_PASSWORD_USAGE = '[--password-env VAR | --password-file FILE]';

const HINT =
  'Give the password with --password-env VAR or --password-file FILE (one password opens every encrypted input), then run the command again.';

export function inputPassword(values: {
  'password-env'?: string;
  'password-file'?: string;
}): string | undefined {
  return passwordFrom({ env: values['password-env'], file: values['password-file'] }, 'password');
}

/** Runs the reading step; a PASSWORD_REQUIRED from it keeps its message and file, with a hint naming the options. */
export async function hintingPasswordOptions<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isStudioError(error) || error.code !== 'PASSWORD_REQUIRED') throw error;
    throw new StudioError('PASSWORD_REQUIRED', error.message, {
      hint: HINT,
      cause: error,
      ...(error.params === undefined ? {} : { params: error.params }),
    });
  }
}
