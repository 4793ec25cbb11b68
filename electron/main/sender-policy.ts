import { isAppUrl } from './app-protocol';
import type { SenderInfo } from './ipc/gateway';

/** Only the top frame of our own app:// document may call main. */
export const isTrustedSender = (sender: SenderInfo): boolean => sender.isMainFrame && isAppUrl(sender.url);
