import { StudioError } from '../../common/errors';
import type { Services } from '../../core';
import type { IpcHandlers } from './gateway';

type InstallChannel = Extract<keyof IpcHandlers, `studio:install.${string}`>;

/**
 * Installing into OS and browser stores over IPC. A store location from the renderer must be one main discovered
 * itself: a compromised renderer cannot make certutil create or change a database anywhere else.
 */
export function createInstallHandlers(services: Services): Pick<IpcHandlers, InstallChannel> {
  const { install } = services;
  const checkedTarget = <T extends { store: string; profile?: string | undefined }>(target: T): T => {
    if (target.profile === undefined) return target;
    const known = install.discover().some((store) => store.kind === target.store && store.location === target.profile);
    if (!known) {
      throw new StudioError('INVALID_ARGUMENT', `'${target.profile}' is not a ${target.store} store found on this machine`, {
        hint: 'Reopen the identity to refresh the list of stores.',
      });
    }
    return target;
  };
  return {
    'studio:install.stores': async () => install.stores(),
    'studio:install.where': async (identity) => install.whereInstalled(identity),
    'studio:install.install': async (target) => {
      const { identity, store, profile } = checkedTarget(target);
      return install.install({ identity, store, ...(profile === undefined ? {} : { profile }) });
    },
    'studio:install.uninstall': async (target) => {
      const { identity, store, profile } = checkedTarget(target);
      return install.uninstall({ identity, store, ...(profile === undefined ? {} : { profile }) });
    },
  };
}
