/**
 * Reports are pasted into tickets: credentials in headers are replaced, everything else (DNs, fingerprints,
 * addresses) stays. Key material and passwords never reach a result in the first place.
 */

/** The renderer keeps its own copy (it may not import core); test/renderer/secret-headers.test.ts keeps them equal. */
export const SECRET_HEADER_NAMES: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-amz-security-token',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
];
const SECRET_HEADERS = new Set(SECRET_HEADER_NAMES);

export const SECRET_WORDS = /(token|secret|password|passwd|api[-_]?key|session)/i;

export const REDACTED = '<redacted>';

export const isSecretHeader = (name: string): boolean =>
  SECRET_HEADERS.has(name.toLowerCase()) || SECRET_WORDS.test(name);

/** Keeps the authentication scheme ("Bearer", "Basic") so the reader knows what was sent. */
export function redactHeader(name: string, value: string): string {
  if (!isSecretHeader(name)) return value;
  const scheme = /^(Bearer|Basic|Digest|AWS4-HMAC-SHA256|Negotiate)\s/i.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, redactHeader(name, value)]),
  );
}
