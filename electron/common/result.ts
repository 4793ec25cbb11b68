import type { ErrorDto } from './errors';

/** The envelope every IPC call returns: the renderer never sees a thrown error or a stack trace. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDto };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
