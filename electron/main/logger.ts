import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isStudioError } from '../common/errors';

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue>;

export interface Logger {
  /** the current log file (Help → Show logs reveals it) */
  readonly file: string;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  /** `secrets`: strings known to be secret in this context (passwords of the request); redacted wherever they appear */
  error(event: string, error: unknown, fields?: LogFields, secrets?: readonly string[]): void;
}

export const LOG_FILE_NAME = 'main.log';
const MAX_BYTES = 1024 * 1024;
const STACK_LINES = 12;
const REDACTED = '[redacted]';
/** field names whose values are never written, whatever they hold */
const SECRET_FIELD = /pass|secret|token|private|credential/i;

/**
 * One JSON object per line in `<dir>/main.log`, rotated to `main.1.log` past 1 MiB. Never throws: a log
 * that cannot be written must not take the app down. Errors are reduced to code, message and (for
 * unexpected errors only) a short stack; passwords of the request and secret-looking fields are redacted.
 */
export function createFileLogger(dir: string, options: { now?: () => Date; maxBytes?: number } = {}): Logger {
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const file = join(dir, LOG_FILE_NAME);
  let size = -1;
  let broken = false;

  const write = (entry: Record<string, unknown>) => {
    if (broken) return;
    try {
      if (size < 0) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        size = sizeOf(file);
      }
      const line = `${JSON.stringify({ time: now().toISOString(), ...entry })}\n`;
      if (size > 0 && size + line.length > maxBytes) {
        renameSync(file, join(dir, LOG_FILE_NAME.replace(/\.log$/, '.1.log')));
        size = 0;
      }
      appendFileSync(file, line, { mode: 0o600 });
      size += Buffer.byteLength(line);
    } catch (error) {
      broken = true;
      process.stderr.write(`mTLS Studio: cannot write the log file ${file}: ${(error as Error).message}\n`);
    }
  };

  return {
    file,
    info: (event, fields = {}) => write({ level: 'info', event, ...cleanFields(fields, []) }),
    warn: (event, fields = {}) => write({ level: 'warn', event, ...cleanFields(fields, []) }),
    error: (event, error, fields = {}, secrets = []) =>
      write({ level: 'error', event, ...cleanFields(fields, secrets), error: describeError(error, secrets) }),
  };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function cleanFields(fields: LogFields, secrets: readonly string[]): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'time' || key === 'level' || key === 'event' || key === 'error') continue;
    out[key] = SECRET_FIELD.test(key) ? REDACTED : typeof value === 'string' ? redact(value, secrets) : value;
  }
  return out;
}

/** What a log line says about an error: enough to diagnose, never a secret. */
export function describeError(error: unknown, secrets: readonly string[]): Record<string, unknown> {
  if (isStudioError(error)) {
    // a StudioError's message and hint are written for users and never hold secrets; its cause (a library
    // error) may quote input, so only the cause's class is kept
    return {
      code: error.code,
      message: redact(error.message, secrets),
      ...(error.hint === undefined ? {} : { hint: redact(error.hint, secrets) }),
      ...(error.params === undefined ? {} : { params: Object.keys(error.params) }),
      ...(error.cause === undefined ? {} : { cause: causeName(error.cause) }),
    };
  }
  if (error instanceof Error) {
    const stack = (error.stack ?? '').split('\n').slice(1, STACK_LINES + 1).map((line) => redact(line.trim(), secrets));
    return { name: error.name, message: redact(error.message, secrets), stack, ...(error.cause === undefined ? {} : { cause: causeName(error.cause) }) };
  }
  return { type: typeof error };
}

const causeName = (cause: unknown): string => (cause instanceof Error ? cause.name : typeof cause);

/** Replaces every occurrence of each secret (longest first, so one cannot hide inside another). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Every string value under a key that names a password, at any depth of IPC arguments. */
export function secretsIn(value: unknown, depth = 0): string[] {
  if (depth > 8 || value === null || typeof value !== 'object') return [];
  const found: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === 'string' && SECRET_FIELD.test(key)) found.push(inner);
    else found.push(...secretsIn(inner, depth + 1));
  }
  return found;
}
