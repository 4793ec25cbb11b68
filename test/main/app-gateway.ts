import { join } from 'node:path';
import type { Result } from '../../electron/common/result';
import { createServices } from '../../electron/core';
import { createGateway } from '../../electron/main/ipc/gateway';
import { createIpcHandlers, type HandlerDeps } from '../../electron/main/ipc/handlers';
import { isTrustedSender } from '../../electron/main/sender-policy';
import { createSettingsStore } from '../../electron/main/settings-store';

/** The app's own top frame: the only sender the gateway answers. */
export const APP = { url: 'app://studio/index.html', isMainFrame: true };

/**
 * The real IPC handlers over the real services of one data folder, behind the real gateway, called the way the
 * renderer calls them. Only the dialogs (and, where given, the event sink) are the test's. `value` unwraps a
 * success and throws with the error's code on a failure.
 */
export function appGateway(
  home: string,
  dialogs: HandlerDeps['dialogs'],
  extra: Pick<HandlerDeps, 'events'> = {},
) {
  const gateway = createGateway(
    createIpcHandlers({
      services: createServices({ home }),
      dialogs,
      appInfo: { name: 'mTLS Studio', version: '0.0.0', host: 'test', platform: 'linux', versions: {} },
      openedFiles: { take: () => [] },
      settings: createSettingsStore(join(home, 'settings.json')),
      ...extra,
    }),
    { isTrustedSender },
  );
  const call = async <T>(channel: string, ...args: unknown[]) =>
    (await gateway.invoke(APP, channel, args)) as Result<T>;
  const value = async <T>(channel: string, ...args: unknown[]) => {
    const result = await call<T>(channel, ...args);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { call, value };
}
