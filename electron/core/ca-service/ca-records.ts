import { StudioError } from '../../common/errors';
import type { AuthoritySummary } from '../../common/dto/ca';
import type { CaSigner } from '../ca';
import type { VaultContext } from '../vault/context';
import { readIdentityCertificates } from '../vault/identity-files';
import { unsealPrivateKey } from '../vault/key-access';
import { findIdentity } from '../vault/names';
import type { IdentityRecord, VaultIndex } from '../vault/schema';
import { readRegistry } from './registry-store';

export type AuthorityRecord = IdentityRecord & { authority: NonNullable<IdentityRecord['authority']> };

export const isAuthority = (record: IdentityRecord): record is AuthorityRecord => record.authority !== undefined;

/** The vault CA named `ref` (name or id): IDENTITY_NOT_FOUND when there is none, NOT_A_CA for an ordinary identity. */
export function findAuthority(index: VaultIndex, ref: string): AuthorityRecord {
  const record = findIdentity(index, ref);
  if (!isAuthority(record)) {
    throw new StudioError('NOT_A_CA', `'${record.name}' is an identity of the vault, not one of its CAs`, {
      hint: 'Run `mtls-studio ca list` to see the CAs; create one with `mtls-studio ca create` or import one with `mtls-studio ca import`.',
      params: { name: record.name },
    });
  }
  return record;
}

/** What signs with a vault CA: its certificate, its PKCS#8 key (wipe after use) and the chain above it. */
export interface LoadedAuthority {
  record: AuthorityRecord;
  signer: CaSigner & { privateKey: Uint8Array };
  /** the CA's own certificate first, then its issuers: what issued identities store as their chain */
  chainFromCa: Uint8Array[];
}

export async function loadAuthority(ctx: VaultContext, record: AuthorityRecord): Promise<LoadedAuthority> {
  const { leaf, chain } = readIdentityCertificates(ctx.layout, record.id, record.name);
  const privateKey = await unsealPrivateKey(ctx, record);
  return { record, signer: { certificate: leaf, privateKey }, chainFromCa: [leaf, ...chain] };
}

export function summarizeAuthority(ctx: VaultContext, index: VaultIndex, record: AuthorityRecord): AuthoritySummary {
  const registry = readRegistry(ctx.layout, record.id, record.name);
  const parent = record.authority.parentId === null ? undefined : index.identities.find((other) => other.id === record.authority.parentId);
  return {
    id: record.id,
    name: record.name,
    kind: record.authority.kind,
    parentId: record.authority.parentId,
    parentName: parent?.name ?? null,
    pathLen: record.authority.pathLen,
    subject: record.certificate.subject,
    notBefore: record.certificate.notBefore,
    notAfter: record.certificate.notAfter,
    keyAlgorithm: record.keyAlgorithm,
    certificateSha256: record.certificate.sha256,
    issued: registry.records.length,
    revoked: registry.records.filter((entry) => entry.status === 'revoked').length,
    crlNumber: registry.crlNumber,
  };
}

/** Roots first, each followed by its intermediates (depth first), so a list reads as the tree. */
export function authoritiesInTreeOrder(index: VaultIndex): AuthorityRecord[] {
  const all = index.identities.filter(isAuthority);
  const ids = new Set(all.map((record) => record.id));
  const ordered: AuthorityRecord[] = [];
  const visit = (record: AuthorityRecord, depth: number) => {
    if (ordered.includes(record) || depth > 16) return;
    ordered.push(record);
    for (const child of all.filter((other) => other.authority.parentId === record.id)) visit(child, depth + 1);
  };
  for (const top of all.filter((record) => record.authority.parentId === null || !ids.has(record.authority.parentId))) visit(top, 0);
  for (const rest of all) visit(rest, 0);
  return ordered;
}
