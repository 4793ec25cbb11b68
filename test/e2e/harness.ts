/**
 * Runs the built renderer in real Chromium with `window.studio` wired to the REAL services behind the REAL IPC
 * gateway, exactly as the preload wires it in Electron — only the transport differs (a Playwright binding instead
 * of ipcRenderer.invoke) and the native file dialogs, which cannot exist outside Electron, are scripted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { OutputFormat } from '../../electron/common/dto/inspect';
import { events, type EventName, type EventPayload } from '../../electron/common/ipc/contract';
import { createServices } from '../../electron/core';
import { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../../electron/main/app-protocol';
import type { CaSaveKind } from '../../electron/main/ipc/ca-handlers';
import { createGateway } from '../../electron/main/ipc/gateway';
import { createIpcHandlers, type Dialogs } from '../../electron/main/ipc/handlers';
import { createOpenedFilesInbox } from '../../electron/main/opened-files';
import { createSettingsStore } from '../../electron/main/settings-store';

const ROOT = resolve(__dirname, '../..');
// STUDIO_RENDERER_DIST: a renderer built elsewhere (`vite build --outDir …`), so parallel work does not share dist/
const RENDERER_DIST = process.env.STUDIO_RENDERER_DIST ?? join(ROOT, 'dist/renderer');
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screens');

export const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The native dialogs, scripted: what the user "picks" next, and where they "save". Every call is recorded. */
export class ScriptedDialogs implements Dialogs {
  nextPick: string[] = [];
  nextSavePath: string | null = null;
  readonly saveRequests: { suggestedName: string; format: OutputFormat | CaSaveKind | 'markdown' | 'json' | 'folder' }[] = [];

  async pickFiles(): Promise<string[]> {
    return this.nextPick;
  }

  async chooseSavePath(suggestedName: string, format: OutputFormat): Promise<string | null> {
    this.saveRequests.push({ suggestedName, format });
    return this.nextSavePath;
  }

  async chooseReportPath(suggestedName: string, format: 'markdown' | 'json'): Promise<string | null> {
    this.saveRequests.push({ suggestedName, format });
    return this.nextSavePath;
  }

  async pickFile(): Promise<string | null> {
    return this.nextPick[0] ?? null;
  }

  async chooseFileSavePath(suggestedName: string, format: CaSaveKind): Promise<string | null> {
    this.saveRequests.push({ suggestedName, format });
    return this.nextSavePath;
  }

  async chooseNewFolder(suggestedName: string): Promise<string | null> {
    this.saveRequests.push({ suggestedName, format: 'folder' });
    return this.nextSavePath;
  }
}

export interface StudioPage {
  page: Page;
  context: BrowserContext;
  dialogs: ScriptedDialogs;
  /** drops files on a drop zone (default: Inspect's) the way a drag from the file manager does (File objects + their disk paths) */
  drop(paths: string[], testId?: string): Promise<void>;
  /** the OS hands files to the app ("Open with", a drop on the dock icon, a second launch), as main's inbox gets them */
  openWithApp(paths: string[]): void;
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
  /** uncaught errors and console errors in the page (CSP violations included); tests expect none */
  errors: string[];
}

export interface Harness {
  origin: string;
  /**
   * `openedFiles`: files the OS handed to the app before its window loaded (launch argv, macOS open-file).
   * `home`: the data folder (vault, settings) of this window's services; default one folder per harness.
   * The vault's keychain is the OS one, reached through this process's DBUS_SESSION_BUS_ADDRESS (see useKeyring).
   */
  open(options: { locale: Lang; colorScheme?: 'light' | 'dark'; hash?: string; openedFiles?: string[]; home?: string }): Promise<StudioPage>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function startHarness(): Promise<Harness> {
  ensureRendererBuilt();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const server = await serveStatic(RENDERER_DIST);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const home = mkdtempSync(join(tmpdir(), 'mtls-studio-e2e-home-'));
  // not the test's private D-Bus session (tests that stop their keyring would take the browser down with it)
  const { DBUS_SESSION_BUS_ADDRESS: _bus, ...browserEnv } = process.env;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, env: browserEnv });
  const initScript = studioInitScript();
  const contexts: BrowserContext[] = [];

  return {
    origin,
    async open({ locale, colorScheme = 'light', hash = '#/identities', openedFiles = [], home: dataHome = home }) {
      const context = await browser.newContext({ locale, colorScheme, viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
      contexts.push(context);
      const dialogs = new ScriptedDialogs();
      let current: Page | null = null;
      // main's own inbox; its event goes to the page as the preload's ipcRenderer.on would deliver it
      const inbox = createOpenedFilesInbox({
        batchMs: 0,
        deliver: (paths) => {
          void current?.evaluate(([event, payload]) => (window as unknown as { __studioEmit(e: string, p: unknown): void }).__studioEmit(event, payload), ['studio:app.filesOpened', { paths }] as const);
          return current !== null;
        },
      });
      inbox.add(openedFiles);
      // main → renderer events other than filesOpened, validated against the contract as the window's send() does
      const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
        const checked = events[event].parse(payload);
        void current?.evaluate(([name, data]) => (window as unknown as { __studioEmit(e: string, p: unknown): void }).__studioEmit(name, data), [event, checked] as const).catch(() => undefined);
        return current !== null;
      };
      const handlers = createIpcHandlers({
        events: emit,
        services: createServices({ home: dataHome }),
        dialogs,
        openedFiles: inbox,
        settings: createSettingsStore(join(dataHome, 'settings.json')),
        appInfo: { name: 'mTLS Studio', version: '0.0.0-e2e', host: 'harness', platform: process.platform, versions: { chromium: browser.version(), node: process.versions.node } },
      });
      // the same gate as in Electron: only the top frame of the page we served may call in
      const gateway = createGateway(handlers, { isTrustedSender: (s) => s.isMainFrame && sameOrigin(s.url, origin) });
      await context.exposeBinding('__studioInvoke', (source, channel: unknown, ...args: unknown[]) =>
        gateway.invoke({ url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }, channel, args),
      );
      await context.addInitScript({ content: initScript });
      const page = await context.newPage();
      current = page;
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      await page.goto(`${origin}/index.html${hash}`);
      await page.locator('nav').first().waitFor();
      return {
        page,
        context,
        dialogs,
        errors,
        drop: (paths, testId = 'dropzone') => dropFiles(page, paths, testId),
        openWithApp: (paths) => inbox.add(paths),
        async screenshot(name, options = {}) {
          const file = join(SCREENSHOT_DIR, `${name}.png`);
          // let transitions (modals, collapses, notifications) settle
          await page.waitForTimeout(350);
          if (!options.fullPage) {
            await page.screenshot({ path: file, animations: 'disabled' });
            return file;
          }
          // the shell's header and navbar are position:fixed, which a scrolling full-page capture paints mid-page;
          // a window as tall as the content shows the page the way a tall screen would
          const viewport = page.viewportSize()!;
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
          await page.waitForTimeout(150);
          await page.screenshot({ path: file, animations: 'disabled' });
          await page.setViewportSize(viewport);
          return file;
        },
      };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(home, { recursive: true, force: true });
    },
  };
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * window.studio as the preload builds it: `buildStudioApi` from the contract (bundled, zod included) over the
 * binding, plus `pathForFile`, which in Electron asks webUtils for a dropped file's disk path; here it looks the
 * name up in the table `drop()` fills. Events (main → renderer) reach the page's listeners via `__studioEmit`.
 */
function studioInitScript(): string {
  const bundle = buildSync({
    entryPoints: [join(ROOT, 'electron/common/ipc/api.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__studioApiModule',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const api = bundle.outputFiles[0]!.text;
  return `${api}
;(() => {
  const invoke = (channel, ...args) => window.__studioInvoke(channel, ...args);
  const listeners = new Map();
  const subscribe = (event, listener) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(listener);
    return () => listeners.get(event).delete(listener);
  };
  Object.defineProperty(window, '__studioEmit', { value: (event, payload) => { for (const listener of listeners.get(event) ?? []) listener(payload); } });
  const paths = new Map();
  Object.defineProperty(window, '__studioRegisterDrop', { value: (entries) => { for (const [name, path] of entries) paths.set(name, path); } });
  const studio = { ...__studioApiModule.buildStudioApi(invoke, subscribe), pathForFile: (file) => paths.get(file.name) ?? '' };
  Object.defineProperty(window, 'studio', { value: Object.freeze(studio), enumerable: true });
})();`;
}

async function dropFiles(page: Page, paths: string[], testId: string): Promise<void> {
  const entries = paths.map((path) => [path.split(sep).pop()!, path] as const);
  const target = page.getByTestId(testId);
  await target.waitFor();
  await target.evaluate(async (element, list) => {
    (window as unknown as { __studioRegisterDrop(e: (readonly [string, string])[]): void }).__studioRegisterDrop(list);
    const data = new DataTransfer();
    // empty File objects: like Electron, the renderer never reads file contents, only asks for the path
    for (const [name] of list) data.items.add(new File([], name));
    // paced like a real drag: the drop zone reads the drag's files asynchronously on dragenter
    for (const type of ['dragenter', 'dragover', 'drop']) {
      element.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      await new Promise((done) => setTimeout(done, 60));
    }
  }, entries);
}

/** `npm test` builds before testing; a bare `vitest run` rebuilds the renderer when its sources are newer. */
function ensureRendererBuilt(): void {
  const index = join(RENDERER_DIST, 'index.html');
  if (existsSync(index) && newestMtime(join(ROOT, 'renderer')) <= statSync(index).mtimeMs) return;
  // vitest sets NODE_ENV=test, which would give React's development build: build what `npm run build` builds
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'renderer/vite.config.mts', '--outDir', RENDERER_DIST, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** A static server on 127.0.0.1 for dist/renderer, with the app's CSP; nothing outside the folder is served. */
function serveStatic(root: string): Promise<Server> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(base, pathname === '/' ? 'index.html' : pathname));
    if (request.method !== 'GET' || !file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': mimeTypeFor(file) || (extname(file) === '.map' ? 'application/json' : 'application/octet-stream'),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    response.end(readFileSync(file));
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done(server));
  });
}
