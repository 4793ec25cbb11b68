import type { BrowserWindow, Clipboard, Dialog, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../electron/common/dto/app';
import { aboutDetail, showAboutDialog } from '../../electron/main/about';
import { applicationMenuTemplate, type MenuActions } from '../../electron/main/menu';

function actions() {
  return { openFiles: vi.fn<() => void>(), showLogs: vi.fn<() => void>(), openDataFolder: vi.fn<() => void>(), showAbout: vi.fn<() => void>() } satisfies MenuActions;
}

/** every item of the menu tree, depth first */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();
const byId = (template: MenuItemConstructorOptions[], id: string) => items(template).find((item) => item.id === id);

describe('application menu', () => {
  it.each(['linux', 'win32'] as const)('%s: File, Edit, View, Window, Help with standard roles; About and Quit where users look for them', (platform) => {
    const template = applicationMenuTemplate({ platform, productName: 'mTLS Studio', language: 'en', devTools: false, actions: actions() });
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
    const roles = items(template).map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['quit', 'editMenu', 'windowMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(roles).not.toContain('services');
    const help = template.at(-1)!.submenu as MenuItemConstructorOptions[];
    expect(help.map((item) => item.label ?? item.type)).toEqual(['Show Logs', 'Open Data Folder', 'separator', 'About mTLS Studio']);
  });

  it('darwin: the app menu holds About, Services, Hide and Quit; File closes the window', () => {
    const template = applicationMenuTemplate({ platform: 'darwin', productName: 'mTLS Studio', language: 'en', devTools: false, actions: actions() });
    expect(template.map((item) => item.label ?? item.role)).toEqual(['mTLS Studio', 'File', 'editMenu', 'View', 'windowMenu', 'help']);
    const appMenu = template[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((item) => item.role ?? item.label ?? item.type)).toEqual(['About mTLS Studio', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
    expect((template[1]!.submenu as MenuItemConstructorOptions[]).at(-1)).toEqual({ role: 'close' });
    expect(items(template).filter((item) => item.id === 'about')).toHaveLength(1);
  });

  it('Cmd/Ctrl+O opens files; Help shows the logs and the data folder; About shows versions', () => {
    const calls = actions();
    const template = applicationMenuTemplate({ platform: 'linux', productName: 'mTLS Studio', language: 'en', devTools: false, actions: calls });
    const open = byId(template, 'open-files');
    expect(open).toMatchObject({ label: 'Open Files…', accelerator: 'CmdOrCtrl+O' });
    click(open);
    click(byId(template, 'show-logs'));
    click(byId(template, 'open-data-folder'));
    click(byId(template, 'about'));
    for (const action of Object.values(calls)) expect(action).toHaveBeenCalledOnce();
  });

  it('offers reload and DevTools only when DevTools are enabled', () => {
    const roles = (devTools: boolean) => items(applicationMenuTemplate({ platform: 'linux', productName: 'mTLS Studio', language: 'en', devTools, actions: actions() })).map((item) => item.role);
    expect(roles(false)).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('has no accelerator twice', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const accelerators = items(applicationMenuTemplate({ platform, productName: 'mTLS Studio', language: 'en', devTools: true, actions: actions() }))
        .map((item) => item.accelerator)
        .filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});

describe('About dialog', () => {
  const info: AppInfo = {
    name: 'mTLS Studio',
    version: '0.1.0',
    host: 'electron',
    platform: 'linux',
    versions: { electron: '45.4.1', chrome: '142.0.7444.59', node: '22.20.0', v8: '14.2.231.9-electron.0', openssl: '3.0.0' },
  };

  it('lists the app, Electron, Chrome, Node.js and V8 versions and the OS', () => {
    expect(aboutDetail(info, 'en', 'x64')).toBe(['Version 0.1.0', 'Electron 45.4.1', 'Chrome 142.0.7444.59', 'Node.js 22.20.0', 'V8 14.2.231.9-electron.0', 'OS linux x64'].join('\n'));
  });

  it('is a native message box on the window; "Copy Versions" copies them for a bug report', async () => {
    const showMessageBox = vi.fn().mockResolvedValueOnce({ response: 0 }).mockResolvedValueOnce({ response: 1 });
    const clipboard = { writeText: vi.fn() };
    const parent = {} as BrowserWindow;
    await showAboutDialog({ showMessageBox } as unknown as Dialog, clipboard as unknown as Clipboard, parent, info, 'en');
    expect(clipboard.writeText).not.toHaveBeenCalled();
    await showAboutDialog({ showMessageBox } as unknown as Dialog, clipboard as unknown as Clipboard, null, info, 'en');
    expect(showMessageBox.mock.calls[0]![0]).toBe(parent);
    expect(showMessageBox.mock.calls[0]![1]).toMatchObject({ type: 'info', title: 'About mTLS Studio', message: 'mTLS Studio', buttons: ['OK', 'Copy Versions'] });
    expect(showMessageBox.mock.calls[1]![0]).toMatchObject({ detail: expect.stringContaining('Electron 45.4.1') });
    expect(clipboard.writeText).toHaveBeenCalledWith(expect.stringMatching(/^mTLS Studio\nVersion 0\.1\.0\nElectron 45\.4\.1\nChrome /));
  });
});
