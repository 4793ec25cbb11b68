import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePem, parsePem, PemError } from '../../../electron/core/pki/pem';
import { makeTestPki, openssl, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { bytes, text } from './pki-fixtures';

const dir = useTempDir();
let pki: TestPki;
const certDer = (file: string) => {
  const out = join(dir, 'tmp.der');
  openssl(['x509', '-in', file, '-outform', 'DER', '-out', out]);
  return bytes(out);
};

beforeAll(() => {
  pki = makeTestPki(dir);
});

describe('parsePem', () => {
  it('reads several blocks with LF and CRLF line ends and gives the exact DER', () => {
    const lf = text(pki.leafCert) + text(pki.intermediateCert) + text(pki.rootCert);
    for (const input of [lf, lf.replace(/\n/g, '\r\n')]) {
      const blocks = parsePem(input);
      expect(blocks.map((b) => b.label)).toEqual(['CERTIFICATE', 'CERTIFICATE', 'CERTIFICATE']);
      expect(Buffer.from(blocks[0]!.der).equals(Buffer.from(certDer(pki.leafCert)))).toBe(true);
      expect(Buffer.from(blocks[2]!.der).equals(Buffer.from(certDer(pki.rootCert)))).toBe(true);
    }
  });

  it('skips free text before and between blocks (openssl x509 -text output)', () => {
    const withText = openssl(['x509', '-in', pki.leafCert, '-text']) + 'some notes: not base64 ===\n' + openssl(['x509', '-in', pki.rootCert, '-text']);
    expect(withText).toContain('Signature Algorithm');
    const blocks = parsePem(withText);
    expect(blocks).toHaveLength(2);
    expect(Buffer.from(blocks[1]!.der).equals(Buffer.from(certDer(pki.rootCert)))).toBe(true);
  });

  it('captures RFC 1421 headers of traditional encrypted keys', () => {
    const key = join(dir, 'trad.key');
    openssl(['genrsa', '-traditional', '-aes256', '-passout', 'pass:test', '-out', key, '1024']);
    const [block] = parsePem(text(key));
    expect(block!.label).toBe('RSA PRIVATE KEY');
    expect(block!.headers['Proc-Type']).toBe('4,ENCRYPTED');
    expect(block!.headers['DEK-Info']).toMatch(/^AES-256-CBC,[0-9A-F]{32}$/);
    expect(block!.der.length % 16).toBe(0);
  });

  it('captures friendlyName and localKeyID from openssl pkcs12 -nodes output, UTF-8 Chinese names included', () => {
    const p12 = join(dir, 'named.p12');
    openssl(['pkcs12', '-export', '-in', pki.leafCert, '-inkey', pki.leafKey, '-name', 'partner', '-out', p12, '-passout', 'pass:pw']);
    const dumped = openssl(['pkcs12', '-in', p12, '-passin', 'pass:pw', '-nodes']);
    expect(dumped).toContain('Bag Attributes');
    // OpenSSL 3 prints a BMPString friendlyName as UTF-8; `openssl pkcs12 -export -name` itself cannot write
    // non-ASCII names correctly, so the Chinese variant is the same output with the name replaced.
    for (const [input, name] of [[dumped, 'partner'], [dumped.replaceAll('partner', '客户端证书'), '客户端证书']] as const) {
      const blocks = parsePem(input);
      const cert = blocks.find((b) => b.label === 'CERTIFICATE')!;
      const key = blocks.find((b) => b.label === 'PRIVATE KEY')!;
      expect(cert.friendlyName).toBe(name);
      expect(key.friendlyName).toBe(name);
      expect(cert.localKeyId!.length).toBe(20); // OpenSSL uses the SHA-1 of the certificate
      expect(Buffer.from(cert.localKeyId!).equals(Buffer.from(key.localKeyId!))).toBe(true);
    }
  });

  it('does not carry attributes of one block over to the next', () => {
    const input = `Bag Attributes\n    friendlyName: first\n${text(pki.leafCert)}${text(pki.rootCert)}`;
    const blocks = parsePem(input);
    expect(blocks[0]!.friendlyName).toBe('first');
    expect(blocks[1]!.friendlyName).toBeUndefined();
  });

  it.each([
    ['a missing END line', (pem: string) => pem.replace(/-----END CERTIFICATE-----\n?$/, ''), /no END line/],
    ['truncated base64', (pem: string) => pem.replace(/.{3}\n-----END/, '\n-----END'), /base64 of the CERTIFICATE block is truncated/],
    ['a mismatched END label', (pem: string) => pem.replace('END CERTIFICATE', 'END PRIVATE KEY'), /ends with END PRIVATE KEY/],
    ['characters that are not base64', (pem: string) => pem.replace(/\n([A-Za-z0-9+/]{5})/, '\n$1*'), /not base64/],
    ['an empty block', () => '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n', /empty/],
  ])('rejects %s with a PemError', (_label, damage, message) => {
    const damaged = damage(text(pki.leafCert));
    expect(() => parsePem(damaged)).toThrow(PemError);
    expect(() => parsePem(damaged)).toThrow(message);
  });

  it('finds nothing in text without blocks', () => {
    expect(parsePem('hello\nworld\n')).toEqual([]);
  });
});

describe('encodePem', () => {
  it('writes 64-character lines with LF that openssl reads back byte-identically', () => {
    const original = certDer(pki.rootCert);
    const pem = encodePem('CERTIFICATE', original);
    const lines = pem.trimEnd().split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----');
    expect(lines.slice(1, -2).every((line) => line.length === 64)).toBe(true);
    expect(pem).not.toContain('\r');
    expect(pem).toBe(text(pki.rootCert)); // openssl writes the same canonical form
    expect(Buffer.from(parsePem(pem)[0]!.der).equals(Buffer.from(original))).toBe(true);
  });
});
