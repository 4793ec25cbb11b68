/**
 * Saved and exported requests keep a credential header's NAME and drop its VALUE: a bearer token or a session cookie
 * must not sit in localStorage or in a JSON file passed to a colleague. Same rule as the core's report redaction
 * (electron/core/probe/report/redact.ts), copied because the renderer may not import core;
 * test/renderer/secret-headers.test.ts keeps both lists equal.
 */

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

export const SECRET_WORDS = /(token|secret|password|passwd|api[-_]?key|session)/i;

const NAMES = new Set(SECRET_HEADER_NAMES);

export const isSecretHeader = (name: string): boolean =>
  NAMES.has(name.trim().toLowerCase()) || SECRET_WORDS.test(name);

/**
 * The header text with every secret header's value emptied ("Authorization:"), and the names whose values were
 * dropped, in order and without repeats. Lines that are not "Name: value" stay as typed.
 */
export function withholdSecretHeaders(text: string): { headers: string; withheld: string[] } {
  const withheld: string[] = [];
  const headers = text
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      if (colon < 1) return line;
      const name = line.slice(0, colon).trim();
      if (!name || !isSecretHeader(name)) return line;
      if (!withheld.some((w) => w.toLowerCase() === name.toLowerCase())) withheld.push(name);
      return `${line.slice(0, colon)}:`;
    })
    .join('\n');
  return { headers, withheld };
}
