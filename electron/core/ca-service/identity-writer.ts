import { randomUUID } from 'node:crypto';
import { StudioError, toErrorDto, type ErrorDto } from '../../common/errors';
import type { HistoryEntry } from '../../common/dto/vault';
import { sha256Hex, storeAuthorities } from '../vault/authorities';
import type { VaultContext } from '../vault/context';
import { sameName, validateName } from '../vault/names';
import { describeLeaf, identityRecord } from '../vault/records';
import type { IdentityRecord, VaultIndex } from '../vault/schema';
import { storeIdentity } from '../vault/store-identity';
import { writeCompletion } from './pending-files';

/** A key + certificate the CA service puts into the vault (a new CA, an issued identity, a completed request). */
export interface NewIdentity {
  name: string;
  /** unencrypted PKCS#8 DER; wiped by the caller */
  pkcs8: Uint8Array;
  certificate: Uint8Array;
  /** parent first */
  chain: Uint8Array[];
  authority?: NonNullable<IdentityRecord['authority']>;
  issuedBy?: NonNullable<IdentityRecord['issuedBy']>;
  history: HistoryEntry['details'];
  /** reuse this id (a pending request being completed: its keychain entry and folder already exist) */
  id?: string;
}

export type WriteOutcome = { record: IdentityRecord; error: null } | { record: null; error: ErrorDto };

export function nameClash(name: string): StudioError {
  return new StudioError('IDENTITY_EXISTS', `an identity named '${name}' already exists`, {
    hint: 'Choose another name (identity and pending request names are unique regardless of letter case).',
    params: { name },
  });
}

/** Names in use by identities and pending requests. */
export function nameInUse(index: VaultIndex, name: string): boolean {
  return [...index.identities, ...(index.pending ?? [])].some((entry) => sameName(entry.name, name));
}

function recordFor(id: string, item: NewIdentity, now: Date): IdentityRecord {
  const leaf = describeLeaf([{ der: item.certificate, source: item.name }], item.certificate, now);
  return identityRecord({ id, name: item.name, createdAt: now, source: [], leaf, chain: item.chain, authority: item.authority, issuedBy: item.issuedBy });
}

/**
 * Must run under the vault lock. Same write-ahead order as an import: (1) the data key into the keychain, (2) the
 * CA certificates and the identity folder; the caller then (3) writes the registry and commits vault.json with the
 * returned records. An item that fails is cleaned up and reported; the others go on.
 */
export async function writeIdentities(ctx: VaultContext, index: VaultIndex, items: readonly NewIdentity[]): Promise<WriteOutcome[]> {
  const taken: string[] = [];
  const outcomes: WriteOutcome[] = [];
  for (const item of items) {
    try {
      const name = validateName(item.name);
      // a completed request keeps its name: only another identity (renamed to it meanwhile) can clash
      const clash = item.id === undefined ? nameInUse(index, name) : index.identities.some((identity) => sameName(identity.name, name));
      if (clash || taken.some((other) => sameName(other, name))) throw nameClash(name);
      if (index.identities.some((identity) => identity.certificate.sha256 === sha256Hex(item.certificate))) {
        throw new StudioError('IDENTITY_EXISTS', `the certificate for '${name}' is already in the vault`, { hint: 'Use the existing identity.', params: { name } });
      }
      const record = item.id === undefined ? await writeNew(ctx, { ...item, name }) : completeExisting(ctx, item.id, { ...item, name });
      taken.push(name);
      outcomes.push({ record, error: null });
    } catch (error) {
      outcomes.push({ record: null, error: toErrorDto(error) });
    }
  }
  return outcomes;
}

async function writeNew(ctx: VaultContext, item: NewIdentity): Promise<IdentityRecord> {
  const id = randomUUID();
  const now = ctx.now();
  const history = [{ at: now.toISOString(), action: 'imported' as const, details: { files: [], ...item.history } }];
  return storeIdentity(ctx, { id, name: item.name, pkcs8: item.pkcs8, certificate: item.certificate, chain: item.chain, history }, () => recordFor(id, item, now));
}

/** A pending request's folder already holds the sealed key: add the certificate, the chain and the history. */
function completeExisting(ctx: VaultContext, id: string, item: NewIdentity): IdentityRecord {
  const now = ctx.now();
  storeAuthorities(ctx.layout, item.chain);
  writeCompletion(ctx, id, item, now);
  return recordFor(id, item, now);
}
