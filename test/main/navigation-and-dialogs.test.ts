import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Dialog, IpcMain, Session, WebContents } from 'electron';
import { CHANNELS } from '../../electron/common/ipc/contract';
import { nativeDialogs } from '../../electron/main/native-dialogs';
import { denyAllPermissions, guardContents, isAllowedExternalUrl } from '../../electron/main/navigation-guard';
import { registerIpc } from '../../electron/main/ipc/register';

/** A stand-in for WebContents: the Electron binary cannot run here, so its event surface is emulated. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  }) as unknown as WebContents;
  // Electron passes a details object (url, isMainFrame) first, and the url again for older listeners
  const fire = (event: string, url: string, isMainFrame = true) => {
    const e = { url, isMainFrame, prevented: false, preventDefault() { this.prevented = true; } };
    emitter.emit(event, e, url);
    return e.prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('navigation guard', () => {
  it('keeps the window on app:// and blocks every other navigation or redirect', () => {
    const { contents, fire } = fakeContents();
    guardContents(contents, vi.fn());
    expect(fire('will-navigate', 'app://studio/index.html#/inspect')).toBe(false);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(fire('will-attach-webview', 'app://studio/')).toBe(true);
  });

  it('lets no sub-frame navigate anywhere, and the main frame only within app://studio', () => {
    const { contents, fire } = fakeContents();
    guardContents(contents, vi.fn());
    expect(fire('will-frame-navigate', 'app://studio/index.html', true)).toBe(false);
    expect(fire('will-frame-navigate', 'app://studio/index.html', false)).toBe(true);
    expect(fire('will-frame-navigate', 'https://evil.example/', false)).toBe(true);
    expect(fire('will-frame-navigate', 'https://evil.example/', true)).toBe(true);
  });

  it('denies every new window and opens only allow-listed https links outside', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn();
    guardContents(contents, openExternal);
    expect(open('https://docs.aws.amazon.com/elasticloadbalancing/latest/application/mutual-authentication.html')).toEqual({ action: 'deny' });
    expect(open('http://docs.aws.amazon.com/')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://studio/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/mutual-authentication.html']]);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@github.com/', 'https://github.com.evil.example/', 'smb://host/share'])(
    'never hands %s to the OS',
    (url) => expect(isAllowedExternalUrl(url)).toBe(false),
  );

  it('denies every permission request and check, and every download', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    const session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    }) as unknown as Session;
    denyAllPermissions(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      handlers.request!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check!(null, permission)).toBe(false);
    }
    expect(handlers.device!({})).toBe(false);
    const download = { prevented: false, preventDefault() { this.prevented = true; } };
    (session as unknown as EventEmitter).emit('will-download', download, { getURL: () => 'https://evil.example/x.exe' });
    expect(download.prevented).toBe(true);
  });
});

describe('IPC registration', () => {
  it('registers exactly the contract channels and passes the sender frame to the gateway', async () => {
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const ipcMain = { handle: (channel: string, fn: never) => registered.set(channel, fn) } as unknown as IpcMain;
    const invoke = vi.fn(async () => ({ ok: true as const, value: null }));
    registerIpc(ipcMain, { invoke });
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());

    const mainFrame = { url: 'app://studio/index.html' };
    const subFrame = { url: 'app://studio/index.html' };
    await registered.get('studio:files.pick')!({ senderFrame: mainFrame, sender: { mainFrame } });
    await registered.get('studio:files.pick')!({ senderFrame: subFrame, sender: { mainFrame } }, 'x');
    await registered.get('studio:files.pick')!({ senderFrame: null, sender: { mainFrame } });
    expect(invoke.mock.calls).toEqual([
      [{ url: 'app://studio/index.html', isMainFrame: true }, 'studio:files.pick', []],
      [{ url: 'app://studio/index.html', isMainFrame: false }, 'studio:files.pick', ['x']],
      [{ url: '', isMainFrame: false }, 'studio:files.pick', []],
    ]);
  });
});

describe('native dialogs', () => {
  it('opens several files with certificate filters and returns nothing when cancelled', async () => {
    const showOpenDialog = vi.fn().mockResolvedValueOnce({ canceled: false, filePaths: ['/a.p12', '/b.pem'] }).mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const dialogs = nativeDialogs({ showOpenDialog } as unknown as Dialog, () => null);
    expect(await dialogs.pickFiles()).toEqual(['/a.p12', '/b.pem']);
    expect(await dialogs.pickFiles()).toEqual([]);
    const options = showOpenDialog.mock.calls[0]![0];
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    expect(options.title).toBe('Open certificates and keys');
    expect(options.filters[0].extensions).toEqual(expect.arrayContaining(['p12', 'pfx', 'pem', 'crt', 'cer', 'der', 'key', 'p7b', 'csr']));
    expect(options.filters.map((f: { name: string }) => f.name)).toEqual(['Certificates and keys', 'PKCS#12 identities', 'Certificates', 'Private keys', 'Certificate requests and CRLs', 'All files']);
    expect(options.filters.at(-1).extensions).toEqual(['*']);
  });

  it('attaches the dialogs to the app window when there is one', async () => {
    const parent = { id: 1 };
    const showOpenDialog = vi.fn().mockResolvedValue({ canceled: false, filePaths: ['/a.p12'] });
    const showSaveDialog = vi.fn().mockResolvedValue({ canceled: false, filePath: '/b.p12' });
    const dialogs = nativeDialogs({ showOpenDialog, showSaveDialog } as unknown as Dialog, () => parent as never);
    await dialogs.pickFiles();
    await dialogs.chooseSavePath('client.p12', 'p12');
    expect(showOpenDialog.mock.calls[0]![0]).toBe(parent);
    expect(showSaveDialog.mock.calls[0]![0]).toBe(parent);
    expect(showSaveDialog.mock.calls[0]![1].properties).toEqual(['createDirectory', 'showOverwriteConfirmation']);
  });

  it('suggests the name and filter of the output format and returns null when cancelled', async () => {
    const showSaveDialog = vi.fn().mockResolvedValueOnce({ canceled: false, filePath: '/out/client.p12' }).mockResolvedValueOnce({ canceled: true, filePath: '' });
    const dialogs = nativeDialogs({ showSaveDialog } as unknown as Dialog, () => null);
    expect(await dialogs.chooseSavePath('client.p12', 'p12')).toBe('/out/client.p12');
    expect(await dialogs.chooseSavePath('client.pem', 'pem')).toBeNull();
    expect(showSaveDialog.mock.calls[0]![0]).toMatchObject({ defaultPath: 'client.p12', filters: [{ extensions: ['p12', 'pfx'] }] });
  });
});
