import { describe, expect, it } from 'vitest';
import { encodeSans, formatSan, parseSan, parseSans } from '../../../electron/core/ca';
import { expectStudioError } from './ca-fixtures';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('subject alternative names', () => {
  it('parses the four types with OpenSSL prefixes, in any case', () => {
    expect(parseSan('DNS:api.example.com')).toMatchObject({ type: 'dns', value: 'api.example.com' });
    expect(parseSan('dns:API.Example.COM.')).toMatchObject({ type: 'dns', value: 'api.example.com' });
    expect(parseSan('email:Alice.B+tag@Example.com')).toMatchObject({ type: 'email', value: 'Alice.B+tag@example.com' });
    expect(parseSan('URI:spiffe://example.org/ns/partner-a')).toMatchObject({ type: 'uri', value: 'spiffe://example.org/ns/partner-a' });
    expect(parseSan('URI:urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66').value).toBe('urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66');
    expect(formatSan(parseSan('ip:10.0.0.1'))).toBe('IP:10.0.0.1');
  });

  it('encodes IPv4 as 4 bytes and IPv6 (compressed, embedded IPv4, bracketed) as 16 bytes', () => {
    expect(hex(parseSan('IP:192.168.1.20').bytes)).toBe('c0a80114');
    expect(hex(parseSan('IP:::1').bytes)).toBe('00000000000000000000000000000001');
    expect(hex(parseSan('IP:2001:db8::8:800:200c:417a').bytes)).toBe('20010db80000000000080800200c417a');
    expect(hex(parseSan('IP:2001:db8:0:0:0:0:0:1').bytes)).toBe('20010db8000000000000000000000001');
    expect(hex(parseSan('IP:::ffff:1.2.3.4').bytes)).toBe('00000000000000000000ffff01020304');
    expect(hex(parseSan('IP:[fe80::1]').bytes)).toBe('fe800000000000000000000000000001');
  });

  it('turns Unicode domain names into A-labels, in DNS names and email domains', () => {
    expect(parseSan('DNS:Bücher.example').value).toBe('xn--bcher-kva.example');
    expect(parseSan('DNS:例子.测试').value).toBe('xn--fsqu00a.xn--0zwm56d');
    expect(parseSan('email:ops@例子.测试').value).toBe('ops@xn--fsqu00a.xn--0zwm56d');
    expect(parseSan('URI:https://例子.测试/路径').value).toBe('https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84');
  });

  it('allows a wildcard only as the whole first label, and only where asked', async () => {
    expect(parseSan('DNS:*.example.com').value).toBe('*.example.com');
    await expectStudioError(() => parseSan('DNS:*.example.com', { wildcard: false }), 'INVALID_SAN');
    await expectStudioError(() => parseSan('DNS:api.*.example.com'), 'INVALID_SAN');
    await expectStudioError(() => parseSan('DNS:f*o.example.com'), 'INVALID_SAN');
    await expectStudioError(() => parseSan('DNS:*.com'), 'INVALID_SAN');
  });

  it.each([
    ['api.example.com', 'no type: write DNS:api.example.com'],
    ['10.0.0.1', 'no type: write IP:10.0.0.1'],
    ['2001:db8::1', 'no type: write IP:2001:db8::1'],
    ['alice@example.com', 'no type: write email:alice@example.com'],
    ['https://example.com/x', 'no type: write URI:https://example.com/x'],
    ['otherName:1.2.3;UTF8:x', "unknown type 'otherName'"],
    ['DNS:', 'the name is empty'],
    ['DNS:under_score.example.com', "the label 'under_score'"],
    ['DNS:a..example.com', 'empty label'],
    ['DNS:-lead.example.com', "the label '-lead'"],
    [`DNS:${'a'.repeat(64)}.example.com`, 'at most 63'],
    ['IP:10.0.0.256', 'is not an IPv4 or IPv6 address'],
    ['IP:fe80::1%eth0', 'zone index'],
    ['IP:example.com', 'is not an IPv4 or IPv6 address'],
    ['email:no-at-sign', 'needs a mailbox and a domain'],
    ['email:张三@example.com', 'must be ASCII'],
    ['email:a b@example.com', 'is not a valid mailbox'],
    ['URI:/relative/path', 'not an absolute URI'],
  ])('refuses %j with INVALID_SAN (%s)', async (text, why) => {
    const error = await expectStudioError(() => parseSan(text), 'INVALID_SAN');
    expect(error.message).toContain(why);
    expect(error.message).toContain(`'${text}'`);
  });

  it('drops exact duplicates and encodes GeneralNames with the RFC 5280 context tags', () => {
    const entries = parseSans(['DNS:a.example', 'dns:A.example', 'IP:127.0.0.1', 'email:x@a.example', 'URI:https://a.example/']);
    expect(entries.map(formatSan)).toEqual(['DNS:a.example', 'IP:127.0.0.1', 'email:x@a.example', 'URI:https://a.example/']);
    const der = hex(encodeSans(entries));
    expect(der.startsWith('30')).toBe(true);
    const tagged = (tag: number, text: string) => tag.toString(16) + text.length.toString(16).padStart(2, '0') + Buffer.from(text).toString('hex');
    expect(der).toBe('3032' + tagged(0x82, 'a.example') + '87047f000001' + tagged(0x81, 'x@a.example') + tagged(0x86, 'https://a.example/'));
  });
});
