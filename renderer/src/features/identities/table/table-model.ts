import type { IdentitySummary } from '../../../../../electron/common/dto/vault';

export type SortKey = 'name' | 'subject' | 'issuer' | 'expiry' | 'key' | 'hosts';
export interface SortState {
  key: SortKey;
  descending: boolean;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const text: Record<Exclude<SortKey, 'expiry'>, (identity: IdentitySummary) => string> = {
  name: (identity) => identity.name,
  subject: (identity) => identity.subjectCommonName ?? identity.subject,
  issuer: (identity) => identity.issuerCommonName ?? identity.issuer,
  key: (identity) => identity.keyAlgorithm,
  hosts: (identity) => identity.hosts[0] ?? '\uffff',
};

/** Every field a search matches: names, subject and issuer (CN and DN), labels, host rules, fingerprint. */
export function searchText(identity: IdentitySummary): string {
  return [identity.name, identity.subject, identity.issuer, identity.keyAlgorithm, identity.certificateSha256, ...identity.labels, ...identity.hosts].join('\n').toLocaleLowerCase();
}

/**
 * Identities whose searchable text holds every word of the query (any order, any letter case). `index` is the
 * precomputed searchText of each identity, so typing into the box over 10,000 identities stays instant.
 */
export function filterIdentities(identities: IdentitySummary[], index: string[], query: string): IdentitySummary[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return identities;
  return identities.filter((_, i) => words.every((word) => index[i]!.includes(word)));
}

export function sortIdentities(identities: IdentitySummary[], sort: SortState): IdentitySummary[] {
  const sign = sort.descending ? -1 : 1;
  const byName = (a: IdentitySummary, b: IdentitySummary) => collator.compare(a.name, b.name);
  if (sort.key === 'expiry') {
    const keyed = identities.map((identity) => ({ identity, at: Date.parse(identity.notAfter) }));
    return keyed.sort((a, b) => sign * (a.at - b.at) || byName(a.identity, b.identity)).map((entry) => entry.identity);
  }
  const of = text[sort.key];
  const keyed = identities.map((identity) => ({ identity, value: of(identity) }));
  return keyed.sort((a, b) => sign * collator.compare(a.value, b.value) || byName(a.identity, b.identity)).map((entry) => entry.identity);
}

/** `base`, else `base (2)`, `base (3)`… — the name the vault would give, proposed in the import wizard. */
export function uniqueName(identities: IdentitySummary[], base: string): string {
  const fold = (name: string) => name.normalize('NFC').toLocaleLowerCase('en-US');
  const taken = new Set(identities.map((identity) => fold(identity.name)));
  if (!taken.has(fold(base))) return base;
  for (let n = 2; n <= taken.size + 2; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.has(fold(candidate))) return candidate;
  }
  return `${base} (${taken.size + 2})`;
}
