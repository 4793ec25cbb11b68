import { BrowserWindow, screen } from 'electron';
import { events, type EventName, type EventPayload } from '../common/ipc/contract';
import { PRODUCT_NAME } from './app-identity';
import { APP_ENTRY } from './app-protocol';
import type { Logger } from './logger';
import { loadWindowState, placeWindow, saveWindowState, WINDOW_SIZE } from './window-state';

export interface MainWindowOptions {
  preload: string;
  /** `<data folder>/window-state.json` */
  stateFile: string;
  /** DevTools only when MTLS_STUDIO_DEVTOOLS=1 */
  devTools: boolean;
  logger: Logger;
  /** the renderer (re)starts loading: it no longer listens until it asks for opened files again */
  onRendererReset(): void;
}

export interface MainWindow {
  /** the window, created when there is none, restored when minimized, brought to the front */
  show(): BrowserWindow;
  current(): BrowserWindow | null;
  /** validates the payload against the contract and sends it; false when there is no window to receive it */
  send<E extends EventName>(event: E, payload: EventPayload<E>): boolean;
}

/** The one application window and everything it remembers (size, position, maximized). */
export function createMainWindow(options: MainWindowOptions): MainWindow {
  let window: BrowserWindow | null = null;

  const open = (): BrowserWindow => {
    const created = openWindow(options);
    created.on('closed', () => {
      window = null;
      options.onRendererReset();
    });
    return created;
  };

  return {
    show() {
      window ??= open();
      if (window.isMinimized()) window.restore();
      if (window.isVisible()) window.focus();
      return window;
    },
    current: () => window,
    send(event, payload) {
      if (!window || window.isDestroyed()) return false;
      window.webContents.send(event, events[event].parse(payload));
      return true;
    },
  };
}

/**
 * Every flag of webPreferences is written out here, literally, so that the static audit (electronegativity) and
 * a reviewer see the whole security posture of the renderer in one place. Each is on Electron's checklist.
 */
function openWindow({ preload, stateFile, devTools, logger, onRendererReset }: MainWindowOptions): BrowserWindow {
  const placement = placeWindow(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    show: false,
    title: PRODUCT_NAME,
    webPreferences: {
      preload,
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
      // a middle click must not open a link in a new window either
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  });
  if (placement.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      saveWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      logger.error('window.state-not-saved', error, { file: stateFile });
    }
  });
  window.webContents.on('did-start-loading', onRendererReset);
  void window.loadURL(APP_ENTRY);
  return window;
}
