import { randomUUID } from 'node:crypto';
import { StudioError } from '../../common/errors';
import type { PendingRequest } from '../../common/dto/ca';
import { certificateMatchesKey, createCsr, matchPendingKey, readCsr, recordFor as registryRecordFor, signCsr, type CsrDetails, type KeyType, type LeafProfile, type SignedCsr, parseKeyType } from '../ca';
import { readContent, selectIdentity } from '../pki';
import { loadAuthorities } from '../vault/authorities';
import type { VaultContext } from '../vault/context';
import { newDataKey, sealPrivateKey, wipe } from '../vault/envelope';
import { removeIdentityFolder } from '../vault/identity-files';
import { unsealPrivateKey } from '../vault/key-access';
import { sameName, validateName } from '../vault/names';
import type { IdentityRecord, PendingRecord } from '../vault/schema';
import { outcomeError, withAuthority } from './authority-ops';
import { nameClash, nameInUse, writeIdentities } from './identity-writer';
import { writePendingFolder } from './pending-files';
import { readRegistry, writeRegistry } from './registry-store';

export interface CreateRequest {
  name: string;
  subject: string;
  sans?: string[];
  keyType?: KeyType | string;
  /** the EKU to ask for (default clientAuth) */
  type?: LeafProfile;
}

const pendingDto = (record: PendingRecord): PendingRequest => ({
  id: record.id,
  name: record.name,
  createdAt: record.createdAt,
  subject: record.subject,
  subjectAltNames: record.subjectAltNames,
  keyAlgorithm: record.keyAlgorithm,
});

export const listPending = (ctx: VaultContext): PendingRequest[] => (ctx.index.read().pending ?? []).map(pendingDto);

const keyLabel = (type: KeyType): string => (type.startsWith('ec-') ? `EC ${type === 'ec-p256' ? 'P-256' : 'P-384'}` : `RSA ${type.slice(4)}`);

/** A new key, kept in the vault as a pending request (keychain entry, then folder, then vault.json), and its CSR. */
export async function createRequest(ctx: VaultContext, request: CreateRequest): Promise<{ request: PendingRequest; pem: string; der: Uint8Array }> {
  const name = validateName(request.name);
  if (nameInUse(ctx.index.read(), name)) throw nameClash(name);
  const keyType = parseKeyType(String(request.keyType ?? 'ec-p256'));
  const created = await createCsr({ subject: request.subject, sans: request.sans ?? [], keyType, extendedKeyUsage: [request.type === 'server' ? 'serverAuth' : 'clientAuth'] });
  try {
    return await ctx.lock.run(async () => {
      const index = ctx.index.read();
      if (nameInUse(index, name)) throw nameClash(name);
      const id = randomUUID();
      const dataKey = newDataKey();
      try {
        await ctx.keychain.setDataKey(id, dataKey, `store the key of '${name}'`);
        const record: PendingRecord = {
          id,
          name,
          createdAt: ctx.now().toISOString(),
          subject: created.subject,
          subjectAltNames: created.subjectAltNames,
          keyAlgorithm: keyLabel(keyType),
          publicKey: Buffer.from(created.key.spki).toString('base64'),
        };
        try {
          writePendingFolder(ctx.layout, id, sealPrivateKey(created.key.pkcs8, dataKey, id), created.csr);
          ctx.index.write({ ...index, pending: [...(index.pending ?? []), record] });
        } catch (error) {
          removeIdentityFolder(ctx.layout, id);
          await ctx.keychain.deleteDataKey(id, `remove the key of '${name}'`).catch(() => false);
          throw error;
        }
        return { request: pendingDto(record), pem: created.pem, der: created.csr };
      } finally {
        wipe(dataKey);
      }
    });
  } finally {
    wipe(created.key.pkcs8);
  }
}

/**
 * The certificate that came back for a pending request (`bytes`: PEM/DER/PKCS#7, possibly with its chain): matched
 * to a pending key by public key (KEY_MISMATCH otherwise), its chain completed from the file and the vault's CA
 * certificates, and the request becomes an identity with the same id, key and name.
 */
export async function completeRequest(ctx: VaultContext, bytes: Uint8Array, source: string): Promise<IdentityRecord> {
  const certificates = readContent(bytes, source).certificates;
  if (certificates.length === 0) {
    throw new StudioError('NO_CERTIFICATE', `'${source}' holds no certificate`, { hint: 'Give the certificate file the CA sent back (PEM, DER or PKCS#7).', params: { file: source } });
  }
  const pending = (ctx.index.read().pending ?? []).map((record) => ({ record, publicKey: new Uint8Array(Buffer.from(record.publicKey, 'base64')) }));
  const certifies = (der: Uint8Array, key: Uint8Array) => {
    try {
      return certificateMatchesKey(der, key);
    } catch {
      return false;
    }
  };
  const leaf = certificates.find((certificate) => pending.some((entry) => certifies(certificate.der, entry.publicKey)));
  const { record } = matchPendingKey((leaf ?? certificates[0]!).der, pending, source);
  const pkcs8 = await unsealPrivateKey(ctx, record);
  try {
    const identity = selectIdentity({
      files: [],
      certificates: [leaf!, ...certificates.filter((certificate) => certificate !== leaf), ...loadAuthorities(ctx.layout)],
      privateKeys: [{ pkcs8, source: 'the pending key', wasEncrypted: false }],
      crls: [],
      csrs: [],
    });
    return await ctx.lock.run(async () => {
      const index = ctx.index.read();
      if (!(index.pending ?? []).some((other) => other.id === record.id)) {
        throw new StudioError('NOT_FOUND', `the pending request '${record.name}' was completed or removed meanwhile`, { hint: 'Run `mtls-studio identity list` to see it.' });
      }
      const [outcome] = await writeIdentities(ctx, index, [
        { id: record.id, name: record.name, pkcs8, certificate: identity.leaf.der, chain: identity.chain.map((item) => item.der), history: { completedFrom: source.split(/[\\/]/).pop() ?? source } },
      ]);
      if (!outcome?.record) throw outcomeError(outcome?.error);
      ctx.index.write({ ...index, identities: [...index.identities, outcome.record], pending: (index.pending ?? []).filter((other) => other.id !== record.id) });
      return outcome.record;
    });
  } finally {
    wipe(pkcs8);
  }
}

/** EKU the request asked for decides the profile unless one is given: serverAuth → server, otherwise client. */
export const profileFor = (details: CsrDetails): LeafProfile => (details.requestedExtendedKeyUsage?.includes('serverAuth') && !details.requestedExtendedKeyUsage.includes('clientAuth') ? 'server' : 'client');

/** Signs a request someone sent, under the engine's policy, and records it in the CA's registry. */
export async function signRequest(ctx: VaultContext, caRef: string, bytes: Uint8Array, source: string, options: { days?: number; type?: LeafProfile } = {}): Promise<SignedCsr> {
  const details = readCsr(bytes, source);
  const profile = options.type ?? profileFor(details);
  return withAuthority(ctx, caRef, async (authority) => {
    const signed = await signCsr(authority.signer, details, { profile, now: ctx.now(), ...(options.days === undefined ? {} : { days: options.days }) });
    await ctx.lock.run(async () => {
      const registry = readRegistry(ctx.layout, authority.record.id, authority.record.name);
      writeRegistry(ctx.layout, authority.record.id, { ...registry, records: [...registry.records, registryRecordFor(signed, { kind: profile })] });
    });
    return signed;
  });
}

/** Drops a pending request and destroys its key: the same order as removing an identity (commit, then clean up). */
export async function removeRequest(ctx: VaultContext, ref: string): Promise<PendingRequest> {
  return ctx.lock.run(async () => {
    const index = ctx.index.read();
    const wanted = ref.normalize('NFC').trim();
    const record = (index.pending ?? []).find((entry) => entry.id === wanted || sameName(entry.name, wanted));
    if (!record) {
      throw new StudioError('NOT_FOUND', `no pending request named '${ref}'`, { hint: 'Run `mtls-studio csr list` to see the pending requests.', params: { name: ref } });
    }
    const what = `remove the key of '${record.name}'`;
    wipe(await ctx.keychain.getDataKey(record.id, what));
    ctx.index.write({ ...index, pending: (index.pending ?? []).filter((entry) => entry.id !== record.id) });
    try {
      await ctx.keychain.deleteDataKey(record.id, what);
    } finally {
      removeIdentityFolder(ctx.layout, record.id);
    }
    return pendingDto(record);
  });
}
