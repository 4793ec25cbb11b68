import { describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import type { ChainVerification } from '../../../electron/common/dto/chain';
import { MAX_PATH_CERTIFICATES, verifyChain } from '../../../electron/core/chain';
import { crlOf, intermediate, issue, leaf, NOW, root, tampered, type TestCert } from './chain-fixtures';

const DAY = 86_400_000;
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';

const errorCodes = (result: ChainVerification) => result.findings.filter((f) => f.severity === 'error').map((f) => f.code);
const item = (cert: TestCert) => ({ der: cert.der, source: `${cert.name}.pem` });

async function hierarchy() {
  const rootCa = await root('Chain Root');
  const issuing = await intermediate('Chain Issuing', rootCa);
  const client = await leaf('client.example', issuing);
  return { rootCa, issuing, client };
}

describe('verifyChain: a good chain', () => {
  it('is valid, with the path leaf → intermediate → anchor as sha256', async () => {
    const { rootCa, issuing, client } = await hierarchy();
    const result = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, purpose: 'client' });
    expect(result).toEqual({ valid: true, path: [client.sha256, issuing.sha256, rootCa.sha256], findings: [] });
  });

  it('accepts DER items (what pki readers return) the same as X509Certificate objects, and ignores extra untrusted certificates', async () => {
    const { rootCa, issuing, client } = await hierarchy();
    const stray = await root('Unrelated Root');
    const result = await verifyChain({ leaf: item(client), untrusted: [item(stray), item(issuing), item(rootCa)], anchors: [item(rootCa)], at: NOW });
    expect(result.valid).toBe(true);
    expect(result.path).toEqual([client.sha256, issuing.sha256, rootCa.sha256]);
  });

  it('treats a trusted leaf (pinned certificate) as its own anchor', async () => {
    const self = await root('Pinned Self-Signed');
    const result = await verifyChain({ leaf: self.cert, untrusted: [], anchors: [self.cert], at: NOW });
    expect(result).toMatchObject({ valid: true, path: [self.sha256] });
  });
});

describe('verifyChain: one code per failure', () => {
  it('PATH_NOT_FOUND when the intermediate is missing, naming the missing issuer', async () => {
    const { rootCa, client } = await hierarchy();
    const result = await verifyChain({ leaf: client.cert, untrusted: [], anchors: [rootCa.cert], at: NOW });
    expect(result.valid).toBe(false);
    expect(errorCodes(result)).toEqual(['PATH_NOT_FOUND']);
    expect(result.findings[0]).toMatchObject({ certificateSha256: client.sha256 });
    expect(result.findings[0]!.message).toContain('CN=Chain Issuing');
    expect(result.findings[0]!.hint).toContain('--untrusted');
  });

  it('BAD_SIGNATURE when the leaf was altered', async () => {
    const { rootCa, issuing, client } = await hierarchy();
    const result = await verifyChain({ leaf: tampered(client), untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW });
    expect(errorCodes(result)).toEqual(['BAD_SIGNATURE']);
    expect(result.findings[0]!.message).toContain("'client.example'");
    expect(result.findings[0]!.message).toContain("'Chain Issuing'");
  });

  it('CERT_EXPIRED and CERT_NOT_YET_VALID at the given time', async () => {
    const { rootCa, issuing, client } = await hierarchy();
    const later = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: new Date(NOW.getTime() + 400 * DAY) });
    expect(new Set(errorCodes(later))).toEqual(new Set(['CERT_EXPIRED']));
    expect(later.findings.map((f) => f.certificateSha256)).toContain(client.sha256);
    const earlier = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: new Date(NOW.getTime() - 60 * DAY) });
    expect(new Set(errorCodes(earlier))).toEqual(new Set(['CERT_NOT_YET_VALID']));
  });

  it('CERT_EXPIRED names an expired intermediate', async () => {
    const rootCa = await root('Chain Root');
    const issuing = await intermediate('Old Issuing', rootCa, { notAfter: new Date(NOW.getTime() - DAY) });
    const client = await leaf('client.example', issuing);
    const result = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW });
    expect(result.findings).toEqual([expect.objectContaining({ code: 'CERT_EXPIRED', certificateSha256: issuing.sha256 })]);
    expect(result.findings[0]!.message).toContain("'Old Issuing' expired on");
  });

  it('ISSUER_NOT_CA for an issuer with cA=FALSE and for one without basicConstraints', async () => {
    const rootCa = await root('Chain Root');
    for (const options of [{ ca: false }, { noBasicConstraints: true }]) {
      const issuing = await issue({ cn: 'Not A CA', issuer: rootCa, keyUsage: x509.KeyUsageFlags.keyCertSign, ...options });
      const client = await leaf('client.example', issuing);
      const result = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW });
      expect(errorCodes(result)).toEqual(['ISSUER_NOT_CA']);
      expect(result.findings[0]!.certificateSha256).toBe(issuing.sha256);
    }
  });

  it('PATH_LENGTH_EXCEEDED below a pathLenConstraint of 0, and self-issued CAs do not count', async () => {
    const rootCa = await root('Chain Root');
    const limited = await intermediate('Limited CA', rootCa, { pathLen: 0 });
    const sub = await intermediate('Sub CA', limited);
    const client = await leaf('client.example', sub);
    const result = await verifyChain({ leaf: client.cert, untrusted: [limited.cert, sub.cert], anchors: [rootCa.cert], at: NOW });
    expect(errorCodes(result)).toEqual(['PATH_LENGTH_EXCEEDED']);
    expect(result.findings[0]).toMatchObject({ certificateSha256: sub.sha256 });
    expect(result.findings[0]!.message).toContain("'Limited CA'");

    // a self-issued certificate of Limited CA (its new key, signed by the old one) is not a new CA level
    const rollover = await issue({ cn: 'Limited CA', issuer: limited, ca: true });
    const direct = await leaf('direct.example', rollover);
    const ok = await verifyChain({ leaf: direct.cert, untrusted: [limited.cert, rollover.cert], anchors: [rootCa.cert], at: NOW });
    expect(ok).toMatchObject({ valid: true, path: [direct.sha256, rollover.sha256, limited.sha256, rootCa.sha256] });
  });

  it("PATH_LENGTH_EXCEEDED by the trust anchor's own pathLenConstraint (as OpenSSL enforces it)", async () => {
    const rootCa = await root('Strict Root', { pathLen: 0 });
    const issuing = await intermediate('Chain Issuing', rootCa);
    const client = await leaf('client.example', issuing);
    const result = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW });
    expect(errorCodes(result)).toEqual(['PATH_LENGTH_EXCEEDED']);
  });

  it('ISSUER_KEY_USAGE when an issuer lacks keyCertSign', async () => {
    const rootCa = await root('Chain Root');
    const issuing = await intermediate('Chain Issuing', rootCa, { keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.cRLSign });
    const client = await leaf('client.example', issuing);
    const result = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW });
    expect(errorCodes(result)).toEqual(['ISSUER_KEY_USAGE']);
    expect(result.findings[0]!.message).toContain('keyCertSign');
  });

  it('WRONG_PURPOSE: a serverAuth-only leaf used as a client; an intermediate restricted to serverAuth; any purpose accepts both', async () => {
    const { rootCa, issuing } = await hierarchy();
    const server = await leaf('server.example', issuing, { eku: [SERVER_AUTH] });
    const asClient = await verifyChain({ leaf: server.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, purpose: 'client' });
    expect(errorCodes(asClient)).toEqual(['WRONG_PURPOSE']);
    expect(asClient.findings[0]!.message).toContain('clientAuth');
    expect((await verifyChain({ leaf: server.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, purpose: 'server' })).valid).toBe(true);
    expect((await verifyChain({ leaf: server.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW })).valid).toBe(true);

    const serverOnlyCa = await intermediate('Server Only CA', rootCa, { eku: [SERVER_AUTH] });
    const client = await leaf('client.example', serverOnlyCa, { eku: [CLIENT_AUTH] });
    const viaCa = await verifyChain({ leaf: client.cert, untrusted: [serverOnlyCa.cert], anchors: [rootCa.cert], at: NOW, purpose: 'client' });
    expect(viaCa.findings).toEqual([expect.objectContaining({ code: 'WRONG_PURPOSE', certificateSha256: serverOnlyCa.sha256 })]);
  });

  it('WRONG_PURPOSE for a client leaf whose keyUsage lacks digitalSignature', async () => {
    const { rootCa, issuing } = await hierarchy();
    const client = await leaf('enc-only.example', issuing, { keyUsage: x509.KeyUsageFlags.keyEncipherment });
    const result = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, purpose: 'client' });
    expect(errorCodes(result)).toEqual(['WRONG_PURPOSE']);
  });

  it('UNTRUSTED_ROOT when the path ends at a self-signed root that is not trusted', async () => {
    const { rootCa, issuing, client } = await hierarchy();
    const other = await root('Other Root');
    const result = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert, rootCa.cert], anchors: [other.cert], at: NOW });
    expect(errorCodes(result)).toEqual(['UNTRUSTED_ROOT']);
    expect(result.path).toEqual([client.sha256, issuing.sha256, rootCa.sha256]);
    expect(result.findings[0]!.message).toContain("'Chain Root'");
  });

  it('LOOP_DETECTED when two CAs certify each other and nothing trusted is reached', async () => {
    const aKeys = await root('Loop A');
    const bKeys = await root('Loop B');
    const aByB = await intermediate('Loop A', bKeys, { keys: aKeys.keys });
    const bByA = await intermediate('Loop B', aKeys, { keys: bKeys.keys });
    const client = await leaf('client.example', aByB);
    const unrelated = await root('Unrelated Root');
    const result = await verifyChain({ leaf: client.cert, untrusted: [aByB.cert, bByA.cert], anchors: [unrelated.cert], at: NOW });
    expect(result.valid).toBe(false);
    expect(errorCodes(result)).toEqual(['LOOP_DETECTED']);
    // adding B's root as trusted breaks the loop
    const trusted = await verifyChain({ leaf: client.cert, untrusted: [aByB.cert, bByA.cert], anchors: [bKeys.cert], at: NOW });
    expect(trusted).toMatchObject({ valid: true, path: [client.sha256, aByB.sha256, bKeys.sha256] });
  });

  it(`MAX_DEPTH_EXCEEDED beyond ${MAX_PATH_CERTIFICATES} certificates`, async () => {
    const rootCa = await root('Deep Root');
    const chain: TestCert[] = [];
    let issuer = rootCa;
    for (let i = 0; i < MAX_PATH_CERTIFICATES; i++) {
      issuer = await intermediate(`Deep CA ${i}`, issuer);
      chain.push(issuer);
    }
    const client = await leaf('deep.example', issuer);
    const result = await verifyChain({ leaf: client.cert, untrusted: chain.map((c) => c.cert), anchors: [rootCa.cert], at: NOW });
    expect(errorCodes(result)).toEqual(['MAX_DEPTH_EXCEEDED']);
    expect(result.path).toHaveLength(MAX_PATH_CERTIFICATES);
  });

  it("NAME_CHAINING when the issuer's key signed the leaf but the issuer name differs (attribute order matters)", async () => {
    const { rootCa, issuing } = await hierarchy();
    const reordered = await leaf('client.example', issuing, { issuerName: 'O=Chain Tests, CN=Chain Issuing' });
    const result = await verifyChain({ leaf: reordered.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW });
    expect(errorCodes(result)).toEqual(['NAME_CHAINING']);
    // case and extra spaces are not differences (RFC 5280 §7.1)
    const casing = await leaf('client.example', issuing, { issuerName: 'CN=chain   ISSUING, O=CHAIN TESTS' });
    expect((await verifyChain({ leaf: casing.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW })).valid).toBe(true);
  });

  it('UNSUPPORTED_CRITICAL_EXTENSION for an unknown critical extension', async () => {
    const { rootCa, issuing } = await hierarchy();
    const odd = await leaf('odd.example', issuing, { extraExtensions: [new x509.Extension('1.3.6.1.4.1.99999.1', true, new Uint8Array([0x05, 0x00]))] });
    const result = await verifyChain({ leaf: odd.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW });
    expect(errorCodes(result)).toEqual(['UNSUPPORTED_CRITICAL_EXTENSION']);
    expect(result.findings[0]!.message).toContain('1.3.6.1.4.1.99999.1');
  });
});

describe('verifyChain: CRLs', () => {
  it('REVOKED with the reason, when the issuer listed the leaf', async () => {
    const { rootCa, issuing, client } = await hierarchy();
    const crls = [await crlOf(issuing, [{ cert: client, reason: x509.X509CrlReason.keyCompromise }]), await crlOf(rootCa, [])];
    const result = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, crls: crls.map((c) => c.crl) });
    expect(errorCodes(result)).toEqual(['REVOKED']);
    expect(result.findings[0]!.message).toContain('keyCompromise');
    expect(result.findings[0]!.certificateSha256).toBe(client.sha256);
  });

  it('REVOKED for a revoked intermediate (CRL of the root)', async () => {
    const { rootCa, issuing, client } = await hierarchy();
    const crls = [await crlOf(issuing, []), await crlOf(rootCa, [{ cert: issuing, reason: x509.X509CrlReason.cACompromise }])];
    const result = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, crls: crls.map((c) => ({ der: c.der })) });
    expect(result.findings).toEqual([expect.objectContaining({ code: 'REVOKED', certificateSha256: issuing.sha256 })]);
  });

  it('valid with complete, clean CRLs (an empty list = no checking); REVOCATION_NOT_CHECKED warning when an issuer has none', async () => {
    const { rootCa, issuing, client } = await hierarchy();
    const clean = [await crlOf(issuing, []), await crlOf(rootCa, [])];
    expect(await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, crls: clean.map((c) => c.crl) })).toMatchObject({ valid: true, findings: [] });
    expect(await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, crls: [] })).toMatchObject({ valid: true, findings: [] });
    const partial = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, crls: [clean[0]!.crl] });
    expect(partial.valid).toBe(true);
    expect(partial.findings).toEqual([expect.objectContaining({ code: 'REVOCATION_NOT_CHECKED', severity: 'warning', certificateSha256: issuing.sha256 })]);
  });

  it('a malformed CRL or certificate is a CORRUPT_INPUT error naming it, not a verdict', async () => {
    const { rootCa, issuing, client } = await hierarchy();
    await expect(verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, crls: [{ der: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), source: 'broken.crl' }] })).rejects.toMatchObject({ code: 'CORRUPT_INPUT', message: expect.stringContaining("'broken.crl'") });
    await expect(verifyChain({ leaf: { der: client.der.subarray(0, 40), source: 'cut.pem' }, untrusted: [], anchors: [rootCa.cert], at: NOW })).rejects.toMatchObject({ code: 'CORRUPT_INPUT' });
  });

  it('CRL_INVALID for a CRL signed by another key, CRL_EXPIRED after nextUpdate', async () => {
    const { rootCa, issuing, client } = await hierarchy();
    const impostor = await root('Impostor');
    const forged = await crlOf(issuing, [], { signer: impostor.keys });
    const rootCrl = await crlOf(rootCa, []);
    const bad = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, crls: [forged.crl, rootCrl.crl] });
    expect(errorCodes(bad)).toEqual(['CRL_INVALID']);
    expect(bad.findings[0]!.message).toContain('signature');
    const stale = await crlOf(issuing, [], { thisUpdate: new Date(NOW.getTime() - 20 * DAY), nextUpdate: new Date(NOW.getTime() - 10 * DAY) });
    const expired = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert], anchors: [rootCa.cert], at: NOW, crls: [stale.crl, rootCrl.crl] });
    expect(errorCodes(expired)).toEqual(['CRL_EXPIRED']);
  });
});

describe('verifyChain: path building over every candidate', () => {
  it('tries the second same-name issuer when the first candidate fails (and says so)', async () => {
    const rootCa = await root('Chain Root');
    const good = await intermediate('Twin CA', rootCa);
    // the same name and key, re-issued later without keyCertSign: newest, so tried first, and it fails
    const broken = await intermediate('Twin CA', rootCa, { keys: good.keys, keyUsage: x509.KeyUsageFlags.digitalSignature, notAfter: new Date(NOW.getTime() + 900 * DAY) });
    const client = await leaf('client.example', good);
    const result = await verifyChain({ leaf: client.cert, untrusted: [broken.cert, good.cert], anchors: [rootCa.cert], at: NOW });
    expect(result.valid).toBe(true);
    expect(result.path).toEqual([client.sha256, good.sha256, rootCa.sha256]);
    expect(result.findings).toEqual([expect.objectContaining({ code: 'ALTERNATIVE_PATH_USED', severity: 'info' })]);
    expect(result.findings[0]!.message).toContain('ISSUER_KEY_USAGE');
  });

  it('tells same-name CAs with different keys apart (signature, AKI/SKI), whatever their order', async () => {
    const rootCa = await root('Chain Root');
    const first = await intermediate('Same Name CA', rootCa);
    const second = await intermediate('Same Name CA', rootCa);
    const client = await leaf('client.example', second, { noKeyIds: true });
    for (const untrusted of [[first.cert, second.cert], [second.cert, first.cert]]) {
      const result = await verifyChain({ leaf: client.cert, untrusted, anchors: [rootCa.cert], at: NOW });
      expect(result).toMatchObject({ valid: true, path: [client.sha256, second.sha256, rootCa.sha256], findings: [] });
    }
  });

  it('follows a cross-signed intermediate to whichever root is trusted', async () => {
    const oldRoot = await root('Old Root');
    const newRoot = await root('New Root');
    const viaNew = await intermediate('Cross CA', newRoot);
    const viaOld = await intermediate('Cross CA', oldRoot, { keys: viaNew.keys });
    const client = await leaf('client.example', viaNew);
    const untrusted = [viaNew.cert, viaOld.cert, newRoot.cert];
    const old = await verifyChain({ leaf: client.cert, untrusted, anchors: [oldRoot.cert], at: NOW });
    expect(old).toMatchObject({ valid: true, path: [client.sha256, viaOld.sha256, oldRoot.sha256] });
    const fresh = await verifyChain({ leaf: client.cert, untrusted, anchors: [newRoot.cert], at: NOW });
    expect(fresh).toMatchObject({ valid: true, path: [client.sha256, viaNew.sha256, newRoot.sha256] });
  });

  it('reaches an old root through a cross-signed copy of the new root', async () => {
    const oldRoot = await root('Old Root');
    const newRoot = await root('New Root');
    const newByOld = await intermediate('New Root', oldRoot, { keys: newRoot.keys });
    const issuing = await intermediate('Chain Issuing', newRoot);
    const client = await leaf('client.example', issuing);
    const result = await verifyChain({ leaf: client.cert, untrusted: [issuing.cert, newRoot.cert, newByOld.cert], anchors: [oldRoot.cert], at: NOW });
    expect(result).toMatchObject({ valid: true, path: [client.sha256, issuing.sha256, newByOld.sha256, oldRoot.sha256] });
  });

  it('stops at a trusted CA presented as a cross-signed copy (same name and key as the anchor)', async () => {
    const otherRoot = await root('Other Root');
    const trustedRoot = await root('Trusted Root');
    const copy = await intermediate('Trusted Root', otherRoot, { keys: trustedRoot.keys });
    const client = await leaf('client.example', trustedRoot);
    const result = await verifyChain({ leaf: client.cert, untrusted: [copy.cert, otherRoot.cert], anchors: [trustedRoot.cert], at: NOW });
    expect(result).toMatchObject({ valid: true, path: [client.sha256, trustedRoot.sha256] });
  });

  it('reports the closest failing path: an expired intermediate rather than an untrusted one', async () => {
    const rootCa = await root('Chain Root');
    const stranger = await root('Stranger Root');
    const expired = await intermediate('Shared CA', rootCa, { notAfter: new Date(NOW.getTime() - DAY) });
    const viaStranger = await intermediate('Shared CA', stranger, { keys: expired.keys });
    const client = await leaf('client.example', expired);
    const result = await verifyChain({ leaf: client.cert, untrusted: [expired.cert, viaStranger.cert, stranger.cert], anchors: [rootCa.cert], at: NOW });
    expect(result.valid).toBe(false);
    expect(errorCodes(result)).toEqual(['CERT_EXPIRED']);
    expect(result.path).toEqual([client.sha256, expired.sha256, rootCa.sha256]);
  });
});
