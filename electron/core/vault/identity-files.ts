import { mkdirSync, rmSync } from 'node:fs';
import { StudioError } from '../../common/errors';
import type { HistoryEntry } from '../../common/dto/vault';
import { encodePem, readContent } from '../pki';
import { readIfExists, syncFolder, vaultWriteFailed, writeFileAtomically } from './atomic-file';
import { ensurePrivateFolder, FOLDER_MODE, type VaultLayout } from './layout';
import { firstIssue, historySchema, type HistoryFile } from './schema';

/** The payload of one identity: its sealed key, certificate, chain and history, in identities/<id>/. */
export interface IdentityPayload {
  sealedKey: Uint8Array;
  certificate: Uint8Array;
  chain: Uint8Array[];
  history: HistoryEntry[];
}

export const certificatesPem = (ders: Uint8Array[]): string => ders.map((der) => encodePem('CERTIFICATE', der)).join('');

const missing = (name: string, what: string) =>
  new StudioError('VAULT_CORRUPT', `the ${what} of identity '${name}' is missing from the vault folder`, {
    hint: 'Run `mtls-studio vault doctor` to see what is damaged; `--repair` removes identities that can no longer be used.',
    params: { name },
  });

/** Creates identities/<id>/ (private); fails when it already exists. */
export function createIdentityFolder(layout: VaultLayout, id: string): void {
  ensurePrivateFolder(layout.identities);
  const folder = layout.identityFolder(id);
  try {
    mkdirSync(folder, { mode: FOLDER_MODE });
  } catch (error) {
    throw vaultWriteFailed(folder, error);
  }
}

/** Writes every file of a new identity; the folder must not exist yet. */
export function writeIdentityFolder(layout: VaultLayout, id: string, payload: IdentityPayload): void {
  createIdentityFolder(layout, id);
  writeFileAtomically(layout.keyFile(id), payload.sealedKey);
  writeFileAtomically(layout.certificateFile(id), certificatesPem([payload.certificate]));
  writeFileAtomically(layout.chainFile(id), certificatesPem(payload.chain));
  writeHistory(layout, id, payload.history);
  syncFolder(layout.identities);
}

/** The sealed key first, so an interrupted removal never leaves a decryptable key behind. */
export function removeIdentityFolder(layout: VaultLayout, id: string): void {
  rmSync(layout.keyFile(id), { force: true });
  rmSync(layout.identityFolder(id), { recursive: true, force: true });
  syncFolder(layout.identities);
}

function readCertificatesFile(path: string, name: string, what: string): Uint8Array[] {
  const bytes = readIfExists(path);
  if (bytes === null) throw missing(name, what);
  if (bytes.length === 0) return [];
  try {
    return readContent(new Uint8Array(bytes), what).certificates.map((item) => item.der);
  } catch (error) {
    throw new StudioError('VAULT_CORRUPT', `the ${what} of identity '${name}' in the vault folder is damaged`, {
      hint: 'Remove the identity and import it again from its original file.',
      params: { name },
      cause: error,
    });
  }
}

/** Leaf DER and chain DERs (parent first). */
export function readIdentityCertificates(layout: VaultLayout, id: string, name: string): { leaf: Uint8Array; chain: Uint8Array[] } {
  const [leaf] = readCertificatesFile(layout.certificateFile(id), name, 'certificate');
  if (!leaf) throw missing(name, 'certificate');
  return { leaf, chain: readCertificatesFile(layout.chainFile(id), name, 'chain') };
}

export function readSealedKey(layout: VaultLayout, id: string, name: string): Uint8Array {
  const bytes = readIfExists(layout.keyFile(id));
  if (bytes === null) throw missing(name, 'encrypted private key');
  return new Uint8Array(bytes);
}

/** The identity's history; an absent file is an empty history. */
export function readHistory(layout: VaultLayout, id: string): HistoryEntry[] {
  const bytes = readIfExists(layout.historyFile(id));
  if (bytes === null) return [];
  let parsed: ReturnType<typeof historySchema.safeParse>;
  try {
    parsed = historySchema.safeParse(JSON.parse(bytes.toString('utf8')));
  } catch (error) {
    throw new StudioError('VAULT_CORRUPT', `the history of identity ${id} is not valid JSON`, { hint: 'Delete history.json in its folder to start a new history.', cause: error });
  }
  if (!parsed.success) {
    throw new StudioError('VAULT_CORRUPT', `the history of identity ${id} is damaged (${firstIssue(parsed.error)})`, {
      hint: 'Delete history.json in its folder to start a new history.',
    });
  }
  return parsed.data.entries as HistoryEntry[];
}

export function writeHistory(layout: VaultLayout, id: string, entries: HistoryEntry[]): void {
  const file = { version: 1, entries } satisfies { version: HistoryFile['version']; entries: HistoryEntry[] };
  writeFileAtomically(layout.historyFile(id), JSON.stringify(file, null, 2));
}

export function appendHistory(layout: VaultLayout, id: string, entry: HistoryEntry): void {
  writeHistory(layout, id, [...readHistory(layout, id), entry]);
}
