import type { PublicKeyInfo } from '../../common/dto/inspect';
import type { IdentitySummary } from '../../common/dto/vault';
import type { IdentityRecord } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days until `notAfter`, rounded down: 0 on the last day, negative once expired. */
export function daysLeft(notAfter: string, now: Date): number {
  return Math.floor((Date.parse(notAfter) - now.getTime()) / DAY_MS);
}

/** Expires within `days` days from now (already expired included). */
export const expiresWithin = (notAfter: string, now: Date, days: number): boolean => Date.parse(notAfter) - now.getTime() < days * DAY_MS;

/** 'RSA 2048', 'EC P-256', 'Ed25519' */
export function keyAlgorithmLabel(key: PublicKeyInfo): string {
  if (key.curve) return `${key.algorithm} ${key.curve}`;
  if ((key.algorithm === 'RSA' || key.algorithm === 'DSA') && key.bits !== null) return `${key.algorithm} ${key.bits}`;
  return key.algorithm;
}

export function summarize(record: IdentityRecord, now: Date): IdentitySummary {
  const { certificate } = record;
  return {
    id: record.id,
    name: record.name,
    subject: certificate.subject,
    issuer: certificate.issuer,
    notAfter: certificate.notAfter,
    daysLeft: daysLeft(certificate.notAfter, now),
    certificateSha256: certificate.sha256,
    keyAlgorithm: record.keyAlgorithm,
    hosts: record.hosts,
    subjectCommonName: certificate.subjectCommonName,
    issuerCommonName: certificate.issuerCommonName,
    notBefore: certificate.notBefore,
    labels: record.labels,
    createdAt: record.createdAt,
  };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byName = (a: IdentityRecord, b: IdentityRecord) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);

/** Name order (letter case ignored), or expiry order (soonest first, then name). */
export function sortRecords(records: IdentityRecord[], sort: 'name' | 'expiry'): IdentityRecord[] {
  if (sort === 'name') return [...records].sort(byName);
  // each date parsed once, not once per comparison
  const keyed = records.map((record) => ({ record, expires: Date.parse(record.certificate.notAfter) }));
  return keyed.sort((a, b) => a.expires - b.expires || byName(a.record, b.record)).map((entry) => entry.record);
}
