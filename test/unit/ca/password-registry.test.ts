import { describe, expect, it } from 'vitest';
import {
  effectiveStatus,
  generatePassword,
  parseCsv,
  PASSWORD_ALPHABET,
  passwordEntropyBits,
  recordFor,
  registryCsv,
  revokeRecord,
  searchRecords,
  crlEntries,
  type IssuedCertificate,
  type IssuedRecord,
} from '../../../electron/core/ca';
import { expectStudioError } from './ca-fixtures';

describe('kit passwords', () => {
  it('24 characters from an alphabet without look-alikes or shell metacharacters, ≥ 128 bits', () => {
    const password = generatePassword();
    expect(password).toMatch(new RegExp(`^[${PASSWORD_ALPHABET}]{24}$`));
    expect(PASSWORD_ALPHABET).not.toMatch(/[0O1lI5S2Z8B'"$`\\ !&;|<>]/);
    expect(passwordEntropyBits()).toBeGreaterThanOrEqual(128);
    expect(generatePassword(32)).toHaveLength(32);
  });

  it('is uniformly random: all different, every character used, no character far from its share', () => {
    const passwords = Array.from({ length: 2000 }, () => generatePassword());
    expect(new Set(passwords).size).toBe(passwords.length);
    const counts = new Map<string, number>();
    for (const ch of passwords.join('')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(PASSWORD_ALPHABET.length);
    const expected = (2000 * 24) / PASSWORD_ALPHABET.length; // 960
    for (const count of counts.values()) expect(Math.abs(count - expected)).toBeLessThan(expected * 0.2);
  });

  it('refuses lengths that would be weak or silly', async () => {
    await expectStudioError(() => generatePassword(8), 'INVALID_ARGUMENT');
    await expectStudioError(() => generatePassword(1000), 'INVALID_ARGUMENT');
  });
});

const issued = (serial: string, subject: string, from: string, to: string): IssuedCertificate => ({
  certificate: new Uint8Array(),
  pem: '',
  serial,
  subject,
  issuer: 'CN=Issuing',
  notBefore: new Date(from),
  notAfter: new Date(to),
  validityCapped: false,
  sha256: `${serial}`.padEnd(64, '0'),
});

describe('issued registry records', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const active = recordFor(issued('0a1b2c', 'CN=Partner A,O=Acme', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), { name: 'partner-a', kind: 'client' });
  const old = recordFor(issued('ff00', 'CN=Old', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), { kind: 'client' });
  const revoked = revokeRecord(recordFor(issued('8899aa', 'CN=合作方,O="Quoted" Ltd', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), { name: '=HYPERLINK("http://x")', kind: 'server' }), new Date('2026-05-01T12:00:00Z'), 'keyCompromise');
  const records: IssuedRecord[] = [active, old, revoked];

  it('records what the CLI and the registry need, and revocation is one-way', async () => {
    expect(active).toEqual({ serial: '0a1b2c', subject: 'CN=Partner A,O=Acme', notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2027-01-01T00:00:00.000Z', status: 'valid', revokedAt: null, reason: null, name: 'partner-a', kind: 'client', sha256: '0a1b2c'.padEnd(64, '0') });
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: '2026-05-01T12:00:00.000Z', reason: 'keyCompromise' });
    await expectStudioError(() => revokeRecord(revoked, now), 'INVALID_ARGUMENT');
    expect([active, old, revoked].map((record) => effectiveStatus(record, now))).toEqual(['valid', 'expired', 'revoked']);
    expect(effectiveStatus(active, new Date('2025-12-31T00:00:00Z'))).toBe('not-yet-valid');
    expect(crlEntries(records)).toEqual([{ serial: '8899aa', revokedAt: new Date('2026-05-01T12:00:00Z'), reason: 'keyCompromise' }]);
  });

  it('searches serials in any spelling, subjects and names', () => {
    expect(searchRecords(records, '0A:1B:2C').map((r) => r.serial)).toEqual(['0a1b2c']);
    expect(searchRecords(records, 'a1b').map((r) => r.serial)).toEqual(['0a1b2c']);
    expect(searchRecords(records, 'acme').map((r) => r.serial)).toEqual(['0a1b2c']);
    expect(searchRecords(records, '合作').map((r) => r.serial)).toEqual(['8899aa']);
    expect(searchRecords(records, 'hyperlink').map((r) => r.serial)).toEqual(['8899aa']);
    expect(searchRecords(records, '  ')).toHaveLength(3);
  });

  it('exports CSV for Excel: BOM, CRLF, quoting, status as of now, formulas neutralised; it reads back', () => {
    const csv = registryCsv(records, now);
    expect(csv.startsWith('\uFEFFserial,subject,name,kind,notBefore,notAfter,status,revokedAt,reason,sha256\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(4);
    expect(rows[1]!.fields).toEqual(['0a1b2c', 'CN=Partner A,O=Acme', 'partner-a', 'client', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'valid', '', '', '0a1b2c'.padEnd(64, '0')]);
    expect(rows[2]!.fields[6]).toBe('expired');
    expect(rows[3]!.fields.slice(1, 3)).toEqual(['CN=合作方,O="Quoted" Ltd', '\'=HYPERLINK("http://x")']);
    expect(csv).toContain('"CN=合作方,O=""Quoted"" Ltd","\'=HYPERLINK(""http://x"")"');
    expect(rows[3]!.fields.slice(6, 9)).toEqual(['revoked', '2026-05-01T12:00:00.000Z', 'keyCompromise']);
    expect(registryCsv([], now, { bom: false })).toBe('serial,subject,name,kind,notBefore,notAfter,status,revokedAt,reason,sha256\r\n');
  });
});
