import type * as KeyringModuleNamespace from '@napi-rs/keyring';
import type { AsyncEntry as AsyncEntryType, EntryOptions } from '@napi-rs/keyring';
import { keychainUnavailable } from './keychain-errors';

/** Every entry of the app lives under this service; the account is the identity id. */
export const KEYCHAIN_SERVICE = 'mtls-studio';

/**
 * The OS keychain, holding one random data key per identity. No plaintext fallback exists: every failure is
 * KEYCHAIN_UNAVAILABLE. On Linux the entry is pinned to the Secret Service, because the library's default
 * would silently fall back to the kernel keyring, which forgets everything at reboot.
 */
export interface Keychain {
  /** `what` names the action for the error message, e.g. "store the key of 'Partner A'" */
  setDataKey(account: string, key: Uint8Array, what: string): Promise<void>;
  /** null when there is no entry for the account */
  getDataKey(account: string, what: string): Promise<Uint8Array | null>;
  /** false when there was no entry */
  deleteDataKey(account: string, what: string): Promise<boolean>;
  /** the accounts of every entry under KEYCHAIN_SERVICE */
  listAccounts(what: string): Promise<string[]>;
}

const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };
/** an account no identity can have (ids are UUIDs): reading it proves the store answers */
const PROBE_ACCOUNT = '.availability-probe';

type KeyringModule = typeof KeyringModuleNamespace;

/** Data keys are stored as base64 text: every platform stores text, and listing returns it byte-exact. */
const encode = (key: Uint8Array) => Buffer.from(key).toString('base64');
const decode = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export function createOsKeychain(service: string = KEYCHAIN_SERVICE): Keychain {
  let module: Promise<KeyringModule> | undefined;
  // loaded on first use: commands that never touch a key (inspect, list) start without the native module
  const load = () => (module ??= import('@napi-rs/keyring'));

  async function withEntry<T>(account: string, what: string, use: (entry: AsyncEntryType) => Promise<T>): Promise<T> {
    try {
      const { AsyncEntry } = await load();
      return await use(new AsyncEntry(service, account, ENTRY_OPTIONS));
    } catch (error) {
      throw keychainUnavailable(what, error);
    }
  }

  return {
    setDataKey: (account, key, what) => withEntry(account, what, (entry) => entry.setPassword(encode(key))),
    getDataKey: (account, what) =>
      withEntry(account, what, async (entry) => {
        const text = await entry.getPassword();
        return text === null ? null : decode(text);
      }),
    deleteDataKey: (account, what) => withEntry(account, what, (entry) => entry.deleteCredential()),
    async listAccounts(what) {
      // findCredentials is not pinned to a store: prove first that the pinned store answers
      await withEntry(PROBE_ACCOUNT, what, (entry) => entry.getPassword());
      try {
        const { findCredentialsAsync } = await load();
        return (await findCredentialsAsync(service)).map((credential) => credential.account).filter((account) => account !== PROBE_ACCOUNT);
      } catch (error) {
        throw keychainUnavailable(what, error);
      }
    },
  };
}
