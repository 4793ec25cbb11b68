import type { Bundle, CertificateItem } from '../pki';
import { describeBundle } from '../pki';
import type { HostMatch, IdentityDetails, IdentityList, IdentityListQuery } from '../../common/dto/vault';
import { StudioError } from '../../common/errors';
import type { VaultContext } from './context';
import { explainMatch, findConflicts, parseTarget, rankRules } from './host-rules';
import { readHistory, readIdentityCertificates } from './identity-files';
import { findIdentity, identityNotFound } from './names';
import type { IdentityRecord } from './schema';
import { expiresWithin, sortRecords, summarize } from './summaries';

/** Reads take no lock and never touch the keychain: they work while another process writes and without a keychain. */

/**
 * The identity's certificates. A removal in another process may delete the folder between reading vault.json and
 * reading the files: then the identity is reported as not found rather than as damaged.
 */
export function certificatesOf(ctx: VaultContext, record: IdentityRecord): { leaf: Uint8Array; chain: Uint8Array[] } {
  try {
    return readIdentityCertificates(ctx.layout, record.id, record.name);
  } catch (error) {
    if (!ctx.index.read().identities.some((identity) => identity.id === record.id)) throw identityNotFound(record.name);
    throw error;
  }
}

export function listIdentities(ctx: VaultContext, query: IdentityListQuery = {}): IdentityList {
  const { expiringWithinDays, sort = 'name' } = query;
  if (expiringWithinDays !== undefined && (!Number.isFinite(expiringWithinDays) || expiringWithinDays < 0)) {
    throw new StudioError('INVALID_ARGUMENT', `'${expiringWithinDays}' is not a number of days`, { hint: 'Give a whole number of days, e.g. 30.' });
  }
  const index = ctx.index.read();
  const now = ctx.now();
  const chosen = expiringWithinDays === undefined ? index.identities : index.identities.filter((record) => expiresWithin(record.certificate.notAfter, now, expiringWithinDays));
  return { identities: sortRecords(chosen, sort).map((record) => summarize(record, now)), conflicts: findConflicts(index.identities) };
}

export function showIdentity(ctx: VaultContext, ref: string): IdentityDetails {
  const record = findIdentity(ctx.index.read(), ref);
  const { leaf, chain } = certificatesOf(ctx, record);
  const items: CertificateItem[] = [leaf, ...chain].map((der) => ({ der, source: record.name }));
  const bundle: Bundle = { files: [], certificates: items, privateKeys: [], crls: [], csrs: [] };
  const now = ctx.now();
  const report = describeBundle(bundle, now);
  return {
    ...summarize(record, now),
    source: record.source,
    chain: record.chain,
    certificates: report.certificates,
    findings: report.findings,
    chainInfo: report.chains.find((path) => path.path[0] === record.certificate.sha256) ?? null,
    history: readHistory(ctx.layout, record.id),
  };
}

export function matchUrl(ctx: VaultContext, input: string): HostMatch {
  const target = parseTarget(input);
  const index = ctx.index.read();
  const { candidates, tied } = rankRules(index.identities, target);
  const winner = candidates[0];
  const reason = explainMatch(target, winner, tied);
  const base = { url: target.url, host: target.host, port: target.port, reason, candidates };
  if (!winner) return { ...base, identity: null, pattern: null, kind: null, conflict: null };
  if (tied.length > 1) {
    return { ...base, identity: null, pattern: winner.pattern, kind: winner.kind, conflict: { pattern: winner.pattern, identities: tied.map((candidate) => candidate.identity) } };
  }
  const record = index.identities.find((identity) => identity.id === winner.identity.id)!;
  return { ...base, identity: summarize(record, ctx.now()), pattern: winner.pattern, kind: winner.kind, conflict: null };
}
