import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileLogger } from '../../electron/main/logger';
import { createMainWindow, type MainWindowOptions } from '../../electron/main/main-window';
import { useTempDir } from '../helpers/tmp';
import { BrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const dir = useTempDir();
let resets = 0;

function options(name: string, devTools = false): MainWindowOptions {
  return {
    preload: '/app/dist/preload/index.cjs',
    stateFile: join(dir, `${name}.json`),
    devTools,
    logger: createFileLogger(join(dir, 'logs')),
    onRendererReset: () => resets++,
  };
}

beforeEach(() => {
  resetFakeElectron([
    { workArea: { x: 0, y: 25, width: 1920, height: 1055 } },
    { workArea: { x: 1920, y: 0, width: 2560, height: 1440 } },
  ]);
  resets = 0;
});

describe('main window', () => {
  it('is isolated, sandboxed, without Node, with web security, and loads app://studio/', async () => {
    const window = createMainWindow(options('prefs')).show() as unknown as BrowserWindow;
    expect(window.options.webPreferences).toEqual({
      preload: '/app/dist/preload/index.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
    expect(window.options).not.toHaveProperty('webPreferences.enableBlinkFeatures');
    expect(window.loadedUrl).toBe('app://studio/index.html');
    expect(window.options).toMatchObject({ show: false, minWidth: 960, minHeight: 640, title: 'mTLS Studio' });
    // shown on its first paint, not before (no white flash)
    expect(window.visible).toBe(false);
    await new Promise((done) => setImmediate(done));
    expect(window.visible).toBe(true);
  });

  it('enables DevTools only when asked to', () => {
    const window = createMainWindow(options('devtools', true)).show() as unknown as BrowserWindow;
    expect(window.options.webPreferences?.devTools).toBe(true);
  });

  it('remembers size, position and maximized across launches', () => {
    const first = createMainWindow(options('remember')).show() as unknown as BrowserWindow;
    first.bounds = { x: 2000, y: 100, width: 1700, height: 1000 };
    first.maximized = true;
    first.close();
    expect(JSON.parse(readFileSync(join(dir, 'remember.json'), 'utf8'))).toEqual({ x: 2000, y: 100, width: 1700, height: 1000, maximized: true });

    const second = createMainWindow(options('remember')).show() as unknown as BrowserWindow;
    expect(second.options).toMatchObject({ x: 2000, y: 100, width: 1700, height: 1000 });
    expect(second.maximized).toBe(true);
  });

  it('brings a window saved on a monitor that is gone back on screen', () => {
    writeFileSync(join(dir, 'gone.json'), JSON.stringify({ x: 5000, y: 200, width: 1700, height: 1000, maximized: false }));
    resetFakeElectron([{ workArea: { x: 0, y: 25, width: 1920, height: 1055 } }]);
    const window = createMainWindow(options('gone')).show() as unknown as BrowserWindow;
    expect(window.options).not.toHaveProperty('x');
    expect(window.bounds.x).toBeGreaterThanOrEqual(0);
    expect(window.bounds.x + window.bounds.width).toBeLessThanOrEqual(1920);
  });

  it('ignores a tampered state file and opens at the default size', () => {
    writeFileSync(join(dir, 'tampered.json'), '{"x":0,"y":0,"width":"__proto__","height":1,"maximized":"yes"}');
    const window = createMainWindow(options('tampered')).show() as unknown as BrowserWindow;
    expect(window.options).toMatchObject({ width: 1280, height: 860 });
    expect(window.options).not.toHaveProperty('x');
  });

  it('keeps one window: show() restores and focuses it instead of opening another', async () => {
    const main = createMainWindow(options('one'));
    const window = main.show() as unknown as BrowserWindow;
    await new Promise((done) => setImmediate(done));
    window.minimize();
    expect(main.show()).toBe(window);
    expect(window.minimized).toBe(false);
    expect(window.focusCount).toBe(1);
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('opens a new window after the last one was closed (macOS dock click)', () => {
    const main = createMainWindow(options('reopen'));
    (main.show() as unknown as BrowserWindow).close();
    expect(main.current()).toBeNull();
    main.show();
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('tells the opened-files inbox when the renderer reloads or goes away', () => {
    const main = createMainWindow(options('reset'));
    const window = main.show() as unknown as BrowserWindow;
    expect(resets).toBe(1); // the initial load
    window.webContents.emit('did-start-loading');
    window.close();
    expect(resets).toBe(3);
  });

  it('sends only contract events with valid payloads, and reports when no window can receive them', () => {
    const main = createMainWindow(options('events'));
    expect(main.send('studio:app.filesOpened', { paths: ['/a.p12'] })).toBe(false);
    const window = main.show() as unknown as BrowserWindow;
    expect(main.send('studio:app.filesOpened', { paths: ['/a.p12', '/b.pem'] })).toBe(true);
    expect(window.webContents.sent).toEqual([['studio:app.filesOpened', { paths: ['/a.p12', '/b.pem'] }]]);
    expect(() => main.send('studio:app.filesOpened', { paths: [] })).toThrow();
    expect(() => main.send('studio:app.filesOpened', { paths: ['/a'], extra: 1 } as never)).toThrow();
    expect(window.webContents.sent).toHaveLength(1);
  });

  it('logs, and survives, a state file that cannot be written', () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where a folder is needed');
    const opts = { ...options('x'), stateFile: join(blocked, 'window-state.json') };
    (createMainWindow(opts).show() as unknown as BrowserWindow).close();
    expect(existsSync(opts.logger.file)).toBe(true);
    expect(readFileSync(opts.logger.file, 'utf8')).toContain('window.state-not-saved');
  });
});
