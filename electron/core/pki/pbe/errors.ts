/** The typed errors of password-based reading. Messages name the file and the cause, never a secret. */
import { StudioError } from '../../../common/errors';
import { algorithmLabel } from './oids';

/** Upper bound on any iteration count read from a file: beyond it the input is treated as hostile. */
export const MAX_ITERATIONS = 10_000_000;

export function passwordRequired(source: string): StudioError {
  return new StudioError('PASSWORD_REQUIRED', `'${source}' is protected by a password`, {
    hint: 'Give the password with --password-env VAR or --password-file FILE (or enter it when asked), then try again.',
    params: { file: source },
  });
}

export function wrongPassword(source: string): StudioError {
  return new StudioError('WRONG_PASSWORD', `cannot read '${source}': wrong password`, {
    hint: 'Check the password (it is case-sensitive; keyboard layout matters) and try again.',
    params: { file: source },
  });
}

export function unsupportedAlgorithm(source: string, oid: string, what = 'algorithm'): StudioError {
  return new StudioError(
    'UNSUPPORTED_ALGORITHM',
    `cannot read '${source}': unsupported ${what} ${algorithmLabel(oid)}`,
    {
      hint: 'Re-export the file with a current tool (for example `openssl pkcs12 -export` with its defaults) and try again.',
      params: { file: source, oid },
    },
  );
}

export function corruptInput(source: string, detail: string, cause?: unknown): StudioError {
  return new StudioError('CORRUPT_INPUT', `cannot read '${source}': ${detail}`, {
    hint: 'The file is damaged, truncated or not what its name says; export it again from its origin.',
    params: { file: source },
    ...(cause === undefined ? {} : { cause }),
  });
}

export function checkIterations(source: string, iterations: number): number {
  if (iterations < 1 || iterations > MAX_ITERATIONS) {
    throw corruptInput(source, `iteration count ${iterations} is outside 1..${MAX_ITERATIONS}`);
  }
  return iterations;
}
