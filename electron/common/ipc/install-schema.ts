import { z } from 'zod';
import type { IdentityPlacement, InstallResult, StoreInventory, UninstallResult } from '../dto/install';
import { STORE_KINDS } from '../dto/install';

/**
 * "Where installed" in the identity drawer. The renderer names a store by kind and, for NSS/Firefox, the location
 * main reported for it; main accepts only locations of stores it found itself, so the renderer cannot point the
 * NSS tools at any other folder. Key material never crosses: main reads it from the vault.
 */
const identityId = z.string().uuid();
const location = z.string().min(1).max(4096);

export const storeTarget = z.strictObject({
  identity: identityId,
  store: z.enum(STORE_KINDS),
  /** nss/firefox: the store's location as studio:install.where reported it */
  profile: location.optional(),
});

export const installChannels = {
  /** every store here and what of ours is in each (read live) */
  'studio:install.stores': { args: z.tuple([]) },
  /** one identity: every store here, installed or not (read live) */
  'studio:install.where': { args: z.tuple([identityId]) },
  'studio:install.install': { args: z.tuple([storeTarget]) },
  'studio:install.uninstall': { args: z.tuple([storeTarget]) },
} as const;

export interface InstallChannelResults {
  'studio:install.stores': StoreInventory[];
  'studio:install.where': IdentityPlacement[];
  'studio:install.install': InstallResult;
  'studio:install.uninstall': UninstallResult;
}
