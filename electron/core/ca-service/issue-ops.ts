import type { BatchRowResult, IssuedIdentityDto } from '../../common/dto/ca';
import { toErrorDto } from '../../common/errors';
import { issueForRow, issueIdentity, parseKeyType, parseOnboardingCsv, recordFor as registryRecordFor, type IssuedIdentity, type KeyType, type LeafProfile, type OnboardingRow } from '../ca';
import type { VaultContext } from '../vault/context';
import { wipe } from '../vault/envelope';
import { validateName } from '../vault/names';
import type { IdentityRecord } from '../vault/schema';
import { outcomeError, withAuthority } from './authority-ops';
import type { AuthorityRecord, LoadedAuthority } from './ca-records';
import { nameClash, nameInUse, writeIdentities, type NewIdentity, type WriteOutcome } from './identity-writer';
import { readRegistry, writeRegistry } from './registry-store';

export interface IssueIdentityRequest {
  name: string;
  type: LeafProfile;
  sans?: string[];
  days?: number;
  /** DN text; default `CN=<name>` */
  subject?: string;
  keyType?: KeyType | string;
}

export interface IssueBatchOptions {
  keyType?: KeyType | string;
  subjectTemplate?: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Rows committed per lock: other writers (the app) wait at most one chunk, and vault.json is rewritten rarely. */
const BATCH_CHUNK = 50;

const escapeDnValue = (value: string) => value.replace(/([,+"\\<>;=])/g, '\\$1');

function dto(record: IdentityRecord, authority: AuthorityRecord, issued: IssuedIdentity): IssuedIdentityDto {
  return {
    id: record.id,
    name: record.name,
    authority: authority.name,
    serial: issued.serial,
    subject: issued.subject,
    notBefore: issued.notBefore.toISOString(),
    notAfter: issued.notAfter.toISOString(),
    certificateSha256: issued.sha256,
    validityCapped: issued.validityCapped,
  };
}

const newIdentity = (authority: LoadedAuthority, name: string, issued: IssuedIdentity, kind: LeafProfile): NewIdentity => ({
  name,
  pkcs8: issued.key.pkcs8,
  certificate: issued.certificate,
  chain: authority.chainFromCa,
  issuedBy: { authorityId: authority.record.id, serial: issued.serial },
  history: { issuedBy: authority.record.name, type: kind },
});

/** Under the lock: keychain + folders of each item, then the CA's registry, then vault.json (the commit). */
async function commitIssued(ctx: VaultContext, authority: LoadedAuthority, items: { name: string; issued: IssuedIdentity; kind: LeafProfile }[]): Promise<WriteOutcome[]> {
  return ctx.lock.run(async () => {
    const index = ctx.index.read();
    const outcomes = await writeIdentities(ctx, index, items.map((item) => newIdentity(authority, item.name, item.issued, item.kind)));
    const stored = items.filter((_, i) => outcomes[i]?.record);
    if (stored.length > 0) {
      const registry = readRegistry(ctx.layout, authority.record.id, authority.record.name);
      writeRegistry(ctx.layout, authority.record.id, { ...registry, records: [...registry.records, ...stored.map((item) => registryRecordFor(item.issued, { name: item.name, kind: item.kind }))] });
      ctx.index.write({ ...index, identities: [...index.identities, ...outcomes.flatMap((outcome) => (outcome.record ? [outcome.record] : []))] });
    }
    return outcomes;
  });
}

export async function issueOne(ctx: VaultContext, caRef: string, request: IssueIdentityRequest): Promise<IssuedIdentityDto> {
  const name = validateName(request.name);
  if (nameInUse(ctx.index.read(), name)) throw nameClash(name);
  const keyType = parseKeyType(String(request.keyType ?? 'ec-p256'));
  return withAuthority(ctx, caRef, async (authority) => {
    const issued = await issueIdentity(authority.signer, {
      profile: request.type,
      subject: request.subject ?? `CN=${escapeDnValue(name)}`,
      sans: request.sans ?? [],
      keyType,
      now: ctx.now(),
      ...(request.days === undefined ? {} : { days: request.days }),
    });
    try {
      const [outcome] = await commitIssued(ctx, authority, [{ name, issued, kind: request.type }]);
      if (!outcome?.record) throw outcomeError(outcome?.error);
      return dto(outcome.record, authority.record, issued);
    } finally {
      wipe(issued.key.pkcs8);
    }
  });
}

/**
 * One client identity per CSV row (see parseOnboardingCsv), issued in chunks: each chunk is signed outside the
 * lock, then committed under it. A row that fails (name taken…) is reported and the others go on.
 */
export async function issueBatch(ctx: VaultContext, caRef: string, csv: string | Uint8Array, options: IssueBatchOptions = {}): Promise<BatchRowResult[]> {
  const rows = parseOnboardingCsv(csv, options.subjectTemplate === undefined ? {} : { subjectTemplate: options.subjectTemplate });
  const keyType = parseKeyType(String(options.keyType ?? 'ec-p256'));
  return withAuthority(ctx, caRef, async (authority) => {
    const results: BatchRowResult[] = [];
    for (let start = 0; start < rows.length; start += BATCH_CHUNK) {
      if (options.signal?.aborted) break;
      const chunk = rows.slice(start, start + BATCH_CHUNK);
      const signed: { row: OnboardingRow; issued: IssuedIdentity }[] = [];
      const taken = ctx.index.read();
      for (const [i, row] of chunk.entries()) {
        // rows signed so far; the total is reported once the last chunk is committed
        if (start + i > 0) options.onProgress?.(start + i, rows.length);
        try {
          if (nameInUse(taken, row.name)) throw nameClash(row.name);
          signed.push({ row, issued: await issueForRow(authority.signer, row, { keyType, now: ctx.now() }) });
        } catch (error) {
          results.push({ row: row.row, name: row.name, identity: null, error: toErrorDto(error) });
        }
      }
      try {
        const outcomes = await commitIssued(ctx, authority, signed.map(({ row, issued }) => ({ name: row.name, issued, kind: 'client' as const })));
        signed.forEach(({ row, issued }, i) => {
          const outcome = outcomes[i];
          results.push({ row: row.row, name: row.name, identity: outcome?.record ? dto(outcome.record, authority.record, issued) : null, error: outcome?.record ? null : (outcome?.error ?? null) });
        });
      } catch (error) {
        for (const { row } of signed) results.push({ row: row.row, name: row.name, identity: null, error: toErrorDto(error) });
      } finally {
        for (const { issued } of signed) wipe(issued.key.pkcs8);
      }
    }
    options.onProgress?.(rows.length, rows.length);
    return results.sort((a, b) => a.row - b.row);
  });
}
