import { describe, expect, it } from 'vitest';
import { encodeSubject, formatSubject, onboardingSans, parseCsv, parseOnboardingCsv } from '../../../electron/core/ca';
import { expectStudioError } from './ca-fixtures';

const subjectOf = (row: { subject: Parameters<typeof encodeSubject>[0] }) => formatSubject(encodeSubject(row.subject));

describe('CSV reading (RFC 4180, as spreadsheets export it)', () => {
  it('handles a BOM, CRLF, quoted fields with commas, doubled quotes and line breaks, and blank lines', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nplain,,last\r\n';
    expect(parseCsv(text)).toEqual([
      { row: 1, fields: ['a', 'b', 'c'] },
      { row: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { row: 5, fields: ['plain', '', 'last'] },
    ]);
  });

  it('takes bytes: UTF-8 with or without BOM; refuses UTF-16 and GBK exports with a hint', async () => {
    expect(parseCsv(new Uint8Array(Buffer.from('\uFEFFname\n张三\n', 'utf8')))[1]!.fields).toEqual(['张三']);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('name\n', 'utf16le')]);
    expect((await expectStudioError(() => parseCsv(utf16), 'INVALID_CSV')).message).toContain('UTF-16');
    const gbk = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]); // "name\n张三\n" in GBK
    expect((await expectStudioError(() => parseCsv(gbk), 'INVALID_CSV')).message).toContain('CSV UTF-8');
  });

  it('uses ; or tab when the header does (European Excel)', () => {
    expect(parseCsv('name;email\nA;a@example.com\n')[1]!.fields).toEqual(['A', 'a@example.com']);
    expect(parseCsv('name\temail\nA\ta@example.com\n')[1]!.fields).toEqual(['A', 'a@example.com']);
  });

  it('reports an unclosed quote at the row where it opened', async () => {
    const error = await expectStudioError(() => parseCsv('a,b\n1,2\n"open,3\n4,5\n'), 'INVALID_CSV');
    expect(error.message).toBe('CSV row 3: a quoted field is never closed (a missing " ?)');
  });
});

describe('bulk onboarding CSV', () => {
  it('reads required and optional columns in any order and case, normalises, and builds the subject', () => {
    const rows = parseOnboardingCsv('Email,NAME,ou,o,dns,days,cn\r\nOps@Partner-A.example,Partner A,Integration,Partner A Ltd,api.partner-a.example; Bücher.example,90,\r\nb@partner-b.example,合作方乙,,,,,乙方 客户端\r\n');
    expect(rows[0]).toMatchObject({ row: 2, name: 'Partner A', email: 'Ops@partner-a.example', cn: 'Partner A', o: 'Partner A Ltd', ou: 'Integration', dns: ['api.partner-a.example', 'xn--bcher-kva.example'], days: 90 });
    expect(subjectOf(rows[0]!)).toBe('CN=Partner A,OU=Integration,O=Partner A Ltd');
    expect(onboardingSans(rows[0]!)).toEqual(['email:Ops@partner-a.example', 'DNS:api.partner-a.example', 'DNS:xn--bcher-kva.example']);
    expect(rows[1]).toMatchObject({ row: 3, name: '合作方乙', cn: '乙方 客户端', dns: [] });
    expect(rows[1]!.days).toBeUndefined();
    expect(subjectOf(rows[1]!)).toBe('CN=乙方 客户端');
  });

  it('applies a custom subject template', () => {
    const [row] = parseOnboardingCsv('name,email,o\nA,a@example.com,Acme\n', { subjectTemplate: '/C=CN/O={o}/OU=Partners/CN={name}/emailAddress={email}' });
    expect(subjectOf(row!)).toBe('emailAddress=a@example.com,CN=A,OU=Partners,O=Acme,C=CN');
  });

  it('reads 500 rows', () => {
    const lines = ['name,email'];
    for (let i = 1; i <= 500; i++) lines.push(`partner-${i},p${i}@example.com`);
    const rows = parseOnboardingCsv(lines.join('\n'));
    expect(rows).toHaveLength(500);
    expect(rows[499]).toMatchObject({ row: 501, name: 'partner-500' });
  });

  it.each([
    ['', 'CSV row 1: the file is empty'],
    ['name,email\n', 'CSV row 2: there are no rows after the header'],
    ['name,mail\nA,a@example.com\n', "CSV row 1: unknown column 'mail' (columns: name, email, cn, o, ou, dns, days)"],
    ['name,cn\nA,B\n', "CSV row 1: the header has no 'email' column"],
    ['name,email,name\nA,a@example.com,B\n', "CSV row 1: the column 'name' appears twice"],
    ['name,email\nA,a@example.com\n,b@example.com\n', 'CSV row 3: the name is empty'],
    ['name,email\nA,\n', "CSV row 2: 'A' has no email"],
    ['name,email\n\nA,a@example.com\nB,not-an-email\n', "CSV row 4: invalid subject alternative name 'email:not-an-email'"],
    ['name,email,dns\nA,a@example.com,bad_host\n', "CSV row 2: invalid subject alternative name 'DNS:bad_host'"],
    ['name,email,days\nA,a@example.com,1y\n', "CSV row 2: days '1y' is not a whole number"],
    ['name,email\nA,a@example.com\na,b@example.com\n', "CSV row 3: the name 'a' is already used in row 2"],
    ['name,email\nA,a@example.com,extra\n', 'CSV row 2: 3 fields, but the header has 2'],
    [`name,email,cn\nA,a@example.com,${'x'.repeat(65)}\n`, 'CSV row 2: invalid subject'],
  ])('refuses %j: %s', async (text, message) => {
    const error = await expectStudioError(() => parseOnboardingCsv(text), 'INVALID_CSV');
    expect(error.message).toContain(message);
    expect(error.params?.row).toBe(Number(/row (\d+)/.exec(message)![1]));
  });

  it('a broken template is the caller’s INVALID_SUBJECT, not a row error', async () => {
    await expectStudioError(() => parseOnboardingCsv('name,email\nA,a@example.com\n', { subjectTemplate: 'CN={company}' }), 'INVALID_SUBJECT');
  });
});
