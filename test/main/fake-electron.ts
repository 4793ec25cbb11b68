/**
 * A stand-in for the 'electron' module (its binary cannot run here): the parts of the API main and preload use,
 * with the behaviour they rely on (events, window lifecycle, IPC registration) and a record of every call.
 * Tests install it with `vi.mock('electron', () => import('./fake-electron'))` and call `resetFakeElectron()`.
 */
import { EventEmitter } from 'node:events';

export interface Display {
  workArea: { x: number; y: number; width: number; height: number };
}

type Listener = (...args: unknown[]) => void;
type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  readonly sent: [channel: string, payload: unknown][] = [];
  readonly mainFrame = { url: 'app://studio/index.html' };
  windowOpenHandler: WindowOpenHandler | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  /** fires a navigation-type event the way Electron does; true when a listener prevented it */
  fire(event: string, url: string, isMainFrame = true): boolean {
    const details = { url, isMainFrame, prevented: false, preventDefault() { this.prevented = true; } };
    this.emit(event, details, url);
    return details.prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows = (): BrowserWindow[] => BrowserWindow.instances.filter((w) => !w.destroyed);
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
  loadedUrl: string | null = null;
  visible = false;
  minimized = false;
  maximized = false;
  focusCount = 0;
  destroyed = false;
  bounds: { x: number; y: number; width: number; height: number };

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    const n = (key: string, fallback: number) => (typeof options[key] === 'number' ? (options[key] as number) : fallback);
    // like the OS: no x/y means centred on the primary display
    const area = screen.getPrimaryDisplay().workArea;
    const width = n('width', 800);
    const height = n('height', 600);
    this.bounds = { x: n('x', area.x + Math.round((area.width - width) / 2)), y: n('y', area.y + Math.round((area.height - height) / 2)), width, height };
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.emit('did-start-loading');
    // the first paint comes later, as in Electron
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.focusCount++;
  }
  minimize(): void {
    this.minimized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** the user closes the window */
  close(): void {
    this.emit('close', { preventDefault() {} });
    this.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  hasLock = true;
  ready = false;
  quitCalls = 0;
  exitCode: number | null = null;
  sandboxEnabled = false;
  appUserModelId: string | null = null;
  readonly paths: Record<string, string> = {};
  private resolveReady: () => void = () => undefined;
  private readyPromise: Promise<void> = this.freshReady();

  private freshReady(): Promise<void> {
    return new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }
  reset(): void {
    this.removeAllListeners();
    Object.assign(this, { isPackaged: false, hasLock: true, ready: false, quitCalls: 0, exitCode: null, sandboxEnabled: false, appUserModelId: null });
    for (const key of Object.keys(this.paths)) delete this.paths[key];
    this.readyPromise = this.freshReady();
  }
  /** Electron finished starting: whenReady() resolves */
  async becomeReady(): Promise<void> {
    this.ready = true;
    this.resolveReady();
    await this.readyPromise;
    // let the whenReady().then(...) continuation run
    await new Promise((done) => setImmediate(done));
  }
  requestSingleInstanceLock = (): boolean => this.hasLock;
  whenReady = (): Promise<void> => this.readyPromise;
  isReady = (): boolean => this.ready;
  setPath = (name: string, value: string): void => {
    this.paths[name] = value;
  };
  getPath = (name: string): string => this.paths[name] ?? `/fake/${name}`;
  getVersion = (): string => '0.1.0';
  getLocale = (): string => 'en-US';
  quit = (): void => {
    this.quitCalls++;
  };
  exit = (code: number): void => {
    this.exitCode = code;
  };
  enableSandbox = (): void => {
    this.sandboxEnabled = true;
  };
  setAppUserModelId = (id: string): void => {
    this.appUserModelId = id;
  };
}

export const app = new FakeApp();

export const screen = {
  displays: [] as Display[],
  getAllDisplays: (): Display[] => screen.displays,
  getPrimaryDisplay: (): Display => screen.displays[0]!,
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    protocol.handlers.set(scheme, handler);
  },
};

class FakeSession extends EventEmitter {
  readonly handlers: Record<string, Listener> = {};
  readonly webRequest = {
    filters: [] as { urls: string[] }[],
    onBeforeRequest: (filter: { urls: string[] }, listener: Listener): void => {
      this.webRequest.filters.push(filter);
      this.handlers.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.handlers.request = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.handlers.check = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.handlers.device = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  },
};

export const dialog = {
  nextOpen: { canceled: true, filePaths: [] as string[] },
  nextMessageBoxResponse: 0,
  openCalls: [] as unknown[][],
  messageBoxes: [] as Record<string, unknown>[],
  errorBoxes: [] as [string, string][],
  async showOpenDialog(...args: unknown[]) {
    dialog.openCalls.push(args);
    return dialog.nextOpen;
  },
  async showSaveDialog() {
    return { canceled: true, filePath: '' };
  },
  async showMessageBox(...args: unknown[]) {
    dialog.messageBoxes.push(args[args.length - 1] as Record<string, unknown>);
    return { response: dialog.nextMessageBoxResponse, checkboxChecked: false };
  },
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push([title, content]);
  },
};

export const shell = {
  opened: [] as string[],
  shownInFolder: [] as string[],
  openedPaths: [] as string[],
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url);
  },
  showItemInFolder(path: string): void {
    shell.shownInFolder.push(path);
  },
  async openPath(path: string): Promise<string> {
    shell.openedPaths.push(path);
    return '';
  },
};

export const clipboard = {
  text: '',
  writeText(text: string): void {
    clipboard.text = text;
  },
};

export interface FakeMenu {
  template: Record<string, unknown>[];
}

export const Menu = {
  application: null as FakeMenu | null,
  buildFromTemplate: (template: Record<string, unknown>[]): FakeMenu => ({ template }),
  setApplicationMenu(menu: FakeMenu | null): void {
    Menu.application = menu;
  },
};

// preload side
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed.set(key, api);
  },
};

class FakeIpcRenderer extends EventEmitter {
  readonly invoked: unknown[][] = [];
  invoke = async (channel: string, ...args: unknown[]): Promise<unknown> => {
    this.invoked.push([channel, ...args]);
    return { ok: true, value: null };
  };
}

export const ipcRenderer = new FakeIpcRenderer();

/** OS notifications: every one shown is recorded; `supported` answers Notification.isSupported() */
export class Notification extends EventEmitter {
  static supported = true;
  static shown: Notification[] = [];
  static isSupported = (): boolean => Notification.supported;
  readonly options: { title: string; body: string };
  constructor(options: { title: string; body: string }) {
    super();
    this.options = options;
  }
  show(): void {
    Notification.shown.push(this);
  }
}

export const webUtils = { getPathForFile: (file: { name: string }): string => `/dropped/${file.name}` };

export function resetFakeElectron(displays: Display[] = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]): void {
  app.reset();
  BrowserWindow.instances = [];
  screen.displays = displays;
  protocol.privileged = [];
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  ipcMain.handlers.clear();
  Object.assign(dialog, { nextOpen: { canceled: true, filePaths: [] }, nextMessageBoxResponse: 0, openCalls: [], messageBoxes: [], errorBoxes: [] });
  Object.assign(shell, { opened: [], shownInFolder: [], openedPaths: [] });
  clipboard.text = '';
  Menu.application = null;
  Notification.supported = true;
  Notification.shown = [];
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked.length = 0;
}

resetFakeElectron();
