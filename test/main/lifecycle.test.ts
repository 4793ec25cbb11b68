/**
 * The real main entry (electron/main/index.ts) started against the Electron stand-in: single-instance lock,
 * session hardening, IPC registration, menu, and every way files reach the window (launch argv, second
 * instance, macOS open-file, File → Open Files…), plus the log file. Each test is a fresh launch.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../electron/common/ipc/contract';
import { makeTestPki, openssl } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import type * as Fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const dir = useTempDir();
const P12_PASSWORD = 'launch-Secret-77';
let p12: string;
let pem: string;
let launches = 0;
type ProcessEvent = 'uncaughtException' | 'unhandledRejection';
/** the process handlers each launch installs: taken off right away so they never outlive their test */
const added: { event: ProcessEvent; listener: (...args: unknown[]) => void }[] = [];

beforeAll(() => {
  const pki = makeTestPki(join(dir, '.'));
  pem = pki.leafCert;
  p12 = join(dir, 'client.p12');
  openssl(['pkcs12', '-export', '-inkey', pki.leafKey, '-in', pki.leafCert, '-out', p12, '-passout', `pass:${P12_PASSWORD}`]);
});

afterEach(() => {
  for (const { event, listener } of added.splice(0)) process.removeListener(event, listener as never);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

interface Launched {
  fake: typeof Fake;
  home: string;
  /** the renderer calls main the way the preload does, from the app's top frame */
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  window(): Fake.BrowserWindow;
  menuItem(id: string): MenuItemConstructorOptions;
}

async function launch(options: { argv?: string[]; hasLock?: boolean; packaged?: boolean; beforeReady?: (fake: typeof Fake) => void; ready?: boolean } = {}): Promise<Launched> {
  vi.resetModules();
  const fake = (await import('electron')) as unknown as typeof Fake;
  fake.resetFakeElectron();
  fake.app.hasLock = options.hasLock ?? true;
  fake.app.isPackaged = options.packaged ?? false;
  const home = join(dir, `home-${++launches}`);
  mkdirSync(home);
  vi.stubEnv('MTLS_STUDIO_HOME', home);
  const argv = process.argv;
  const listenersOf = (event: ProcessEvent) => process.listeners(event as 'uncaughtException') as unknown[];
  const before = { uncaughtException: listenersOf('uncaughtException'), unhandledRejection: listenersOf('unhandledRejection') };
  process.argv = options.argv ?? ['/opt/mTLS Studio/mtls-studio'];
  try {
    await import('../../electron/main/index');
  } finally {
    process.argv = argv;
    for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
      for (const listener of listenersOf(event)) if (!before[event].includes(listener)) added.push({ event, listener: listener as (...args: unknown[]) => void });
    }
    for (const { event, listener } of added) process.removeListener(event, listener as never);
  }
  options.beforeReady?.(fake);
  if (options.ready ?? true) await fake.app.becomeReady();
  const window = () => fake.BrowserWindow.instances.at(-1)!;
  return {
    fake,
    home,
    window,
    invoke: async (channel, ...args) => {
      const handler = fake.ipcMain.handlers.get(channel)!;
      const mainFrame = { url: 'app://studio/index.html' };
      return handler({ senderFrame: mainFrame, sender: { mainFrame } }, ...args);
    },
    menuItem: (id) => {
      const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu) : [])]);
      return all(fake.Menu.application!.template as MenuItemConstructorOptions[]).find((item) => item.id === id)!;
    },
  };
}

const settle = () => new Promise((done) => setTimeout(done, 150));
const filesOpened = (window: Fake.BrowserWindow) => window.webContents.sent.filter(([channel]) => channel === 'studio:app.filesOpened').map(([, payload]) => payload);

describe('main process lifecycle', () => {
  it('a second launch hands over to the running instance and quits without opening anything', async () => {
    const { fake } = await launch({ hasLock: false, ready: false });
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
    await fake.app.becomeReady();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('starts hardened: sandbox everywhere, privileged app:// scheme, permissions, downloads and remote requests denied, contract channels only', async () => {
    const { fake, home, window } = await launch();
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.app.paths.userData).toBe(home);
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect([...fake.protocol.handlers.keys()]).toEqual(['app']);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());

    const session = fake.session.defaultSession;
    const granted = vi.fn();
    session.handlers.request!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(session.handlers.check!(null, 'notifications')).toBe(false);
    const download = { prevented: false, preventDefault() { this.prevented = true; } };
    session.emit('will-download', download);
    expect(download.prevented).toBe(true);
    expect(session.webRequest.filters).toEqual([{ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*'] }]);
    const answer = vi.fn();
    session.handlers.beforeRequest!({ url: 'https://evil.example/beacon' }, answer);
    expect(answer).toHaveBeenCalledWith({ cancel: true });

    expect(fake.BrowserWindow.instances).toHaveLength(1);
    expect(window().loadedUrl).toBe('app://studio/index.html');
    expect(window().options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(fake.Menu.application).not.toBeNull();
  });

  it('guards every web contents: no navigation away, no new windows, only allow-listed https links go to the OS browser', async () => {
    const { fake, window } = await launch();
    const contents = window().webContents;
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-frame-navigate', 'app://studio/index.html', false)).toBe(true);
    expect(contents.fire('will-navigate', 'app://studio/index.html')).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://docs.aws.amazon.com/acm/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.shell.opened).toEqual(['https://docs.aws.amazon.com/acm/']);
  });

  it('opens the files of the launch command line in Inspect, once the renderer asks', async () => {
    const { invoke } = await launch({ argv: ['/opt/mTLS Studio/mtls-studio', '--no-sandbox', p12, join(dir, 'missing.cer')] });
    expect(await invoke('studio:app.takeOpenedFiles')).toEqual({ ok: true, value: { paths: [p12] } });
    expect(await invoke('studio:app.takeOpenedFiles')).toEqual({ ok: true, value: { paths: [] } });
  });

  it('forwards the files of a second launch to the running window and brings it to the front', async () => {
    const { fake, invoke, window } = await launch();
    await invoke('studio:app.takeOpenedFiles');
    window().minimize();
    fake.app.emit('second-instance', {}, ['C:\\Program Files\\mTLS Studio\\mTLS Studio.exe', '--allow-file-access-from-files', 'client.p12'], dir, {});
    await settle();
    expect(filesOpened(window())).toEqual([{ paths: [p12] }]);
    expect(window().minimized).toBe(false);
    expect(window().focusCount).toBeGreaterThan(0);
    expect(fake.BrowserWindow.instances).toHaveLength(1);
  });

  it('macOS: queues open-file events that come before ready, then delivers a multi-file dock drop as one event', async () => {
    const openFile = (fake: typeof Fake, path: string) => {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      fake.app.emit('open-file', event, path);
      return event.prevented;
    };
    let early = false;
    const { fake, invoke, window } = await launch({ beforeReady: (f) => (early = openFile(f, p12)) });
    expect(early).toBe(true);
    expect(await invoke('studio:app.takeOpenedFiles')).toEqual({ ok: true, value: { paths: [p12] } });
    openFile(fake, p12);
    openFile(fake, pem);
    await settle();
    expect(filesOpened(window())).toEqual([{ paths: [p12, pem] }]);
  });

  it('File → Open Files… (Cmd/Ctrl+O) picks with the native dialog and shows the files in Inspect', async () => {
    const { fake, invoke, window, menuItem } = await launch();
    await invoke('studio:app.takeOpenedFiles');
    fake.dialog.nextOpen = { canceled: false, filePaths: [p12, pem] };
    expect(menuItem('open-files').accelerator).toBe('CmdOrCtrl+O');
    (menuItem('open-files').click as () => void)();
    await settle();
    expect(filesOpened(window())).toEqual([{ paths: [p12, pem] }]);
    const options = fake.dialog.openCalls[0]!.at(-1) as { filters: { extensions: string[] }[] };
    expect(options.filters[0]!.extensions).toEqual(expect.arrayContaining(['p12', 'pfx', 'pem', 'crt', 'cer', 'der', 'key', 'p7b', 'csr']));
  });

  it('a renderer reload queues files again until it asks for them', async () => {
    const { fake, invoke, window } = await launch();
    await invoke('studio:app.takeOpenedFiles');
    window().webContents.emit('did-start-loading');
    fake.app.emit('second-instance', {}, ['mtls-studio', pem], dir, {});
    await settle();
    expect(filesOpened(window())).toEqual([]);
    expect(await invoke('studio:app.takeOpenedFiles')).toEqual({ ok: true, value: { paths: [pem] } });
  });

  it('Help → Show Logs reveals the log file in the data folder; About shows the versions', async () => {
    const { fake, home, menuItem } = await launch();
    (menuItem('show-logs').click as () => void)();
    expect(fake.shell.shownInFolder).toEqual([join(home, 'logs', 'main.log')]);
    expect(readFileSync(join(home, 'logs', 'main.log'), 'utf8')).toContain('"event":"app.start"');
    (menuItem('open-data-folder').click as () => void)();
    expect(fake.shell.openedPaths).toEqual([home]);
    (menuItem('about').click as () => void)();
    await settle();
    expect(fake.dialog.messageBoxes[0]).toMatchObject({ title: 'About mTLS Studio', detail: expect.stringContaining('Version 0.1.0') });
  });

  it('the menu, About and the open dialog speak the language the renderer reports; a change rebuilds the menu', async () => {
    const { fake, invoke, menuItem } = await launch();
    const topLabels = () => (fake.Menu.application!.template as MenuItemConstructorOptions[]).map((item) => item.label ?? item.role);
    const first = fake.Menu.application;
    expect(topLabels()).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);

    expect(await invoke('studio:settings.update', { language: 'zh-TW' })).toMatchObject({ ok: true, value: { language: 'zh-TW' } });
    expect(fake.Menu.application).not.toBe(first);
    expect(topLabels()).toEqual(['檔案', 'editMenu', '檢視', 'windowMenu', 'help']);
    expect([menuItem('open-files').label, menuItem('show-logs').label, menuItem('open-data-folder').label, menuItem('about').label]).toEqual(['開啟檔案…', '顯示記錄檔', '開啟資料存放資料夾', '關於 mTLS Studio']);
    (menuItem('open-files').click as () => void)();
    (menuItem('about').click as () => void)();
    await settle();
    expect(fake.dialog.openCalls.at(-1)!.at(-1)).toMatchObject({ title: '開啟憑證與金鑰' });
    expect(fake.dialog.messageBoxes.at(-1)).toMatchObject({ title: '關於 mTLS Studio', buttons: ['確定', '複製版本資訊'], detail: expect.stringContaining('版本 0.1.0') });

    const rebuilt = fake.Menu.application;
    await invoke('studio:settings.update', { expiryThresholdDays: 20 });
    expect(fake.Menu.application).toBe(rebuilt);
    await invoke('studio:settings.update', { language: 'zh-CN' });
    expect(topLabels()).toEqual(['文件', 'editMenu', '视图', 'windowMenu', 'help']);
  });

  it('before the renderer reports a language, main follows the OS locale', async () => {
    const fake = (await import('electron')) as unknown as typeof Fake;
    const getLocale = fake.app.getLocale;
    try {
      const { menuItem } = await launch({ beforeReady: (f) => (f.app.getLocale = () => 'zh-Hans-CN') });
      expect(menuItem('open-files').label).toBe('打开文件…');
    } finally {
      fake.app.getLocale = getLocale;
    }
  });

  it('a wrong password typed in the app is refused and never written to the log', async () => {
    const { invoke, home } = await launch();
    const typed = 'typed-Wrong-pass-31';
    expect(await invoke('studio:files.inspect', { paths: [p12], password: typed })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    const log = readFileSync(join(home, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('WRONG_PASSWORD');
    expect(log).not.toContain(typed);
    expect(log).not.toContain(P12_PASSWORD);
  });

  it('remembers the window in the data folder when it closes', async () => {
    const { home, window } = await launch();
    window().bounds = { x: 40, y: 60, width: 1100, height: 700 };
    window().close();
    expect(JSON.parse(readFileSync(join(home, 'window-state.json'), 'utf8'))).toEqual({ x: 40, y: 60, width: 1100, height: 700, maximized: false });
  });

  it('logs an uncaught error, tells the user where the details are, and exits', async () => {
    const { fake, home } = await launch();
    const handler = added.find((entry) => entry.event === 'uncaughtException')!.listener;
    handler(new Error(`boom while reading ${P12_PASSWORD.length} bytes`));
    expect(fake.app.exitCode).toBe(1);
    expect(fake.dialog.errorBoxes[0]![1]).toContain(join(home, 'logs', 'main.log'));
    expect(fake.dialog.errorBoxes[0]![1]).not.toContain('boom');
    expect(readFileSync(join(home, 'logs', 'main.log'), 'utf8')).toContain('"event":"main.uncaught"');
  });

  it('tells an uncaught error in the language the renderer reported', async () => {
    const { fake, home, invoke } = await launch();
    await invoke('studio:settings.update', { language: 'zh-TW' });
    added.find((entry) => entry.event === 'uncaughtException')!.listener(new Error('boom'));
    expect(fake.dialog.errorBoxes[0]).toEqual(['mTLS Studio 已停止運作', `發生未預期的錯誤。詳細資訊請見記錄檔：\n${join(home, 'logs', 'main.log')}`]);
  });

  it('opens nothing a stray argument names when it is not a file', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    writeFileSync(join(dir, 'note.txt'), 'x');
    const { invoke } = await launch({ argv: ['mtls-studio', folder, 'https://example.com/x.p12'] });
    expect(await invoke('studio:app.takeOpenedFiles')).toEqual({ ok: true, value: { paths: [] } });
    expect(existsSync(folder)).toBe(true);
  });
});

describe('DevTools', () => {
  it('stay off in a packaged app even when MTLS_STUDIO_DEVTOOLS=1', async () => {
    vi.stubEnv('MTLS_STUDIO_DEVTOOLS', '1');
    try {
      const packaged = await launch({ packaged: true });
      expect(packaged.window().options.webPreferences?.devTools).toBe(false);
      const development = await launch();
      expect(development.window().options.webPreferences?.devTools).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
