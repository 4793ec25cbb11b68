import { describe, expect, it } from 'vitest';
import { createIntermediateCa, createRootCa, generateKey, KEY_TYPES, keyTypeOf } from '../../../electron/core/ca';
import { encodePem } from '../../../electron/core/pki';
import { openssl } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { expectStudioError, makeHierarchy, verifyWithChain, writeText, x509Text } from './ca-fixtures';

const DAY = 86_400_000;

describe('key generation', () => {
  const dir = useTempDir('mtls-ca-keys-');

  it.each(KEY_TYPES)('%s: a key OpenSSL reads with the expected size', async (type) => {
    const key = await generateKey(type);
    expect(key.type).toBe(type);
    expect(keyTypeOf(key.privateKey)).toBe(type);
    const text = openssl(['pkey', '-in', writeText(dir, `${type}.pem`, encodePem('PRIVATE KEY', key.pkcs8)), '-noout', '-text']);
    const expected = { 'ec-p256': 'ASN1 OID: prime256v1', 'ec-p384': 'ASN1 OID: secp384r1', 'rsa-2048': 'Private-Key: (2048 bit, 2 primes)', 'rsa-3072': 'Private-Key: (3072 bit, 2 primes)', 'rsa-4096': 'Private-Key: (4096 bit, 2 primes)' }[type];
    expect(text).toContain(expected);
  });

  it('refuses an unknown key type before generating anything', async () => {
    const error = await expectStudioError(() => generateKey('ec-p521' as never), 'INVALID_ARGUMENT');
    expect(error.message).toContain("'ec-p521' is not one of ec-p256, ec-p384, rsa-2048, rsa-3072, rsa-4096");
  });
});

describe('root and intermediate CAs', () => {
  const dir = useTempDir('mtls-ca-authority-');

  it('a root CA: self-signed, CA:TRUE critical, keyCertSign + cRLSign critical, SKI = AKI, Unicode subject intact', async () => {
    const now = new Date();
    const root = await createRootCa({ subject: '/C=CN/O=示例科技有限公司/CN=示例根 CA', now });
    const pem = writeText(dir, 'root.pem', root.pem);
    expect(openssl(['verify', '-CAfile', pem, pem])).toContain(': OK');
    const text = x509Text(pem);
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE\n/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    const ski = /Subject Key Identifier:\s+([0-9A-F:]+)/.exec(text)![1];
    expect(text).toMatch(new RegExp(`Authority Key Identifier:\\s+(keyid:)?${ski}`));
    expect(text).toContain('Subject: CN=示例根 CA,O=示例科技有限公司,C=CN');
    expect(root.subject).toBe('CN=示例根 CA,O=示例科技有限公司,C=CN');
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA256');
    expect(root.key.type).toBe('ec-p256');
    expect(root.notAfter.getTime() - root.notBefore.getTime()).toBe(3650 * DAY);
    expect(root.notBefore.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(root.pathLen).toBeNull();
  });

  it('RSA and P-384 roots sign with SHA-256 and SHA-384; pathLen is written when given', async () => {
    const rsa = await createRootCa({ subject: 'CN=RSA Root', keyType: 'rsa-2048', pathLen: 2 });
    const rsaText = x509Text(writeText(dir, 'rsa-root.pem', rsa.pem));
    expect(rsaText).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(rsaText).toMatch(/CA:TRUE, pathlen:2/);
    const p384 = await createRootCa({ subject: 'CN=P-384 Root', keyType: 'ec-p384' });
    expect(x509Text(writeText(dir, 'p384-root.pem', p384.pem))).toContain('Signature Algorithm: ecdsa-with-SHA384');
  });

  it('an intermediate: chains to the root, AKI = root SKI, validity capped at the root’s notAfter', async () => {
    const root = await createRootCa({ subject: 'CN=Short Root', days: 100, pathLen: 3 });
    const intermediate = await createIntermediateCa({ certificate: root.certificate, privateKey: root.key.pkcs8 }, { subject: 'CN=Issuing,O=Example', keyType: 'rsa-2048' });
    expect(intermediate.validityCapped).toBe(true);
    expect(intermediate.notAfter.getTime()).toBe(root.notAfter.getTime());
    expect(intermediate.pathLen).toBe(2);
    const rootPem = writeText(dir, 'short-root.pem', root.pem);
    const pem = writeText(dir, 'issuing.pem', intermediate.pem);
    expect(openssl(['verify', '-CAfile', rootPem, pem])).toContain(': OK');
    const rootSki = /Subject Key Identifier:\s+([0-9A-F:]+)/.exec(x509Text(rootPem))![1];
    const text = x509Text(pem);
    expect(text).toMatch(new RegExp(`Authority Key Identifier:\\s+(keyid:)?${rootSki}`));
    expect(text).toMatch(/CA:TRUE, pathlen:2/);
    expect(text).toContain('Issuer: CN=Short Root');
  });

  it('the issued certificate names its issuer with the CA subject’s exact bytes', async () => {
    const hierarchy = await makeHierarchy(dir);
    const rootSubject = openssl(['x509', '-in', hierarchy.rootPem, '-noout', '-subject', '-nameopt', 'RFC2253']).replace('subject=', '');
    const issuer = openssl(['x509', '-in', hierarchy.issuingPem, '-noout', '-issuer', '-nameopt', 'RFC2253']).replace('issuer=', '');
    expect(issuer).toBe(rootSubject);
    expect(verifyWithChain(hierarchy, hierarchy.issuingPem)).toContain(': OK');
  });

  it('respects pathLen: no intermediate under pathLen 0, none at or above the parent’s', async () => {
    const leafOnly = await createRootCa({ subject: 'CN=Leaf-only Root', pathLen: 0 });
    const error = await expectStudioError(() => createIntermediateCa({ certificate: leafOnly.certificate, privateKey: leafOnly.key.privateKey }, { subject: 'CN=Nope' }), 'CA_POLICY_REFUSED');
    expect(error.message).toContain('pathLen 0');
    const two = await createRootCa({ subject: 'CN=Two Levels', pathLen: 1 });
    await expectStudioError(() => createIntermediateCa({ certificate: two.certificate, privateKey: two.key.privateKey }, { subject: 'CN=Too deep', pathLen: 1 }), 'CA_POLICY_REFUSED');
    await expectStudioError(() => createRootCa({ subject: 'CN=x', pathLen: -1 }), 'INVALID_ARGUMENT');
  });

  it('re-issues a CA for an existing key (certificates it signed stay valid)', async () => {
    const first = await createRootCa({ subject: 'CN=Renewed Root' });
    const renewed = await createRootCa({ subject: 'CN=Renewed Root', key: first.key.pkcs8, days: 7300 });
    expect(Buffer.from(renewed.key.spki).equals(Buffer.from(first.key.spki))).toBe(true);
    const child = await createIntermediateCa({ certificate: first.certificate, privateKey: first.key.privateKey }, { subject: 'CN=Child' });
    const renewedPem = writeText(dir, 'renewed.pem', renewed.pem);
    expect(openssl(['verify', '-CAfile', renewedPem, writeText(dir, 'child.pem', child.pem)])).toContain(': OK');
  });

  it('a 100-year root is encoded with GeneralizedTime past 2049, as RFC 5280 requires, and OpenSSL reads it', async () => {
    const root = await createRootCa({ subject: 'CN=Century Root', days: 36_500 });
    const pem = writeText(dir, 'century.pem', root.pem);
    expect(openssl(['x509', '-in', pem, '-noout', '-enddate'])).toContain(String(root.notAfter.getUTCFullYear()));
    expect(root.notAfter.getUTCFullYear()).toBeGreaterThan(2049);
    expect(openssl(['asn1parse', '-in', pem])).toMatch(/GENERALIZEDTIME\s+:\d{14}Z/);
    expect(openssl(['verify', '-CAfile', pem, pem])).toContain(': OK');
  });

  it('refuses days outside 1..36500 and an invalid subject', async () => {
    await expectStudioError(() => createRootCa({ subject: 'CN=x', days: 0 }), 'INVALID_ARGUMENT');
    await expectStudioError(() => createRootCa({ subject: 'CN=x', days: 1.5 }), 'INVALID_ARGUMENT');
    await expectStudioError(() => createRootCa({ subject: 'Root CA' }), 'INVALID_SUBJECT');
  });
});
