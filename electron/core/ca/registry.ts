import type { IssuedCertificate } from './certificate-builder';
import type { RevocationReason, RevokedEntry } from './crl';
import { invalidArgument } from './errors';
import { normalizeSerial } from './validity';

/**
 * What a CA issued, one record per certificate — the registry the vault will store. Pure functions only:
 * making records, revoking one, the CRL entries, a text search and a CSV export safe to open in Excel.
 */

export type IssuedKind = 'client' | 'server' | 'intermediate-ca';
export type IssuedStatus = 'valid' | 'revoked';
/** the status a reader sees at a given time */
export type EffectiveStatus = 'valid' | 'revoked' | 'expired' | 'not-yet-valid';

export interface IssuedRecord {
  /** lowercase hex, as OpenSSL prints it */
  serial: string;
  /** RFC 4514 */
  subject: string;
  /** ISO 8601 UTC */
  notBefore: string;
  notAfter: string;
  status: IssuedStatus;
  /** ISO 8601 UTC; null unless revoked */
  revokedAt: string | null;
  reason: RevocationReason | null;
  /** additions: the identity name it was issued to, its kind and fingerprint */
  name?: string;
  kind?: IssuedKind;
  sha256?: string;
}

export function recordFor(issued: IssuedCertificate, extras: { name?: string; kind?: IssuedKind } = {}): IssuedRecord {
  return {
    serial: issued.serial,
    subject: issued.subject,
    notBefore: issued.notBefore.toISOString(),
    notAfter: issued.notAfter.toISOString(),
    status: 'valid',
    revokedAt: null,
    reason: null,
    ...extras,
    sha256: issued.sha256,
  };
}

/** The record, revoked at `at` for `reason`. Revoking twice is refused (the first date is what the CRL says). */
export function revokeRecord(record: IssuedRecord, at: Date, reason: RevocationReason = 'unspecified'): IssuedRecord {
  if (record.status === 'revoked') throw invalidArgument('revocation', `serial ${record.serial} was already revoked on ${record.revokedAt}`);
  return { ...record, status: 'revoked', revokedAt: at.toISOString(), reason };
}

export function effectiveStatus(record: IssuedRecord, now: Date): EffectiveStatus {
  if (record.status === 'revoked') return 'revoked';
  if (now.getTime() > Date.parse(record.notAfter)) return 'expired';
  if (now.getTime() < Date.parse(record.notBefore)) return 'not-yet-valid';
  return 'valid';
}

/**
 * The CRL entries of the revoked records. Expired certificates stay listed: RFC 5280 allows dropping them, but
 * a relying party with a wrong clock would then accept them.
 */
export const crlEntries = (records: readonly IssuedRecord[]): RevokedEntry[] =>
  records
    .filter((record) => record.status === 'revoked' && record.revokedAt !== null)
    .map((record) => ({ serial: record.serial, revokedAt: new Date(record.revokedAt!), ...(record.reason ? { reason: record.reason } : {}) }));

/** Records whose serial (any spelling: colons, 0x, case), subject or name contains `query`, case-insensitively. */
export function searchRecords(records: readonly IssuedRecord[], query: string): IssuedRecord[] {
  const text = query.trim().toLowerCase();
  if (text === '') return [...records];
  let serial: string | null = null;
  try {
    serial = normalizeSerial(text).replace(/^0/, '');
  } catch {
    serial = null;
  }
  return records.filter(
    (record) =>
      record.subject.toLowerCase().includes(text) ||
      (record.name ?? '').toLowerCase().includes(text) ||
      (serial !== null && record.serial.includes(serial)),
  );
}

export const REGISTRY_CSV_COLUMNS = ['serial', 'subject', 'name', 'kind', 'notBefore', 'notAfter', 'status', 'revokedAt', 'reason', 'sha256'] as const;

/** A cell: quoted when needed; a leading = + - @ (or tab/CR) is neutralised so Excel does not run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The registry as CSV: header + one line per record, CRLF line ends, status as seen at `now`. With `bom` (default)
 * the text starts with a UTF-8 BOM so Excel shows Chinese subjects correctly.
 */
export function registryCsv(records: readonly IssuedRecord[], now: Date, options: { bom?: boolean } = {}): string {
  const lines = [REGISTRY_CSV_COLUMNS.join(',')];
  for (const record of records) {
    const row: Record<(typeof REGISTRY_CSV_COLUMNS)[number], string> = {
      serial: record.serial,
      subject: record.subject,
      name: record.name ?? '',
      kind: record.kind ?? '',
      notBefore: record.notBefore,
      notAfter: record.notAfter,
      status: effectiveStatus(record, now),
      revokedAt: record.revokedAt ?? '',
      reason: record.reason ?? '',
      sha256: record.sha256 ?? '',
    };
    lines.push(REGISTRY_CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  }
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
