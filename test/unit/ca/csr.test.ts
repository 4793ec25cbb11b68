import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificateMatchesKey, createCsr, generateKey, matchPendingKey, readCsr, signCsr, DEFAULT_POLICY } from '../../../electron/core/ca';
import { openssl, readBytes } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { expectStudioError, makeHierarchy, verifyWithChain, writeKey, writeText, x509Text } from './ca-fixtures';

/** A CSR made by `openssl req`, as a partner would send it. */
function opensslCsr(dir: string, name: string, keyArgs: string[], subject: string, addext: string[] = []): string {
  const out = join(dir, `${name}.csr`);
  openssl(['req', '-new', '-newkey', ...keyArgs, '-nodes', '-keyout', join(dir, `${name}.key`), '-utf8', '-subj', subject, ...addext.flatMap((ext) => ['-addext', ext]), '-out', out]);
  return out;
}

describe('certificate requests', async () => {
  const dir = useTempDir('mtls-ca-csr-');
  const hierarchy = await makeHierarchy(dir);

  it('our CSRs pass `openssl req -verify` and carry the SANs and requested usages as an extensionRequest', async () => {
    for (const keyType of ['ec-p256', 'rsa-2048'] as const) {
      const created = await createCsr({ subject: 'CN=Partner B 乙方,O=Partner B', sans: ['DNS:b.example.com', 'email:ops@b.example.com'], keyType, extendedKeyUsage: ['clientAuth'] });
      const path = writeText(dir, `ours-${keyType}.csr`, created.pem);
      const out = openssl(['req', '-in', path, '-verify', '-noout', '-text', '-nameopt', 'RFC2253,-esc_msb'], { withStderr: true });
      expect(out).toMatch(/verify OK/);
      expect(out).toContain('Subject: CN=Partner B 乙方,O=Partner B');
      expect(out).toMatch(/Requested Extensions:[\s\S]*Subject Alternative Name:\s+DNS:b.example.com, email:ops@b.example.com/);
      expect(out).toMatch(/Extended Key Usage:\s+TLS Web Client Authentication/);
      expect(out).toMatch(keyType === 'rsa-2048' ? /Digital Signature, Key Encipherment/ : /Key Usage: critical\s+Digital Signature\n/);
      expect(created.key.type).toBe(keyType);
      expect(created.subjectAltNames).toEqual(['DNS:b.example.com', 'email:ops@b.example.com']);
    }
  });

  it('describes a CSR made by `openssl req`: subject, SANs, key, requested EKU, valid signature', () => {
    const path = opensslCsr(dir, 'partner', ['rsa:3072'], '/C=TW/O=夥伴公司/CN=夥伴', ['subjectAltName=DNS:partner.example.com,IP:10.1.2.3', 'extendedKeyUsage=serverAuth,clientAuth']);
    const details = readCsr(readBytes(path), 'partner.csr');
    expect(details).toMatchObject({
      subject: 'CN=夥伴,O=夥伴公司,C=TW',
      keyType: 'rsa-3072',
      publicKey: { algorithm: 'RSA', bits: 3072, curve: null },
      subjectAltNames: ['DNS:partner.example.com', 'IP:10.1.2.3'],
      requestedExtendedKeyUsage: ['serverAuth', 'clientAuth'],
      requestsCa: false,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      signatureValid: true,
      source: 'partner.csr',
    });
    // DER input reads the same
    const der = join(dir, 'partner.der');
    openssl(['req', '-in', path, '-outform', 'DER', '-out', der]);
    expect(readCsr(readBytes(der), 'partner.der').subject).toBe(details.subject);
  });

  it('signs an OpenSSL CSR: subject copied byte for byte, SANs kept, EKU forced by the profile, with notes', async () => {
    const path = opensslCsr(dir, 'signme', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-384'], '/O=Partner C/CN=Partner C', ['subjectAltName=email:c@partner-c.example', 'extendedKeyUsage=serverAuth', 'basicConstraints=critical,CA:TRUE']);
    const signed = await signCsr(hierarchy.issuer, readCsr(readBytes(path), 'signme.csr'), { profile: 'client' });
    const pem = writeText(dir, 'signed.pem', signed.pem);
    expect(verifyWithChain(hierarchy, pem, ['-purpose', 'sslclient'])).toContain(': OK');
    const text = x509Text(pem);
    expect(text).toMatch(/Extended Key Usage:\s+TLS Web Client Authentication\n/);
    expect(text).toMatch(/CA:FALSE/);
    expect(text).toContain('email:c@partner-c.example');
    expect(openssl(['x509', '-in', pem, '-noout', '-subject', '-nameopt', 'RFC2253'])).toBe(openssl(['req', '-in', path, '-noout', '-subject', '-nameopt', 'RFC2253']));
    expect(signed.notes).toEqual(['the request asked for extended key usage serverAuth; the client profile issues clientAuth', 'the request asked to be a CA; it was issued as an end-entity certificate']);
    // the request file's bytes (PEM) can be given directly
    const fromPem = await signCsr(hierarchy.issuer, readBytes(path), { profile: 'client', days: 30 });
    expect(fromPem.request.source).toBe('the certificate request');
    expect(verifyWithChain(hierarchy, writeText(dir, 'from-pem.pem', fromPem.pem))).toContain(': OK');
    // the certificate pairs with the key the partner kept
    expect(openssl(['x509', '-in', pem, '-noout', '-pubkey'])).toBe(openssl(['pkey', '-in', join(dir, 'signme.key'), '-pubout']));
  });

  it('the policy refuses weak or unlisted keys, too long validity and exotic names; a tampered CSR is refused', async () => {
    const rsa1024 = readCsr(readBytes(opensslCsr(dir, 'weak', ['rsa:1024'], '/CN=weak')), 'weak.csr');
    const weak = await expectStudioError(() => signCsr(hierarchy.issuer, rsa1024, { profile: 'client' }), 'CA_POLICY_REFUSED');
    expect(weak.message).toBe("signing 'weak.csr' refused: its RSA 1024 key is not allowed by this CA (allowed: EC P-256, EC P-384, RSA 2048, RSA 3072, RSA 4096)");
    const p521 = readCsr(readBytes(opensslCsr(dir, 'p521', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-521'], '/CN=p521')), 'p521.csr');
    expect((await expectStudioError(() => signCsr(hierarchy.issuer, p521, { profile: 'client' }), 'CA_POLICY_REFUSED')).message).toContain('its EC P-521 key is not allowed');
    const rsa2048 = readCsr(readBytes(opensslCsr(dir, 'rsa2048', ['rsa:2048'], '/CN=rsa')), 'rsa2048.csr');
    await expectStudioError(() => signCsr(hierarchy.issuer, rsa2048, { profile: 'client', policy: { allowedKeyTypes: ['ec-p256'], maxDays: 90 } }), 'CA_POLICY_REFUSED');
    const tooLong = await expectStudioError(() => signCsr(hierarchy.issuer, rsa2048, { profile: 'client', days: 800 }), 'CA_POLICY_REFUSED');
    expect(tooLong.message).toContain(`800 days is longer than this CA's maximum of ${DEFAULT_POLICY.maxDays}`);
    const short = await signCsr(hierarchy.issuer, rsa2048, { profile: 'client', policy: { allowedKeyTypes: ['rsa-2048'], maxDays: 90 } });
    expect(short.notAfter.getTime() - short.notBefore.getTime()).toBe(90 * 86_400_000);
    const other = readCsr(readBytes(opensslCsr(dir, 'other', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/CN=other', ['subjectAltName=otherName:1.3.6.1.4.1.311.20.2.3;UTF8:user@corp'])), 'other.csr');
    expect((await expectStudioError(() => signCsr(hierarchy.issuer, other, { profile: 'client' }), 'CA_POLICY_REFUSED')).message).toContain('otherName:1.3.6.1.4.1.311.20.2.3');
    const serverNoName = readCsr(readBytes(opensslCsr(dir, 'srv', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/CN=srv.example.com')), 'srv.csr');
    await expectStudioError(() => signCsr(hierarchy.issuer, serverNoName, { profile: 'server' }), 'INVALID_SAN');

    const tampered = new Uint8Array(readCsr(readBytes(opensslCsr(dir, 'tamper', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/CN=aaaa')), 'tamper.csr').csr);
    const at = Buffer.from(tampered).indexOf(Buffer.from('aaaa'));
    tampered[at] = 0x62; // CN=baaa: the signature no longer matches
    const details = readCsr(tampered, 'tamper.csr');
    expect(details.signatureValid).toBe(false);
    expect((await expectStudioError(() => signCsr(hierarchy.issuer, details, { profile: 'client' }), 'CSR_SIGNATURE_INVALID')).message).toBe("the certificate request 'tamper.csr' is not signed by its own key");
  });

  it('a file without a request, or a broken one, is a typed error naming the file', async () => {
    await expectStudioError(() => readCsr(readBytes(hierarchy.rootPem), 'root.pem'), 'UNSUPPORTED_FORMAT');
    await expectStudioError(() => readCsr(new Uint8Array(Buffer.from('-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n')), 'cut.csr'), 'CORRUPT_INPUT');
  });

  it('completes a pending request: the returned certificate finds its key; another certificate is KEY_MISMATCH', async () => {
    const pending = await Promise.all(['one', 'two', 'three'].map(async (name) => ({ name, created: await createCsr({ subject: `CN=${name}` }) })));
    const entries = pending.map(({ name, created }) => ({ name, publicKey: created.key.spki }));
    const signed = await signCsr(hierarchy.issuer, created(pending[1]!), { profile: 'client' });
    expect(matchPendingKey(signed.certificate, entries, 'two.crt').name).toBe('two');
    expect(certificateMatchesKey(signed.certificate, pending[1]!.created.key.privateKey)).toBe(true);
    expect(certificateMatchesKey(signed.certificate, pending[0]!.created.key.publicKey)).toBe(false);
    // a certificate round-tripped through OpenSSL (PEM → DER) still matches
    const der = join(dir, 'two.der');
    openssl(['x509', '-in', writeText(dir, 'two.pem', signed.pem), '-outform', 'DER', '-out', der]);
    expect(matchPendingKey(new Uint8Array(readFileSync(der)), entries).name).toBe('two');

    const stranger = await signCsr(hierarchy.issuer, (await createCsr({ subject: 'CN=stranger' })).csr, { profile: 'client' });
    const error = await expectStudioError(() => matchPendingKey(stranger.certificate, entries, 'stranger.crt'), 'KEY_MISMATCH');
    expect(error.message).toBe("'stranger' (stranger.crt, EC P-256 key) was not issued for any of the 3 pending requests: its public key matches none of their keys");
    expect((await expectStudioError(() => matchPendingKey(stranger.certificate, [], 'stranger.crt'), 'KEY_MISMATCH')).message).toContain('there is no pending request');
  });

  it('renews with an existing key: the CSR carries that key', async () => {
    const key = await generateKey('ec-p256');
    const renewed = await createCsr({ subject: 'CN=renewal', key: key.pkcs8 });
    expect(Buffer.from(readCsr(renewed.csr, 'renewal.csr').spki).equals(Buffer.from(key.spki))).toBe(true);
    const keyPath = writeKey(dir, 'renewal.key', renewed.key);
    expect(openssl(['req', '-in', writeText(dir, 'renewal.csr', renewed.pem), '-noout', '-pubkey'])).toBe(openssl(['pkey', '-in', keyPath, '-pubout']));
  });
});

function created(entry: { created: { csr: Uint8Array } }): Uint8Array {
  return entry.created.csr;
}
