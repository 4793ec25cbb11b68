import { StudioError } from '../../common/errors';
import type { AuthoritySummary } from '../../common/dto/ca';
import { createIntermediateCa, createRootCa, loadIssuer, parseKeyType, recordFor as registryRecordFor, type CreatedCa, type KeyType } from '../ca';
import { selectIdentity, type Bundle } from '../pki';
import { parseCertificate } from '../pki/certificate';
import { loadAuthorities, sha256Hex } from '../vault/authorities';
import type { VaultContext } from '../vault/context';
import { wipe } from '../vault/envelope';
import { validateName } from '../vault/names';
import { findAuthority, isAuthority, loadAuthority, summarizeAuthority, type AuthorityRecord, type LoadedAuthority } from './ca-records';
import { nameClash, nameInUse, writeIdentities, type NewIdentity } from './identity-writer';
import { readRegistry, writeRegistry } from './registry-store';

export interface CreateAuthorityRequest {
  name: string;
  keyType?: KeyType | string;
  /** DN text; default `CN=<name>` */
  subject?: string;
  days?: number;
  /** name or id of the vault CA to sign it: an intermediate */
  parent?: string;
  pathLen?: number;
}

export interface ImportAuthorityRequest {
  name?: string;
  select?: string;
}

/** Commits new CA identities; `parent` gets a registry record of the intermediate it signed. */
async function commit(ctx: VaultContext, item: NewIdentity, parent: { record: AuthorityRecord; created: CreatedCa } | null): Promise<AuthoritySummary> {
  return ctx.lock.run(async () => {
    const index = ctx.index.read();
    const [outcome] = await writeIdentities(ctx, index, [item]);
    if (!outcome || outcome.record === null) throw outcomeError(outcome?.error);
    if (parent) {
      const registry = readRegistry(ctx.layout, parent.record.id, parent.record.name);
      writeRegistry(ctx.layout, parent.record.id, { ...registry, records: [...registry.records, registryRecordFor(parent.created, { name: item.name, kind: 'intermediate-ca' })] });
    }
    const next = { ...index, identities: [...index.identities, outcome.record] };
    ctx.index.write(next);
    return summarizeAuthority(ctx, next, outcome.record as AuthorityRecord);
  });
}

export function outcomeError(error: { code: string; message: string; hint?: string; params?: Record<string, string | number> } | undefined): StudioError {
  if (!error) return new StudioError('INTERNAL', 'nothing was written');
  return new StudioError(error.code as StudioError['code'], error.message, { ...(error.hint ? { hint: error.hint } : {}), ...(error.params ? { params: error.params } : {}) });
}

export async function createAuthority(ctx: VaultContext, request: CreateAuthorityRequest): Promise<AuthoritySummary> {
  const name = validateName(request.name);
  if (nameInUse(ctx.index.read(), name)) throw nameClash(name);
  const options = {
    subject: request.subject ?? `CN=${name.replace(/([,+"\\<>;=])/g, '\\$1')}`,
    keyType: parseKeyType(String(request.keyType ?? 'ec-p256')),
    now: ctx.now(),
    ...(request.days === undefined ? {} : { days: request.days }),
    ...(request.pathLen === undefined ? {} : { pathLen: request.pathLen }),
  };
  if (request.parent === undefined) {
    const created = await createRootCa(options);
    try {
      return await commit(ctx, { name, pkcs8: created.key.pkcs8, certificate: created.certificate, chain: [], authority: { kind: 'root', parentId: null, pathLen: created.pathLen }, history: { createdAs: 'root CA' } }, null);
    } finally {
      wipe(created.key.pkcs8);
    }
  }
  const parent = await loadAuthority(ctx, findAuthority(ctx.index.read(), request.parent));
  let created: CreatedCa;
  try {
    created = await createIntermediateCa(parent.signer, options);
  } finally {
    wipe(parent.signer.privateKey);
  }
  try {
    const item: NewIdentity = {
      name,
      pkcs8: created.key.pkcs8,
      certificate: created.certificate,
      chain: parent.chainFromCa,
      authority: { kind: 'intermediate', parentId: parent.record.id, pathLen: created.pathLen },
      issuedBy: { authorityId: parent.record.id, serial: created.serial },
      history: { createdAs: 'intermediate CA', issuedBy: parent.record.name },
    };
    return await commit(ctx, item, { record: parent.record, created });
  } finally {
    wipe(created.key.pkcs8);
  }
}

/** An existing CA (certificate + key, chain optional) from what `files.inspect` read; must be a usable CA now. */
export async function importAuthority(ctx: VaultContext, bundle: Bundle, request: ImportAuthorityRequest): Promise<AuthoritySummary> {
  const withAuthorities: Bundle = { ...bundle, certificates: [...bundle.certificates, ...loadAuthorities(ctx.layout)] };
  const identity = selectIdentity(withAuthorities, request.select);
  loadIssuer({ certificate: identity.leaf.der, privateKey: identity.key.pkcs8 }, ctx.now());
  const parsed = parseCertificate(identity.leaf.der, 'the CA certificate');
  const chain = identity.chain.map((item) => item.der);
  const name = validateName(request.name ?? parsed.commonName ?? 'Imported CA');
  const index = ctx.index.read();
  const parentSha = chain[0] === undefined ? null : sha256Hex(chain[0]);
  const parent = parentSha === null ? undefined : index.identities.filter(isAuthority).find((record) => record.certificate.sha256 === parentSha);
  return commit(
    ctx,
    {
      name,
      pkcs8: identity.key.pkcs8,
      certificate: identity.leaf.der,
      chain,
      authority: { kind: parsed.selfSigned ? 'root' : 'intermediate', parentId: parent?.id ?? null, pathLen: parsed.extensions.basicConstraints?.pathLen ?? null },
      history: { importedAs: 'CA', files: bundle.files.map((file) => file.path.split(/[\\/]/).pop() ?? '') },
    },
    null,
  );
}

export async function withAuthority<T>(ctx: VaultContext, ref: string, use: (authority: LoadedAuthority) => Promise<T>): Promise<T> {
  const authority = await loadAuthority(ctx, findAuthority(ctx.index.read(), ref));
  try {
    return await use(authority);
  } finally {
    wipe(authority.signer.privateKey);
  }
}
