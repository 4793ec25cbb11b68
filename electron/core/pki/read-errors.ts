import { isStudioError, StudioError } from '../../common/errors';

/** Errors of the readers: every message names the file and the cause, every hint says what to do next. */

export function corrupt(source: string, cause: string, error?: unknown): StudioError {
  return new StudioError('CORRUPT_INPUT', `cannot read '${source}': ${cause}`, {
    hint: 'The file looks damaged or truncated: get a fresh copy (for PEM, check that the BEGIN/END lines and the base64 between them are complete).',
    params: { file: source },
    ...(error === undefined ? {} : { cause: error }),
  });
}

export function unsupportedFormat(source: string, looksLike: string): StudioError {
  return new StudioError('UNSUPPORTED_FORMAT', `cannot read '${source}': ${looksLike}`, {
    hint: 'Choose a certificate, key or bundle file: PEM, DER (.cer/.der), PKCS#7 (.p7b) or PKCS#12 (.p12/.pfx).',
    params: { file: source },
  });
}

export function unsupportedAlgorithm(source: string, what: string, oidOrName: string): StudioError {
  return new StudioError('UNSUPPORTED_ALGORITHM', `cannot read '${source}': ${what} ${oidOrName} is not supported`, {
    hint: 'Convert the file with a current tool (for example `openssl pkcs8 -topk8 -v2 aes-256-cbc`) and try again.',
    params: { file: source, algorithm: oidOrName },
  });
}

export function passwordRequired(source: string): StudioError {
  return new StudioError('PASSWORD_REQUIRED', `cannot read '${source}': the private key is encrypted and needs a password`, {
    hint: 'Give the password of the file (in the CLI: --password-env VAR or --password-file FILE).',
    params: { file: source },
  });
}

export function wrongPassword(source: string, error?: unknown): StudioError {
  return new StudioError('WRONG_PASSWORD', `cannot read '${source}': wrong password`, {
    hint: 'Check the password (case, keyboard layout, trailing spaces) and try again.',
    params: { file: source },
    ...(error === undefined ? {} : { cause: error }),
  });
}

/**
 * Runs a parsing step and turns anything a library throws into CORRUPT_INPUT naming the file.
 * StudioErrors pass through unchanged.
 */
export function guarded<T>(source: string, what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isStudioError(error)) throw error;
    throw corrupt(source, `${what} is malformed${describeCause(error)}`, error);
  }
}

/** A short, secret-free reason taken from our own DER reader; library messages are not passed on. */
function describeCause(error: unknown): string {
  return error instanceof Error && error.name === 'DerError' ? ` (${error.message})` : '';
}
