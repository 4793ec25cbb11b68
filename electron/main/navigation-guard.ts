import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/** External links the app may hand to the OS browser: https only, to these documentation hosts. */
export const EXTERNAL_LINK_HOSTS = new Set(['github.com', 'docs.aws.amazon.com', 'www.alibabacloud.com', 'help.aliyun.com']);

export function isAllowedExternalUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && EXTERNAL_LINK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/** No navigation away from the app, no new windows, no webviews; allow-listed https links open in the OS browser. */
export function guardContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  // sub-frames too (will-navigate covers only the main frame); the app has no frames, so none may navigate
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame || !isAppUrl(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Every permission (camera, notifications from the page, clipboard-read, …) is denied; the app needs none.
 * Downloads are cancelled too: files are only ever written by main, after a native save dialog.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/** Patterns of every remote request a page could make: web, websocket, file. app:// and devtools:// stay open. */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*'];

/**
 * Behind the CSP, a second wall: the renderer's session cancels every http(s)/ws(s)/file request, whatever
 * issued it. The app's own network traffic (mTLS probes) runs in main on Node's sockets, not in this session.
 */
export function blockRemoteRequests(session: Session): void {
  session.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) => callback({ cancel: true }));
}
