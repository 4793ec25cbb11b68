/**
 * Certificate stores an identity can be installed into, and what of ours is in each. Everything here is checked
 * live against the store (certutil, security, PowerShell) — never remembered — and holds no key material.
 */

/** nss: the shared NSS database (~/.pki/nssdb: Chrome/Chromium, curl-nss, many tools); firefox: one Firefox profile */
export const STORE_KINDS = ['nss', 'firefox', 'macos', 'windows'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** Which store: the kind, and for NSS/Firefox the database folder (absolute). */
export interface StoreRef {
  kind: StoreKind;
  /** nss: the NSS database folder; firefox: the profile folder; macos: the keychain file; windows: 'CurrentUser\My' */
  location: string;
}

export interface StoreDescription extends StoreRef {
  /** English, for the CLI: 'Shared NSS database', 'Firefox (default-release)', 'Firefox Snap (work)', 'macOS login keychain' */
  label: string;
  /** firefox: the profile's Name= and which installation ('Firefox', 'Firefox Snap', 'Firefox Flatpak'); else null */
  profileName: string | null;
  flavour: string | null;
  /** false when the store cannot be used here: its tool is missing (`problem` says which package to install) */
  usable: boolean;
  problem: string | null;
}

/** A certificate of ours found in a store. */
export interface InstalledIdentity {
  id: string;
  name: string;
  certificateSha256: string;
  /** the store's name for it (NSS nickname, keychain label); null where the store has none */
  nickname: string | null;
  /** the private key is in the store next to the certificate (a usable client identity) */
  hasKey: boolean;
}

/** `mtls-studio stores`: one store and the identities of ours in it. */
export interface StoreInventory {
  store: StoreDescription;
  identities: InstalledIdentity[];
  /** the store exists but could not be read (locked database, tool failed); the message says why */
  error: string | null;
}

/** One row of "Where installed" for one identity. */
export interface IdentityPlacement {
  store: StoreDescription;
  installed: boolean;
  nickname: string | null;
  hasKey: boolean;
  error: string | null;
}

export interface InstallRequest {
  identity: string;
  store: StoreKind;
  /** nss: another NSS database folder; firefox: one profile folder (default: every profile found) */
  profile?: string;
  /** also add the identity's top CA certificate to the store, trusted to issue client certificates (NSS "T,,") */
  trustCa?: boolean;
}

export interface UninstallRequest {
  identity: string;
  store: StoreKind;
  profile?: string;
}

/** What install/uninstall did, per store it touched. */
export interface InstallResult {
  identity: { id: string; name: string; certificateSha256: string };
  stores: { store: StoreDescription; nickname: string | null; caTrusted: boolean }[];
}

export interface UninstallResult {
  identity: { id: string; name: string; certificateSha256: string };
  /** the stores it was removed from; `removed: false`: it was not there */
  stores: { store: StoreDescription; removed: boolean }[];
}
