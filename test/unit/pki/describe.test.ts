import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeBundle } from '../../../electron/core/pki/describe';
import { readFiles } from '../../../electron/core/pki/read';
import type { CertificateInfo } from '../../../electron/common/dto/inspect';
import { makeTestPki, openssl, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { bytes, endDateOf, fingerprint, genKey, issuerOf, makeOpensslCa, selfSigned, serialOf, startDateOf, subjectOf, text, x509 } from './pki-fixtures';

const dir = useTempDir();
let pki: TestPki;
const out = (name: string) => join(dir, name);
const NOW = new Date();
const inspect = (...files: string[]) => describeBundle(readFiles(files.map((path) => ({ path, bytes: bytes(path) }))), NOW);
const only = (file: string): CertificateInfo => inspect(file).certificates[0]!;

beforeAll(() => {
  pki = makeTestPki(dir, ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
});

describe('certificate descriptions match openssl', () => {
  it('subject and issuer as RFC 4514 with Chinese left intact, escaping as OpenSSL does', () => {
    const key = genKey(dir, 'cn', 'p-256');
    const cert = selfSigned(dir, 'cn', key, '/C=CN/ST=广东/O=测试有限公司, 深圳/OU=研发\\+测试/CN=客户端 #1');
    const info = only(cert);
    expect(info.subject).toBe(subjectOf(cert));
    expect(info.subject).toContain('CN=客户端 #1');
    expect(info.subject).not.toMatch(/\\[0-9A-F]{2}|#[0-9a-f]{6}/);
    expect(info.issuer).toBe(issuerOf(cert));
    expect(info.commonName).toBe('客户端 #1');
  });

  it('serial, validity, fingerprints, SANs, key usage, EKU, key identifiers of a client leaf', () => {
    const info = inspect(pki.leafCert, pki.intermediateCert, pki.rootCert).certificates[0]!;
    expect(info.serialNumber).toBe(serialOf(pki.leafCert));
    expect(info.notBefore).toBe(startDateOf(pki.leafCert));
    expect(info.notAfter).toBe(endDateOf(pki.leafCert));
    expect(info.sha256).toBe(fingerprint(pki.leafCert));
    expect(info.sha1).toBe(fingerprint(pki.leafCert, 'sha1'));
    expect(info.subjectAltNames).toEqual(['DNS:client.example.com', 'email:client@example.com']);
    expect(info.keyUsage).toEqual(['digitalSignature']);
    expect(info.extendedKeyUsage).toEqual(['clientAuth']);
    expect(info.isCA).toBe(false);
    expect(info.selfSigned).toBe(false);
    expect(info.publicKey).toEqual({ algorithm: 'RSA', bits: 2048, curve: null });
    expect(info.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    const ski = x509(pki.leafCert, ['-ext', 'subjectKeyIdentifier']).split('\n')[1]!.trim().replace(/:/g, '').toLowerCase();
    expect(info.subjectKeyIdentifier).toBe(ski);
    const issuerSki = x509(pki.intermediateCert, ['-ext', 'subjectKeyIdentifier']).split('\n')[1]!.trim().replace(/:/g, '').toLowerCase();
    expect(info.authorityKeyIdentifier).toBe(issuerSki);
    expect(info.source).toBe('leaf.crt');
  });

  it('CA details: isCA, self-signed, key usage, pathLen, IP SANs', () => {
    const key = genKey(dir, 'ca2', 'p-384');
    const cert = selfSigned(dir, 'ca2', key, '/CN=Path CA', ['-addext', 'basicConstraints=critical,CA:TRUE,pathlen:1', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-addext', 'subjectAltName=IP:10.0.0.1,IP:2001:db8::1,URI:https://ca.example/']);
    const info = only(cert);
    expect(info).toMatchObject({ isCA: true, selfSigned: true, pathLenConstraint: 1, keyUsage: ['keyCertSign', 'cRLSign'], extendedKeyUsage: null });
    expect(info.subjectAltNames).toEqual(['IP:10.0.0.1', 'IP:2001:db8::1', 'URI:https://ca.example/']);
    expect(info.publicKey).toEqual({ algorithm: 'EC', bits: 384, curve: 'P-384' });
    expect(info.signatureAlgorithm).toBe('ecdsa-with-SHA256');
  });

  it.each([
    ['md5', ['-md5'], 'rsa-2048', 'md5WithRSAEncryption'],
    ['sha1', ['-sha1'], 'rsa-2048', 'sha1WithRSAEncryption'],
    ['pss', ['-sigopt', 'rsa_padding_mode:pss'], 'rsa-2048', 'RSASSA-PSS'],
    ['ecdsa384', ['-sha384'], 'p-521', 'ecdsa-with-SHA384'],
    ['ed25519', [], 'ed25519', 'ED25519'],
    ['ed448', [], 'ed448', 'ED448'],
  ] as const)('names the %s signature algorithm as OpenSSL does, and verifies it (self-signed)', (name, args, alg, expected) => {
    const key = genKey(dir, `sig-${name}`, alg);
    const cert = selfSigned(dir, `sig-${name}`, key, `/CN=${name}`, [...args]);
    expect(x509(cert, ['-text'])).toContain(`Signature Algorithm: ${expected === 'RSASSA-PSS' ? 'rsassaPss' : expected}`);
    const info = only(cert);
    expect(info.signatureAlgorithm).toBe(expected);
    expect(info.selfSigned).toBe(true);
  });
});

describe('bundles', () => {
  it('orders certificates leaf → root whatever the input order, and builds the chain', () => {
    const report = inspect(pki.rootCert, pki.leafCert, pki.intermediateCert);
    const expected = [pki.leafCert, pki.intermediateCert, pki.rootCert].map((f) => fingerprint(f));
    expect(report.certificates.map((c) => c.sha256)).toEqual(expected);
    expect(report.chains).toEqual([{ path: expected, complete: true }]);
  });

  it('lists a certificate given twice once', () => {
    const report = inspect(pki.leafCert, pki.leafCert);
    expect(report.certificates).toHaveLength(1);
    expect(report.findings.map((f) => f.code)).toContain('DUPLICATE_CERTIFICATE');
  });

  it('matches keys to certificates by public key, whatever the file order', () => {
    const report = inspect(pki.rootKey, pki.leafCert, pki.leafKey, pki.rootCert, pki.intermediateCert);
    expect(report.privateKeys.map((k) => [k.source, k.certificateSha256])).toEqual([
      ['root.key', fingerprint(pki.rootCert)],
      ['leaf.key', fingerprint(pki.leafCert)],
    ]);
    expect(report.privateKeys[0]).toMatchObject({ algorithm: 'RSA', bits: 2048, curve: null, wasEncrypted: false, friendlyName: null });
  });

  it('tells apart two issuers with the same name by signature', () => {
    const caDir = (n: string) => join(dir, `same-${n}`);
    const first = makeOpensslCa(caDir('a'), '/CN=Same Name CA');
    const second = makeOpensslCa(caDir('b'), '/CN=Same Name CA');
    const leaf = second.issue('leaf', '/CN=Issued By Second');
    const report = inspect(first.cert, leaf.cert, second.cert);
    expect(report.chains.find((c) => c.path[0] === fingerprint(leaf.cert))).toEqual({ path: [fingerprint(leaf.cert), fingerprint(second.cert)], complete: true });
    expect(report.certificates.map((c) => c.sha256).slice(0, 2)).toEqual([fingerprint(leaf.cert), fingerprint(second.cert)]);
  });

  it('describes CSRs and CRLs', () => {
    const csrFile = pki.leafCert.replace('.crt', '.csr');
    const ca = makeOpensslCa(join(dir, 'crl-ca'));
    const revoked = ca.issue('revoked', '/CN=Revoked');
    ca.revoke(revoked.cert);
    const crlFile = ca.crl('ca');
    writeFileSync(out('both.pem'), text(csrFile) + text(crlFile));
    const report = inspect(out('both.pem'));
    const csrSubject = openssl(['req', '-in', csrFile, '-noout', '-subject', '-nameopt', 'RFC2253']).trim().replace(/^subject=/, '');
    expect(report.csrs).toEqual([{ subject: csrSubject, publicKey: { algorithm: 'RSA', bits: 2048, curve: null }, subjectAltNames: [], signatureAlgorithm: 'sha256WithRSAEncryption', signatureValid: true, source: 'both.pem' }]);
    const crlText = openssl(['crl', '-in', crlFile, '-noout', '-text']);
    expect(report.crls[0]).toMatchObject({ issuer: 'CN=Fixture CA', nextUpdate: expect.stringMatching(/Z$/), signatureAlgorithm: 'ecdsa-with-SHA256', source: 'both.pem' });
    expect(report.crls[0]!.revokedSerialNumbers).toEqual([serialOf(revoked.cert)]);
    expect(crlText).toContain(`Serial Number: ${serialOf(revoked.cert).toUpperCase()}`);
  });

  it('returns JSON-serialisable data only', () => {
    const report = inspect(pki.leafCert, pki.leafKey);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
