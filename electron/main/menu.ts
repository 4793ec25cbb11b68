import type { MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '../common/dto/settings';
import { MAIN_STRINGS } from './main-strings';

export interface MenuActions {
  /** native open dialog; the chosen files open in Inspect */
  openFiles(): void;
  showLogs(): void;
  openDataFolder(): void;
  showAbout(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  productName: string;
  /** the labels' language; roles are labelled by Electron itself */
  language: UiLanguage;
  /** reload and DevTools entries exist only when DevTools are enabled */
  devTools: boolean;
  actions: MenuActions;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu: the platform's standard roles (so copy/paste, zoom, full screen, hide and quit work
 * with their usual shortcuts everywhere) plus the app's own commands.
 */
export function applicationMenuTemplate({ platform, productName, language, devTools, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const text = MAIN_STRINGS[language].menu;
  const about: MenuItemConstructorOptions = { id: 'about', label: text.about(productName), click: () => actions.showAbout() };

  const appMenu: MenuItemConstructorOptions = {
    label: productName,
    submenu: [about, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: text.file,
    submenu: [
      { id: 'open-files', label: text.openFiles, accelerator: 'CmdOrCtrl+O', click: () => actions.openFiles() },
      separator,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: text.view,
    submenu: [
      ...(devTools ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] satisfies MenuItemConstructorOptions[] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { id: 'show-logs', label: text.showLogs, click: () => actions.showLogs() },
      { id: 'open-data-folder', label: text.openDataFolder, click: () => actions.openDataFolder() },
      ...(mac ? [] : [separator, about]),
    ],
  };

  return [...(mac ? [appMenu] : []), fileMenu, { role: 'editMenu' }, viewMenu, { role: 'windowMenu' }, helpMenu];
}
