import type { BrowserWindow, Clipboard, Dialog, MessageBoxOptions } from 'electron';
import type { AppInfo } from '../common/dto/app';
import type { UiLanguage } from '../common/dto/settings';
import { MAIN_STRINGS } from './main-strings';

const VERSION_LABELS: [key: string, label: string][] = [
  ['electron', 'Electron'],
  ['chrome', 'Chrome'],
  ['node', 'Node.js'],
  ['v8', 'V8'],
];

/** The lines a bug report needs: the app's version and the versions of the runtime it ships. */
export function aboutDetail(info: AppInfo, language: UiLanguage, arch: string = process.arch): string {
  const lines = [`${MAIN_STRINGS[language].about.version} ${info.version}`];
  for (const [key, label] of VERSION_LABELS) {
    const value = info.versions[key];
    if (value) lines.push(`${label} ${value}`);
  }
  lines.push(`OS ${info.platform} ${arch}`);
  return lines.join('\n');
}

export function aboutDialogOptions(info: AppInfo, language: UiLanguage): MessageBoxOptions {
  const text = MAIN_STRINGS[language].about;
  return {
    type: 'info',
    title: text.title(info.name),
    message: info.name,
    detail: aboutDetail(info, language),
    buttons: [text.ok, text.copyVersions],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** The About dialog in the given language; "Copy Versions" puts the version lines on the clipboard for a bug report. */
export async function showAboutDialog(dialog: Dialog, clipboard: Clipboard, parent: BrowserWindow | null, info: AppInfo, language: UiLanguage): Promise<void> {
  const options = aboutDialogOptions(info, language);
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 1) clipboard.writeText(`${info.name}\n${options.detail}`);
}
