/** Every failure that crosses a boundary (CLI, IPC, report) is a StudioError with a stable public code. */
export const ERROR_CODES = [
  'FILE_NOT_FOUND',
  'FILE_TOO_LARGE',
  'FILE_UNREADABLE',
  'UNSUPPORTED_FORMAT',
  'CORRUPT_INPUT',
  'PASSWORD_REQUIRED',
  'WRONG_PASSWORD',
  'UNSUPPORTED_ALGORITHM',
  'NO_PRIVATE_KEY',
  'NO_CERTIFICATE',
  'KEY_MISMATCH',
  'AMBIGUOUS_SELECTION',
  'OUTPUT_EXISTS',
  'WRITE_FAILED',
  'INVALID_ARGUMENT',
  'USAGE',
  'NOT_FOUND',
  'CANCELLED',
  'IDENTITY_NOT_FOUND',
  'IDENTITY_EXISTS',
  'KEYCHAIN_UNAVAILABLE',
  'VAULT_LOCKED',
  'VAULT_CORRUPT',
  'INVALID_SUBJECT',
  'INVALID_SAN',
  'INVALID_CSV',
  'CA_POLICY_REFUSED',
  'NOT_A_CA',
  'CA_EXPIRED',
  'CSR_SIGNATURE_INVALID',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'STORE_UNAVAILABLE',
  'STORE_COMMAND_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export interface ErrorDto {
  code: ErrorCode;
  message: string;
  hint?: string;
  /** Values the renderer interpolates into its translated message (file names, OIDs…; never secrets). */
  params?: ErrorParams;
}

export class StudioError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly params?: ErrorParams;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown; params?: ErrorParams } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StudioError';
    this.code = code;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.params !== undefined) this.params = options.params;
  }

  toDto(): ErrorDto {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.params === undefined ? {} : { params: this.params }),
    };
  }
}

export function isStudioError(value: unknown): value is StudioError {
  return value instanceof StudioError;
}

/** Unknown failures never leak their message or stack: they may carry paths, bytes or library internals. */
export function toErrorDto(error: unknown): ErrorDto {
  if (isStudioError(error)) return error.toDto();
  return {
    code: 'INTERNAL',
    message: 'an unexpected internal error occurred',
    hint: 'Try again; if it persists, report it with the steps that led to it.',
  };
}
