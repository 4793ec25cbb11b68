import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeSubject, formatSubject, parseSubject, subjectFromTemplate, describeCsrDer } from '../../../electron/core/ca';
import { readBytes, openssl } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { expectStudioError } from './ca-fixtures';

const der = (text: string) => Buffer.from(encodeSubject(parseSubject(text))).toString('hex');

/** The subject DER `openssl req -subj … -utf8` encodes, for a byte-for-byte comparison with ours. */
function opensslSubjectDer(dir: string, subject: string): string {
  const out = join(dir, `req-${Math.random().toString(36).slice(2)}.der`);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'k.pem'), '-utf8', '-subj', subject, '-outform', 'DER', '-out', out]);
  return Buffer.from(describeCsrDer(readBytes(out), 'req').subjectDer).toString('hex');
}

describe('subjects (RFC 4514 and OpenSSL forms)', () => {
  const dir = useTempDir('mtls-ca-subject-');

  it('encodes exactly what `openssl req -subj -utf8` encodes, Unicode included', () => {
    for (const subject of ['/C=CN/ST=北京/O=示例公司/OU=运维/CN=张三', '/C=TW/O=範例股份有限公司/CN=王小明/emailAddress=ming@example.com', '/DC=com/DC=example/CN=Partner A']) {
      expect(der(subject), subject).toBe(opensslSubjectDer(dir, subject));
    }
  });

  it('reads RFC 4514 most-specific-first and OpenSSL least-specific-first as the same name', () => {
    expect(der('CN=Alice,OU=Ops,O=Example,C=CN')).toBe(der('/C=CN/O=Example/OU=Ops/CN=Alice'));
    expect(der('cn = Alice , o = Example')).toBe(der('/O=Example/CN=Alice'));
    expect(der('commonName=Alice,organizationName=Example')).toBe(der('/O=Example/CN=Alice'));
    expect(formatSubject(encodeSubject(parseSubject('/O=Example/CN=Alice')))).toBe('CN=Alice,O=Example');
  });

  it('keeps escaped separators, quotes, hex escapes and multi-valued RDNs', () => {
    expect(formatSubject(encodeSubject(parseSubject('CN=Smith\\, John,O="Example, Inc."')))).toBe('CN=Smith\\, John,O=Example\\, Inc.');
    expect(parseSubject('CN=caf\\C3\\A9')[0]![0]!.value).toBe('café');
    expect(parseSubject('CN=\\ lead and trail\\ ')[0]![0]!.value).toBe(' lead and trail ');
    const multi = parseSubject('CN=Alice+UID=alice,O=Example');
    expect(multi).toHaveLength(2);
    expect(multi[1]!.map((a) => a.type)).toEqual(['CN', 'UID']);
    expect(parseSubject('/O=A\\/B/CN=x+UID=y')[0]![0]!.value).toBe('A/B');
    expect(parseSubject('/O=A\\/B/CN=x+UID=y')[1]).toHaveLength(2);
    // OpenSSL drops empty values, as `-subj '/C=/O=Example/CN=x'` does
    expect(der('/C=/ST=/O=Example/CN=x')).toBe(der('/O=Example/CN=x'));
  });

  it('prints our names back through openssl with Unicode intact', () => {
    const path = join(dir, 'name.der');
    // a certificate-free check: openssl asn1parse shows the UTF8STRING content as is
    writeFileSync(path, encodeSubject(parseSubject('CN=張三 Ünïcødé,O=测试')));
    const parsed = openssl(['asn1parse', '-inform', 'DER', '-in', path]);
    expect(parsed).toMatch(/UTF8STRING\s+:测试/);
    expect(parsed).toMatch(/UTF8STRING\s+:張三 Ünïcødé/);
  });

  it('encodes C as PrintableString (upper-cased), emailAddress and DC as IA5String, the rest as UTF8String', () => {
    const hex = der('/C=cn/CN=a/emailAddress=a@example.com/DC=example');
    expect(hex).toContain('1302434e'); // PrintableString "CN"
    expect(hex).toContain('160d' + Buffer.from('a@example.com').toString('hex'));
    expect(hex).toContain('0c0161');
    expect(hex).toContain('1607' + Buffer.from('example').toString('hex'));
  });

  it.each([
    ['', 'empty'],
    ['CN=', 'CN is empty'],
    ['Alice', "has no '='"],
    ['XX=1', "unknown attribute type 'XX'"],
    ['C=China', 'two-letter country code'],
    [`CN=${'x'.repeat(65)}`, 'at most 64'],
    ['CN=#0c03616263', 'hex-encoded'],
    ['CN="unterminated', 'no closing quote'],
    ['CN=a\\q', 'not a valid escape'],
    ['CN=ctrl\\0A', 'control character'],
    ['emailAddress=张@example.com', 'must be ASCII'],
    ['CN=a,', 'ends with a separator'],
    ['/CN', "has no '='"],
    ['/', 'no attribute'],
    ['CN=caf\\C3', 'not valid UTF-8'],
  ])('refuses %j with INVALID_SUBJECT (%s)', async (subject, why) => {
    const error = await expectStudioError(() => parseSubject(subject), 'INVALID_SUBJECT');
    expect(error.message).toContain(why);
    expect(error.message).toContain(`'${subject}'`);
  });

  it('accepts dotted OIDs as attribute types', () => {
    expect(parseSubject('2.5.4.3=Alice')[0]![0]).toMatchObject({ type: 'CN', value: 'Alice' });
    expect(parseSubject('1.3.6.1.4.1.99999.1=custom')[0]![0]).toMatchObject({ oid: '1.3.6.1.4.1.99999.1', value: 'custom' });
  });
});

describe('subject templates', () => {
  it('fills placeholders after parsing, so a value can never add attributes', () => {
    const name = subjectFromTemplate('CN={name},O=Example', { name: 'Evil, O=Attacker+CN=root' });
    expect(name).toHaveLength(2);
    expect(formatSubject(encodeSubject(name))).toBe('CN=Evil\\, O=Attacker\\+CN=root,O=Example');
  });

  it('leaves out attributes whose placeholders are empty, and refuses unknown placeholders', async () => {
    const name = subjectFromTemplate('CN={cn},OU={ou},O={o}', { cn: 'Partner A', ou: undefined, o: '  ' });
    expect(formatSubject(encodeSubject(name))).toBe('CN=Partner A');
    const error = await expectStudioError(() => subjectFromTemplate('CN={nmae}', { name: 'x' }), 'INVALID_SUBJECT');
    expect(error.message).toContain('{nmae}');
    await expectStudioError(() => subjectFromTemplate('CN={cn}', { cn: undefined }), 'INVALID_SUBJECT');
    await expectStudioError(() => subjectFromTemplate('CN={cn}', { cn: 'x'.repeat(70) }), 'INVALID_SUBJECT');
  });
});
