import { describe, expect, it } from 'vitest';
import { createRootCa, issueCertificate, issueIdentity, generateKey } from '../../../electron/core/ca';
import { openssl, makeTestPki, readBytes } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { readContent } from '../../../electron/core/pki';
import { expectStudioError, makeHierarchy, verifyWithChain, writeText, x509Text } from './ca-fixtures';

const DAY = 86_400_000;

describe('issuing client and server certificates', async () => {
  const dir = useTempDir('mtls-ca-issue-');
  const hierarchy = await makeHierarchy(dir);

  it('client (EC P-256 default): clientAuth, digitalSignature only, SANs, SKI/AKI, 397 days, verifies as sslclient', async () => {
    const now = new Date();
    const client = await issueIdentity(hierarchy.issuer, {
      profile: 'client',
      subject: 'CN=Partner A 合作方,O=Partner A Ltd',
      sans: ['email:ops@partner-a.example', 'URI:spiffe://example.org/partner-a', 'DNS:client.partner-a.example'],
      now,
    });
    const pem = writeText(dir, 'client.pem', client.pem);
    expect(verifyWithChain(hierarchy, pem, ['-purpose', 'sslclient'])).toContain(': OK');
    const text = x509Text(pem);
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature\n/);
    expect(text).toMatch(/Extended Key Usage:\s+TLS Web Client Authentication\n/);
    expect(text).toMatch(/Subject Alternative Name:\s+email:ops@partner-a.example, URI:spiffe:\/\/example.org\/partner-a, DNS:client.partner-a.example/);
    expect(text).toContain('Subject: CN=Partner A 合作方,O=Partner A Ltd');
    expect(text).toContain('Issuer: CN=Test Issuing CA,O=mTLS Studio Tests');
    const issuingSki = /Subject Key Identifier:\s+([0-9A-F:]+)/.exec(x509Text(hierarchy.issuingPem))![1];
    expect(text).toMatch(new RegExp(`Authority Key Identifier:\\s+(keyid:)?${issuingSki}`));
    expect(client.key.type).toBe('ec-p256');
    expect(client.notAfter.getTime() - client.notBefore.getTime()).toBe(397 * DAY);
    expect(client.notBefore.getTime()).toBeLessThan(now.getTime());
    expect(client.validityCapped).toBe(false);
    // the server-side check fails: this is not a server certificate
    expect(() => verifyWithChain(hierarchy, pem, ['-purpose', 'sslserver'])).toThrow(/unsuitable certificate purpose/);
  });

  it('serials are 128-bit random positive integers, different every time', async () => {
    const serials = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const issued = await issueIdentity(hierarchy.issuer, { profile: 'client', subject: `CN=serial ${i}` });
      serials.add(issued.serial);
      const printed = openssl(['x509', '-in', writeText(dir, `serial-${i}.pem`, issued.pem), '-noout', '-serial']).trim().replace('serial=', '').toLowerCase();
      expect(printed.replace(/^0+/, '')).toBe(issued.serial.replace(/^0+/, ''));
      expect(BigInt(`0x${issued.serial}`)).toBeGreaterThan(0n);
      expect(BigInt(`0x${issued.serial}`)).toBeLessThan(2n ** 128n);
    }
    expect(serials.size).toBe(8);
  });

  it('RSA clients also get keyEncipherment', async () => {
    const rsa = await issueIdentity(hierarchy.issuer, { profile: 'client', subject: 'CN=RSA client', keyType: 'rsa-2048' });
    const pem = writeText(dir, 'rsa-client.pem', rsa.pem);
    expect(x509Text(pem)).toMatch(/Key Usage: critical\s+Digital Signature, Key Encipherment/);
    expect(verifyWithChain(hierarchy, pem)).toContain(': OK');
  });

  it('server: serverAuth, DNS and IP names, verifies as sslserver for its host name and IP', async () => {
    const server = await issueIdentity(hierarchy.issuer, { profile: 'server', subject: 'CN=api.example.com', sans: ['DNS:api.example.com', 'DNS:*.api.example.com', 'IP:127.0.0.1', 'IP:::1'] });
    const pem = writeText(dir, 'server.pem', server.pem);
    expect(verifyWithChain(hierarchy, pem, ['-purpose', 'sslserver', '-verify_hostname', 'x.api.example.com'])).toContain(': OK');
    expect(verifyWithChain(hierarchy, pem, ['-purpose', 'sslserver', '-verify_ip', '::1'])).toContain(': OK');
    const text = x509Text(pem);
    expect(text).toMatch(/Extended Key Usage:\s+TLS Web Server Authentication\n/);
    expect(text).toMatch(/DNS:api.example.com, DNS:\*.api.example.com, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1/);
  });

  it('server without a DNS or IP name, or a client with a wildcard: INVALID_SAN', async () => {
    const error = await expectStudioError(() => issueIdentity(hierarchy.issuer, { profile: 'server', subject: 'CN=api.example.com', sans: ['email:ops@example.com'] }), 'INVALID_SAN');
    expect(error.message).toContain('a server certificate needs at least one DNS: or IP: name');
    await expectStudioError(() => issueIdentity(hierarchy.issuer, { profile: 'server', subject: 'CN=api.example.com' }), 'INVALID_SAN');
    await expectStudioError(() => issueIdentity(hierarchy.issuer, { profile: 'client', subject: 'CN=x', sans: ['DNS:*.example.com'] }), 'INVALID_SAN');
  });

  it('caps the validity at the issuer’s notAfter and says so', async () => {
    const shortLived = await makeHierarchy(useTempDir('mtls-ca-short-'), { rootDays: 60, issuingDays: 30 });
    const issued = await issueIdentity(shortLived.issuer, { profile: 'client', subject: 'CN=capped', days: 397 });
    expect(issued.validityCapped).toBe(true);
    expect(issued.notAfter.getTime()).toBe(shortLived.issuing.notAfter.getTime());
    expect(verifyWithChain(shortLived, writeText(dir, 'capped.pem', issued.pem))).toContain(': OK');
  });

  it('issues for a public key it did not generate (SPKI DER or KeyObject)', async () => {
    const key = await generateKey('ec-p384');
    const fromDer = await issueCertificate(hierarchy.issuer, { profile: 'client', subject: 'CN=from spki', publicKey: key.spki, days: 30 });
    const fromObject = await issueCertificate(hierarchy.issuer, { profile: 'client', subject: 'CN=from object', publicKey: key.publicKey, days: 30 });
    for (const issued of [fromDer, fromObject]) {
      const pem = writeText(dir, 'public-key.pem', issued.pem);
      expect(openssl(['x509', '-in', pem, '-noout', '-pubkey'])).toContain(openssl(['pkey', '-pubin', '-inform', 'DER', '-in', writeText(dir, 'spki.der', key.spki)]).trim());
      expect(issued.notAfter.getTime() - issued.notBefore.getTime()).toBe(30 * DAY);
    }
  });

  it('issues from a CA made by OpenSSL (imported cert + key), chaining to the OpenSSL root', async () => {
    const pki = makeTestPki(useTempDir('mtls-ca-openssl-'), ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
    const key = readContent(readBytes(pki.intermediateKey), 'intermediate.key').privateKeys[0]!.pkcs8;
    const certificate = readContent(readBytes(pki.intermediateCert), 'intermediate.crt').certificates[0]!.der;
    const issued = await issueIdentity({ certificate, privateKey: key }, { profile: 'client', subject: 'CN=from an imported CA' });
    const pem = writeText(dir, 'imported.pem', issued.pem);
    expect(openssl(['verify', '-CAfile', pki.rootCert, '-untrusted', pki.intermediateCert, '-purpose', 'sslclient', pem])).toContain(': OK');
    expect(x509Text(pem)).toContain('Signature Algorithm: sha256WithRSAEncryption');
  });

  it('refuses issuers that cannot issue: a leaf, an expired CA, a key that is not the CA’s', async () => {
    const leaf = await issueIdentity(hierarchy.issuer, { profile: 'client', subject: 'CN=not a CA' });
    const notCa = await expectStudioError(() => issueIdentity({ certificate: leaf.certificate, privateKey: leaf.key.privateKey }, { profile: 'client', subject: 'CN=x' }), 'NOT_A_CA');
    expect(notCa.message).toContain("'not a CA' cannot issue certificates: its certificate is not a CA certificate");
    const later = new Date(hierarchy.issuing.notAfter.getTime() + DAY);
    const expired = await expectStudioError(() => issueIdentity(hierarchy.issuer, { profile: 'client', subject: 'CN=x', now: later }), 'CA_EXPIRED');
    expect(expired.message).toContain("'Test Issuing CA' cannot issue certificates: it expired on");
    const other = await createRootCa({ subject: 'CN=Other' });
    const mismatch = await expectStudioError(() => issueIdentity({ certificate: hierarchy.issuing.certificate, privateKey: other.key.pkcs8 }, { profile: 'client', subject: 'CN=x' }), 'KEY_MISMATCH');
    expect(mismatch.message).toContain("the private key given for 'Test Issuing CA' is not the key of its certificate");
    await expectStudioError(() => issueIdentity(hierarchy.issuer, { profile: 'admin' as never, subject: 'CN=x' }), 'INVALID_ARGUMENT');
    await expectStudioError(() => issueIdentity({ certificate: new Uint8Array([0x30, 0x03, 0x02, 0x01]), privateKey: other.key.pkcs8 }, { profile: 'client', subject: 'CN=x' }), 'CORRUPT_INPUT');
  });
});
