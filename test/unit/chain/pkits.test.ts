import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../electron/core/chain';
import { PKITS_CASES } from './pkits-cases';

/** Debian package python3-cryptography-vectors ships the NIST PKITS data. */
const PKITS = '/usr/lib/python3/dist-packages/cryptography_vectors/x509/PKITS_data';
const present = existsSync(join(PKITS, 'certs', 'TrustAnchorRootCertificate.crt'));
/** Inside every PKITS certificate's validity (2010-01-01 … 2030-12-31) except the ones meant to be outside. */
const AT = new Date('2020-06-01T00:00:00Z');
/** sha256 of TrustAnchorRootCertificate.crt */
const TRUST_ANCHOR_SHA256 = '87d1dfcc73f979bb348bb4f159d9115c40ab0a9afc4b21d77e6ddf20c7782b89';

const cert = (name: string) => ({ der: new Uint8Array(readFileSync(join(PKITS, 'certs', `${name}.crt`))), source: `${name}.crt` });
const crl = (name: string) => ({ der: new Uint8Array(readFileSync(join(PKITS, 'crls', `${name}.crl`))), source: `${name}.crl` });

if (!present) {
  describe('NIST PKITS', () => {
    it.skip(`needs the PKITS data: apt-get install python3-cryptography-vectors (looked in ${PKITS})`, () => {});
  });
} else {
  describe('NIST PKITS sections 4.1–4.7 and 4.16', () => {
    it.each(PKITS_CASES)('$id $name → $expect', async (test) => {
      const result = await verifyChain({
        leaf: cert(test.ee),
        untrusted: test.intermediates.map(cert),
        anchors: [cert('TrustAnchorRootCertificate')],
        crls: test.crls.map(crl),
        at: AT,
      });
      const errors = result.findings.filter((finding) => finding.severity === 'error');
      const revocationUnchecked = result.findings.filter((finding) => finding.code === 'REVOCATION_NOT_CHECKED');
      if (test.deviation) {
        // PKITS rejects the path for want of a usable CRL; we accept it and say revocation was not checked
        expect(result.valid).toBe(true);
        expect(revocationUnchecked).toEqual([expect.objectContaining({ severity: 'warning', certificateSha256: result.path[0] })]);
        return;
      }
      if (test.expect === 'valid') {
        expect(errors).toEqual([]);
        expect(result.valid).toBe(true);
        expect(result.path[result.path.length - 1]).toBe(TRUST_ANCHOR_SHA256);
      } else {
        expect(result.valid).toBe(false);
        expect(errors.map((finding) => finding.code)).toContain(test.expect);
        expect(errors[0]?.code).toBe(test.expect);
      }
      // every certificate of the path had its issuer's CRL: revocation was checked all the way
      expect(revocationUnchecked).toEqual([]);
    });
  });
}
