import { StudioError } from '../../common/errors';
import type { Services } from '../../core';
import type { IpcHandlers } from './gateway';
import type { Dialogs } from './handlers';

type VaultChannel = Extract<keyof IpcHandlers, `studio:vault.${string}`>;

/**
 * The identity vault over IPC: the renderer addresses identities by id and gets DTOs back — never key bytes.
 * Exports go through the native save dialog, and the key leaves the vault only when the request says so.
 */
export function createVaultHandlers(services: Services, dialogs: Dialogs): Pick<IpcHandlers, VaultChannel> {
  const { vault } = services;
  return {
    'studio:vault.list': async (query) => vault.list(query),
    'studio:vault.show': async (id) => vault.show(id),
    'studio:vault.import': async (request) => vault.import(request),
    'studio:vault.rename': async (id, name) => vault.rename(id, name),
    'studio:vault.label': async (id, change) => vault.label(id, change),
    'studio:vault.remove': async ({ id, confirmName }) => {
      const identity = await vault.get(id);
      if (confirmName.normalize('NFC').trim() !== identity.name) {
        throw new StudioError('INVALID_ARGUMENT', `the name typed to confirm does not match '${identity.name}'; nothing was removed`, {
          hint: 'Type the name of the identity exactly as it is shown to delete it.',
          params: { name: identity.name },
        });
      }
      return vault.remove(id);
    },
    'studio:vault.export': async ({ id, format, profile, outPassword, includeKey }) => {
      if (format !== 'pem' && !includeKey) {
        throw new StudioError('INVALID_ARGUMENT', `a ${format === 'p12' ? 'PKCS#12 file' : 'ACM bundle'} always holds the private key`, {
          hint: 'Export PEM without the key to share the certificates only.',
        });
      }
      const outPath = await dialogs.chooseSavePath(await vault.suggestedExportName(id, format), format);
      if (outPath === null) return { saved: false, written: [], warnings: [], keyExported: false };
      // the save dialog already asked the user whether to replace an existing file
      const result = await vault.export(
        { identity: id, format, includeKey, ...(profile === undefined ? {} : { profile }), ...(outPassword === undefined ? {} : { outPassword }) },
        outPath,
        { overwrite: true },
      );
      return { saved: true, ...result };
    },
    'studio:vault.bind': async (id, pattern) => vault.bind(id, pattern),
    'studio:vault.unbind': async (id, pattern) => vault.unbind(id, pattern),
    'studio:vault.match': async (url) => vault.match(url),
  };
}
