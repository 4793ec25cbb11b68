import { ALERT_NAMES } from '../tls/registry';

/**
 * What a socket/TLS error says, reduced to facts the diagnosis can use. OpenSSL names an alert it RECEIVED
 * as "…alert <name>" with "SSL alert number N"; errors it raised itself carry their own reason.
 */

export type FailurePhase = 'dns' | 'tcp' | 'tls' | 'http';

export interface FailureFacts {
  phase: FailurePhase;
  /** Node/OpenSSL code: 'ECONNREFUSED', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'UND_ERR_SOCKET', 'TIMEOUT', … */
  code: string;
  /** short, secret-free reason: 'tlsv13 alert certificate required', 'connect ECONNREFUSED 127.0.0.1:443' */
  reason: string;
  /** an alert the peer sent, as OpenSSL reported it */
  receivedAlert: number | null;
  /** ms since the start of the attempt */
  atMs: number;
}

const ALERT_BY_REASON = new Map(Object.entries(ALERT_NAMES).map(([code, name]) => [name.replace(/_/g, ' '), Number(code)]));

function alertFrom(error: NodeJS.ErrnoException & { reason?: string }): number | null {
  const match = /SSL alert number (\d+)/.exec(error.message ?? '');
  if (match) return Number(match[1]);
  const reason = error.reason ?? '';
  const named = /alert (.+)$/.exec(reason);
  if (named) return ALERT_BY_REASON.get(named[1]!.trim()) ?? null;
  return null;
}

/** The OpenSSL reason without file/line details, or Node's message without addresses of internals. */
function shortReason(error: NodeJS.ErrnoException & { reason?: string }): string {
  if (error.reason) return error.reason;
  const message = error.message ?? String(error);
  const openssl = /:([^:]+):[^:]*\.c:\d+/.exec(message);
  return (openssl ? openssl[1]! : message).slice(0, 300);
}

export function failureFacts(phase: FailurePhase, error: unknown, atMs: number): FailureFacts {
  const err = (error ?? {}) as NodeJS.ErrnoException & { reason?: string };
  return {
    phase,
    code: err.code ?? (err.name === 'AbortError' ? 'ABORTED' : 'UNKNOWN'),
    reason: shortReason(err),
    receivedAlert: alertFrom(err),
    atMs,
  };
}

export function timeoutFacts(phase: FailurePhase, timeoutMs: number, atMs: number): FailureFacts {
  return { phase, code: 'TIMEOUT', reason: `no progress within ${timeoutMs} ms`, receivedAlert: null, atMs };
}

/** Errors OpenSSL raises when the bytes from the server are not TLS at all. */
export const NOT_TLS_CODES = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST', 'ERR_SSL_RECORD_LAYER_FAILURE']);

/** Errors that mean "no TLS version both sides accept". */
export const VERSION_CODES = new Set([
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_VERSION_TOO_LOW',
  'ERR_SSL_TLSV1_ALERT_INAPPROPRIATE_FALLBACK',
  'ERR_TLS_INVALID_PROTOCOL_VERSION',
]);
