import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCrl, crlEntries, issueIdentity, parseRevocationReason, recordFor, revokeRecord, REVOCATION_REASONS } from '../../../electron/core/ca';
import { openssl } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { expectStudioError, makeHierarchy, writeText } from './ca-fixtures';

describe('certificate revocation lists', async () => {
  const dir = useTempDir('mtls-ca-crl-');
  const hierarchy = await makeHierarchy(dir);
  const issue = (cn: string) => issueIdentity(hierarchy.issuer, { profile: 'client', subject: `CN=${cn}` });

  it('a v2 CRL with CRL number, AKI, next update and one reason code per entry, as PEM and DER', async () => {
    const [a, b, c] = await Promise.all([issue('a'), issue('b'), issue('c')]);
    const now = new Date();
    const crl = await createCrl(hierarchy.issuer, {
      revoked: [
        { serial: a.serial, revokedAt: new Date(now.getTime() - 3_600_000), reason: 'keyCompromise' },
        { serial: b.serial, revokedAt: now, reason: 'superseded' },
        { serial: c.serial, revokedAt: now },
      ],
      crlNumber: 42n,
      nextUpdateDays: 30,
      now,
    });
    const pem = writeText(dir, 'list.crl', crl.pem);
    const text = openssl(['crl', '-in', pem, '-noout', '-text']);
    expect(text).toContain('Version 2 (0x1)');
    expect(text).toMatch(/CRL Number:\s+42/);
    expect(text).toMatch(/Authority Key Identifier:/);
    expect(text).toContain('Issuer: O = mTLS Studio Tests, CN = Test Issuing CA');
    expect(text).toContain(`Serial Number: ${a.serial.toUpperCase()}`);
    expect(text).toMatch(/Key Compromise/);
    expect(text).toMatch(/Superseded/);
    expect(text.match(/CRL Reason Code/g)).toHaveLength(2); // 'unspecified' is not written (RFC 5280)
    expect(crl.nextUpdate.getTime() - crl.thisUpdate.getTime()).toBe(30 * 86_400_000);
    expect(crl).toMatchObject({ crlNumber: '42', revokedCount: 3 });
    // DER is the same list; OpenSSL checks its signature with the CA certificate
    const der = writeText(dir, 'list.der', crl.der);
    expect(openssl(['crl', '-in', der, '-inform', 'DER', '-noout', '-CAfile', hierarchy.chainPem], { withStderr: true })).toContain('verify OK');
    expect(openssl(['crl', '-in', der, '-inform', 'DER', '-outform', 'PEM'])).toBe(crl.pem);
  });

  it('openssl verify -crl_check: the revoked certificate is refused, the others pass', async () => {
    const [kept, gone] = await Promise.all([issue('kept'), issue('gone')]);
    const records = [recordFor(kept), revokeRecord(recordFor(gone), new Date(), 'cessationOfOperation')];
    const crl = await createCrl(hierarchy.issuer, { revoked: crlEntries(records), crlNumber: 2 });
    const crlPath = writeText(dir, 'verify.crl', crl.pem);
    const args = (pem: string) => ['verify', '-CAfile', hierarchy.rootPem, '-untrusted', hierarchy.issuingPem, '-crl_check', '-CRLfile', crlPath, pem];
    expect(openssl(args(writeText(dir, 'kept.pem', kept.pem)))).toContain(': OK');
    expect(() => openssl(args(writeText(dir, 'gone.pem', gone.pem)))).toThrow(/certificate revoked/);
  });

  it('an empty CRL is valid too (a CA publishes one before it revokes anything)', async () => {
    const crl = await createCrl(hierarchy.issuer, { revoked: [], crlNumber: 0 });
    const text = openssl(['crl', '-in', writeText(dir, 'empty.crl', crl.pem), '-noout', '-text']);
    expect(text).toContain('No Revoked Certificates.');
    expect(text).toMatch(/CRL Number:\s+0/);
  });

  it('parses reason names in the spellings users type', async () => {
    expect(parseRevocationReason('key-compromise')).toBe('keyCompromise');
    expect(parseRevocationReason('CESSATION_OF_OPERATION')).toBe('cessationOfOperation');
    for (const reason of REVOCATION_REASONS) expect(parseRevocationReason(reason)).toBe(reason);
    expect((await expectStudioError(() => parseRevocationReason('stolen'), 'INVALID_ARGUMENT')).message).toContain("'stolen' is not one of unspecified, keyCompromise");
  });

  it('refuses duplicate or malformed serials, bad CRL numbers, and a CA whose keyUsage lacks cRLSign', async () => {
    const now = new Date();
    await expectStudioError(() => createCrl(hierarchy.issuer, { revoked: [{ serial: '0A', revokedAt: now }, { serial: '0a', revokedAt: now }], crlNumber: 1 }), 'INVALID_ARGUMENT');
    await expectStudioError(() => createCrl(hierarchy.issuer, { revoked: [{ serial: 'xyz', revokedAt: now }], crlNumber: 1 }), 'INVALID_ARGUMENT');
    await expectStudioError(() => createCrl(hierarchy.issuer, { revoked: [], crlNumber: -1 }), 'INVALID_ARGUMENT');
    await expectStudioError(() => createCrl(hierarchy.issuer, { revoked: [], crlNumber: 2n ** 160n }), 'INVALID_ARGUMENT');
    // a CA made by OpenSSL with keyUsage keyCertSign only may issue but not sign CRLs
    const cnf = writeText(dir, 'ku.cnf', '[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign\nsubjectKeyIdentifier=hash\n');
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'ku.key'), '-subj', '/CN=No CRL CA', '-days', '30', '-config', cnf, '-extensions', 'ca', '-outform', 'DER', '-out', join(dir, 'ku.der')]);
    openssl(['pkey', '-in', join(dir, 'ku.key'), '-outform', 'DER', '-out', join(dir, 'ku.pk8')]);
    const ca = { certificate: new Uint8Array(readFileSync(join(dir, 'ku.der'))), privateKey: new Uint8Array(readFileSync(join(dir, 'ku.pk8'))) };
    const error = await expectStudioError(() => createCrl(ca, { revoked: [], crlNumber: 1 }), 'NOT_A_CA');
    expect(error.message).toBe("'No CRL CA' cannot issue certificates: its keyUsage (keyCertSign) does not include cRLSign");
  });
});
