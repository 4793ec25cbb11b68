import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createAppProtocolHandler, mimeTypeFor, resolveAppFile } from '../../electron/main/app-protocol';
import { useTempDir } from '../helpers/tmp';

const TRAVERSALS = [
  'app://studio/assets/..%2f..%2f..%2fetc%2fpasswd',
  'app://studio/..%5c..%5cwindows%5csystem.ini',
  'app://studio/index.html%00.png',
  'app://other/index.html',
  'file:///etc/passwd',
  'https://studio/index.html',
  'app://studio/%E0%A4%A',
  'not a url',
];

describe('app:// URL resolution', () => {
  const root = resolve('/opt/studio/renderer');

  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile('app://studio/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://studio/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://studio/assets/index-abc.js', root)).toBe(join(root, 'assets/index-abc.js'));
  });

  it.each(['app://studio/../main/index.cjs', 'app://studio/%2e%2e/%2e%2e/etc/passwd'])('normalizes %s inside the renderer folder, never above it', (url) => {
    const file = resolveAppFile(url, root);
    expect(file === null || file.startsWith(root + '/')).toBe(true);
  });

  it.each(TRAVERSALS)('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it('labels content types', () => {
    expect(mimeTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(mimeTypeFor('/x/a.js')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('/x/a.bin')).toBe('application/octet-stream');
  });
});

describe('app:// protocol handler (real files on disk)', () => {
  const dir = useTempDir();
  const root = join(dir, 'renderer');
  const handle = createAppProtocolHandler(root);

  beforeAll(() => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>studio</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    // the file an attacker wants: next to the renderer folder, as dist/main is in the packaged app
    writeFileSync(join(dir, 'secret.txt'), 'main-process-only');
  });

  it('serves the renderer with the CSP and security headers', async () => {
    const response = await handle(new Request('app://studio/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>studio</title>');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await handle(new Request('app://studio/assets/app.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([...TRAVERSALS.filter((url) => url.startsWith('app:')), 'app://studio/../secret.txt', 'app://studio/%2e%2e/secret.txt', 'app://studio/assets/%2e%2e%2f%2e%2e%2fsecret.txt'])(
    'answers 404 to %s and never serves a file outside the renderer folder',
    async (url) => {
      const response = await handle(new Request(url));
      const body = await response.text();
      expect(body).not.toContain('main-process-only');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    },
  );

  it('answers 404 for missing files and folders, 405 for anything but GET/HEAD', async () => {
    expect((await handle(new Request('app://studio/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://studio/assets'))).status).toBe(404);
    expect((await handle(new Request('app://studio/assets/'))).status).toBe(404);
    expect((await handle(new Request('app://studio/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(new Request('app://studio/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('Content-Security-Policy', () => {
  it('is strict: no inline or remote scripts, no network, no frames, workers or plugins', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    for (const none of ['connect-src', 'frame-src', 'worker-src', 'object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(directives.get(none), none).toBe("'none'");
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe|https?:|\*/);
  });

  it('in renderer/index.html is the same policy (minus frame-ancestors, which a <meta> cannot carry)', () => {
    const html = readFileSync(resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
