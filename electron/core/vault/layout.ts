import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the vault keeps what, under the data folder (MTLS_STUDIO_HOME):
 *
 *   vault/                    0700
 *     vault.json              the metadata of every identity (the commit point of every change)
 *     vault.lock              present while a writer (app or CLI) changes the vault
 *     identities/<id>/        0700, one folder per identity, files 0600:
 *       key.enc               PKCS#8 DER, AES-256-GCM under the data key kept in the OS keychain
 *       certificate.pem       the leaf certificate
 *       chain.pem             its issuers, parent first
 *       history.json          imports, renames and exports of this identity
 *     authorities/<sha256>.pem  0600, every CA certificate seen in an import (public), used to complete chains
 */
export interface VaultLayout {
  root: string;
  index: string;
  lock: string;
  identities: string;
  authorities: string;
  identityFolder(id: string): string;
  keyFile(id: string): string;
  certificateFile(id: string): string;
  chainFile(id: string): string;
  historyFile(id: string): string;
  authorityFile(sha256: string): string;
}

export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

export const IDENTITY_FILES = { key: 'key.enc', certificate: 'certificate.pem', chain: 'chain.pem', history: 'history.json' } as const;

export function vaultLayout(home: string): VaultLayout {
  const root = join(home, 'vault');
  const identities = join(root, 'identities');
  const authorities = join(root, 'authorities');
  const folder = (id: string) => join(identities, id);
  return {
    root,
    index: join(root, 'vault.json'),
    lock: join(root, 'vault.lock'),
    identities,
    authorities,
    identityFolder: folder,
    keyFile: (id) => join(folder(id), IDENTITY_FILES.key),
    certificateFile: (id) => join(folder(id), IDENTITY_FILES.certificate),
    chainFile: (id) => join(folder(id), IDENTITY_FILES.chain),
    historyFile: (id) => join(folder(id), IDENTITY_FILES.history),
    authorityFile: (sha256) => join(authorities, `${sha256}.pem`),
  };
}

/** Creates a folder (and its parents) if needed and makes sure only the owner can enter it. */
export function ensurePrivateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: FOLDER_MODE });
  chmodSync(path, FOLDER_MODE);
}

/** The vault's own folders, created on the first write (reading an absent vault gives an empty one). */
export function ensureVaultFolders(layout: VaultLayout): void {
  ensurePrivateFolder(layout.root);
  ensurePrivateFolder(layout.identities);
  ensurePrivateFolder(layout.authorities);
}
