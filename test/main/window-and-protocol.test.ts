import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, mimeTypeFor, resolveAppFile } from '../../electron/main/app-protocol';
import { mainWindowOptions } from '../../electron/main/window-options';

describe('main window options', () => {
  const prefs = mainWindowOptions('/app/preload/index.cjs').webPreferences!;

  it('isolates and sandboxes the renderer, with no Node and web security on', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('app:// protocol', () => {
  const root = resolve('/opt/studio/renderer');

  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile('app://studio/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://studio/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://studio/assets/index-abc.js', root)).toBe(join(root, 'assets/index-abc.js'));
  });

  it.each(['app://studio/../main/index.cjs', 'app://studio/%2e%2e/%2e%2e/etc/passwd'])(
    'normalizes %s inside the renderer folder, never above it',
    (url) => {
      const file = resolveAppFile(url, root);
      expect(file === null || file.startsWith(root + '/')).toBe(true);
    },
  );

  it.each([
    'app://studio/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://studio/..%5c..%5cwindows%5csystem.ini',
    'app://studio/index.html%00.png',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://studio/index.html',
    'app://studio/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it('answers with a strict CSP: no inline or remote scripts, no network', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('labels content types', () => {
    expect(mimeTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(mimeTypeFor('/x/a.js')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('/x/a.bin')).toBe('application/octet-stream');
  });
});
