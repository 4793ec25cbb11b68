import type { IndexStore } from './index-store';
import type { Keychain } from './keychain';
import type { VaultLayout } from './layout';
import type { VaultLock } from './lock';

/** What every vault operation works with; built once by createVaultService. */
export interface VaultContext {
  layout: VaultLayout;
  index: IndexStore;
  keychain: Keychain;
  lock: VaultLock;
  now: () => Date;
}
