import type { BrowserWindow, Clipboard, Dialog, MessageBoxOptions } from 'electron';
import type { AppInfo } from '../common/dto/app';

const VERSION_LABELS: [key: string, label: string][] = [
  ['electron', 'Electron'],
  ['chrome', 'Chrome'],
  ['node', 'Node.js'],
  ['v8', 'V8'],
];

/** The lines a bug report needs: the app's version and the versions of the runtime it ships. */
export function aboutDetail(info: AppInfo, arch: string = process.arch): string {
  const lines = [`Version ${info.version}`];
  for (const [key, label] of VERSION_LABELS) {
    const value = info.versions[key];
    if (value) lines.push(`${label} ${value}`);
  }
  lines.push(`OS ${info.platform} ${arch}`);
  return lines.join('\n');
}

export function aboutDialogOptions(info: AppInfo): MessageBoxOptions {
  return {
    type: 'info',
    title: `About ${info.name}`,
    message: info.name,
    detail: aboutDetail(info),
    buttons: ['OK', 'Copy Versions'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** The About dialog; "Copy Versions" puts the version lines on the clipboard for a bug report. */
export async function showAboutDialog(dialog: Dialog, clipboard: Clipboard, parent: BrowserWindow | null, info: AppInfo): Promise<void> {
  const options = aboutDialogOptions(info);
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 1) clipboard.writeText(`${info.name}\n${options.detail}`);
}
