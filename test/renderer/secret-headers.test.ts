import { describe, expect, it } from 'vitest';
import * as core from '../../electron/core/probe/report/redact';

/** the renderer's module, loaded at run time: the test project's type-check does not include renderer sources */
interface RendererSecretHeaders {
  SECRET_HEADER_NAMES: readonly string[];
  SECRET_WORDS: RegExp;
  isSecretHeader(name: string): boolean;
  withholdSecretHeaders(text: string): { headers: string; withheld: string[] };
}
const RENDERER_MODULE = '../../renderer/src/features/test-console/history/secret-headers';
const renderer = (await import(RENDERER_MODULE)) as RendererSecretHeaders;

/**
 * Saved requests (renderer) and reports (core) must agree on which headers carry credentials: the renderer may not
 * import core, so it has its own list, and this test fails the day one of the two changes alone.
 */

describe('secret header rule shared by reports and saved requests', () => {
  it('names the same headers and the same secret words in both places', () => {
    expect([...renderer.SECRET_HEADER_NAMES].sort()).toEqual([...core.SECRET_HEADER_NAMES].sort());
    expect(renderer.SECRET_WORDS.source).toBe(core.SECRET_WORDS.source);
    expect(renderer.SECRET_WORDS.flags).toBe(core.SECRET_WORDS.flags);
    for (const name of ['Authorization', 'COOKIE', 'X-Api-Key', 'X-Session-Id', 'Accept', 'Content-Type', 'X-Request-Id'])
      expect(renderer.isSecretHeader(name), name).toBe(core.isSecretHeader(name));
  });

  it('keeps credential header names, drops their values, and leaves other lines as typed', () => {
    const typed = [
      'Accept: application/json',
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.secret-part',
      'cookie: session=abc123; theme=dark',
      'X-Client-Secret: s3cr3t:with:colons',
      'authorization: Basic dXNlcjpwYXNz',
      'not a header line',
      'X-Request-Id: 42',
    ].join('\n');
    const { headers, withheld } = renderer.withholdSecretHeaders(typed);
    expect(headers.split('\n')).toEqual([
      'Accept: application/json',
      'Authorization:',
      'cookie:',
      'X-Client-Secret:',
      'authorization:',
      'not a header line',
      'X-Request-Id: 42',
    ]);
    expect(withheld).toEqual(['Authorization', 'cookie', 'X-Client-Secret']);
    for (const secret of ['eyJhbGci', 'abc123', 's3cr3t', 'dXNlcjpwYXNz']) expect(headers).not.toContain(secret);
    expect(renderer.withholdSecretHeaders('Accept: */*')).toEqual({ headers: 'Accept: */*', withheld: [] });
  });
});
