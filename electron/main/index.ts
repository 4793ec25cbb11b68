import 'reflect-metadata';
import { join } from 'node:path';
import { app, clipboard, dialog, ipcMain, Menu, Notification, protocol, session, shell } from 'electron';
import { createServices, dataHome } from '../core';
import { showAboutDialog } from './about';
import { APP_ID, PRODUCT_NAME } from './app-identity';
import { electronAppInfo } from './app-info';
import { createNotifiedLog, createOpenRequests, startExpiryWatch } from './expiry-watch';
import { APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { createGateway } from './ipc/gateway';
import { createIpcHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { notifyLanguageChanges } from './language-settings';
import { createFileLogger } from './logger';
import { MAIN_STRINGS, resolveLanguage } from './main-strings';
import { createMainWindow } from './main-window';
import { applicationMenuTemplate } from './menu';
import { nativeDialogs } from './native-dialogs';
import { blockRemoteRequests, denyAllPermissions, guardContents, isAllowedExternalUrl } from './navigation-guard';
import { createOpenedFilesInbox, filePathsFromArgv } from './opened-files';
import { isTrustedSender } from './sender-policy';
import { createSettingsStore } from './settings-store';
import { createLabHost } from './lab-host';

const RENDERER_ROOT = join(__dirname, '..', 'renderer');
const PRELOAD = join(__dirname, '..', 'preload', 'index.cjs');
/** DevTools (and the reload menu items) only in a development build started with MTLS_STUDIO_DEVTOOLS=1 */
const DEV_TOOLS = !app.isPackaged && process.env.MTLS_STUDIO_DEVTOOLS === '1';
/** argv entries before the first argument: the executable, plus the app folder when run as `electron .` */
const ARGV_SKIP = process.defaultApp ? 2 : 1;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
// every renderer sandboxed, whatever a window's own options say
app.enableSandbox();

// one data folder for app and CLI, whatever the packaged product name is
const home = dataHome();
app.setPath('userData', home);
const logger = createFileLogger(join(home, 'logs'));

if (!app.requestSingleInstanceLock()) {
  // the running instance receives this launch's argv in 'second-instance' and opens its files
  app.quit();
} else {
  runStudio();
}

function runStudio(): void {
  const info = electronAppInfo(app.getVersion());
  logger.info('app.start', { version: info.version, electron: info.versions.electron, platform: process.platform, packaged: app.isPackaged });
  const inbox = createOpenedFilesInbox({
    deliver: (paths) => {
      try {
        return window.send('studio:app.filesOpened', { paths });
      } catch (error) {
        // a payload outside the contract is a bug here, not a reason to stop the app
        logger.error('files.not-delivered', error, { count: paths.length });
        return true;
      }
    },
    onOverflow: (dropped) => logger.warn('files.dropped', { dropped }),
  });
  const window = createMainWindow({ preload: PRELOAD, stateFile: join(home, 'window-state.json'), devTools: DEV_TOOLS, logger, onRendererReset: () => inbox.detach() });
  // main speaks the language the renderer last reported (else the OS locale's); a change rebuilds the menu
  const settings = notifyLanguageChanges(createSettingsStore(join(home, 'settings.json')), () => installMenu());
  const language = () => resolveLanguage(settings.read().language, app.getLocale());
  const dialogs = nativeDialogs(dialog, () => window.current(), language);
  const lab = createLabHost({ folder: join(home, 'lab') });
  // the lab's servers close before the app goes (bounded by the lab host's stop timeout)
  app.on('will-quit', (event) => {
    if (!lab.running()) return;
    event.preventDefault();
    void lab.stop().finally(() => app.quit());
  });

  const openFiles = (paths: string[], source: string) => {
    if (paths.length === 0) return;
    logger.info('files.opened', { count: paths.length, source });
    inbox.add(paths);
    if (app.isReady()) window.show();
  };

  const installMenu = () => {
    const template = applicationMenuTemplate({
      platform: process.platform,
      productName: PRODUCT_NAME,
      language: language(),
      devTools: DEV_TOOLS,
      actions: {
        openFiles: () => {
          dialogs.pickFiles().then((paths) => openFiles(paths, 'menu'), (error: unknown) => logger.error('menu.open-files', error));
        },
        showLogs: () => shell.showItemInFolder(logger.file),
        openDataFolder: () => void shell.openPath(home),
        showAbout: () => void showAboutDialog(dialog, clipboard, window.current(), info, language()),
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  // macOS: Finder's "Open With", double-click, a drop on the dock icon — may arrive before 'ready'
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path], 'open-file');
  });
  // Windows/Linux: a second launch (double-click, "Open with", drop on the taskbar icon) hands over its argv
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openFiles(filePathsFromArgv(argv, workingDirectory, ARGV_SKIP), 'second-instance');
    if (app.isReady()) window.show();
  });
  app.on('web-contents-created', (_event, contents) =>
    guardContents(contents, (url) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    }),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady()) window.show();
  });
  process.on('uncaughtException', (error) => {
    logger.error('main.uncaught', error);
    const text = MAIN_STRINGS[language()].errors;
    dialog.showErrorBox(text.stopped(PRODUCT_NAME), text.unexpected(logger.file));
    app.exit(1);
  });
  process.on('unhandledRejection', (reason) => logger.error('main.unhandled-rejection', reason));

  openFiles(filePathsFromArgv(process.argv, process.cwd(), ARGV_SKIP), 'argv');

  app.whenReady().then(
    () => {
      if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
      denyAllPermissions(session.defaultSession);
      blockRemoteRequests(session.defaultSession);
      protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_ROOT));
      // macOS: the app is the program allowed to use keys it installs into the login keychain
      const services = createServices({ home, install: { appPath: process.execPath } });
      const expiryRequests = createOpenRequests();
      const handlers = createIpcHandlers({ services, dialogs, appInfo: info, openedFiles: inbox, settings, lab, expiryRequests, events: (event, payload) => window.send(event, payload) });
      // identities within the user's expiry threshold: checked now and every 12 hours, each named in a notification
      // at most once a day (reads the vault, not the keychain); a click opens the identity it names first
      startExpiryWatch({
        vault: services.vault,
        settings,
        Notification,
        systemLocale: app.getLocale(),
        log: createNotifiedLog(join(home, 'expiry-notified.json')),
        logger,
        onOpen: (id) => {
          expiryRequests.set(id);
          window.show();
          window.send('studio:expiry.openIdentity', { id });
        },
      });
      registerIpc(ipcMain, createGateway(handlers, { isTrustedSender }, logger));
      installMenu();
      window.show();
    },
    (error: unknown) => {
      logger.error('app.start-failed', error);
      dialog.showErrorBox(MAIN_STRINGS[language()].errors.couldNotStart(PRODUCT_NAME), String(error));
      app.exit(1);
    },
  );
}
