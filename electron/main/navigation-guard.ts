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
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Every permission (camera, notifications from the page, clipboard-read, …) is denied; the app needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
