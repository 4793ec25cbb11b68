/**
 * PFX integrity: the classic MacData (HMAC keyed by the PKCS#12 KDF, id 3, over the BMPString password) and
 * PBMAC1 (RFC 9579: HMAC keyed by PBKDF2 over the UTF-8 password), verified against every password candidate.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { PKCS12_KDF_MAC, isPkcs12KdfDigest, pkcs12Kdf } from '../crypto/pkcs12-kdf';
import { DerError, TAG, readAlgorithm, type Asn1 } from '../asn1';
import { DER_NULL, derAlgorithm, derOctetString, derSequence, derUint } from '../der-write';
import { checkIterations, unsupportedAlgorithm } from '../pbe/errors';
import { DIGEST_BY_OID, HMAC_DIGEST_BY_OID, OID } from '../pbe/oids';
import type { PasswordCandidate } from '../pbe/password';
import { readKdf } from '../pbe/pbes2';

const DIGEST_LENGTH: Record<string, number> = {
  md5: 16,
  sha1: 20,
  sha224: 28,
  sha256: 32,
  sha384: 48,
  sha512: 64,
  'sha512-224': 28,
  'sha512-256': 32,
};

export type MacDigest = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** A parsed MacData that can test password candidates. */
export interface MacCheck {
  verify(candidate: PasswordCandidate): boolean;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }. */
export function readMacData(node: Asn1, authSafe: Uint8Array, source: string): MacCheck {
  node.expect(TAG.SEQUENCE);
  const kids = node.children();
  if (kids.length < 2 || kids.length > 3) throw new DerError('malformed MacData');
  const digestInfo = node.child(0, TAG.SEQUENCE);
  if (digestInfo.children().length !== 2) throw new DerError('malformed MAC DigestInfo');
  const algorithm = readAlgorithm(digestInfo.child(0));
  const expected = digestInfo.child(1).octetString();
  const salt = node.child(1).octetString();
  const iterations = kids[2] === undefined ? 1 : checkIterations(source, kids[2].uint());

  if (algorithm.oid === OID.pbmac1) {
    const params = algorithm.params;
    if (params === undefined || params.expect(TAG.SEQUENCE).children().length !== 2)
      throw new DerError('malformed PBMAC1 parameters');
    const kdf = readKdf(params.child(0), source);
    const macOid = readAlgorithm(params.child(1)).oid;
    const hmacDigest = HMAC_DIGEST_BY_OID[macOid];
    if (hmacDigest === undefined) throw unsupportedAlgorithm(source, macOid, 'MAC algorithm');
    if (kdf.keyLength === undefined || kdf.keyLength < 1 || kdf.keyLength > 1024)
      throw new DerError('PBMAC1 needs a PBKDF2 key length');
    const keyLength = kdf.keyLength;
    return {
      verify: (pw) =>
        equal(createHmac(hmacDigest, kdf.derive(pw.utf8, keyLength)).update(authSafe).digest(), expected),
    };
  }
  const digest = DIGEST_BY_OID[algorithm.oid];
  if (digest === undefined || !isPkcs12KdfDigest(digest))
    throw unsupportedAlgorithm(source, algorithm.oid, 'MAC algorithm');
  if (expected.length !== DIGEST_LENGTH[digest]) throw new DerError('MAC of the wrong length');
  if (salt.length > 1024) throw new DerError('MAC salt too long');
  return {
    verify: (pw) => {
      const key = pkcs12Kdf(digest, pw.bmp, salt, PKCS12_KDF_MAC, iterations, DIGEST_LENGTH[digest]!);
      return equal(createHmac(digest, key).update(authSafe).digest(), expected);
    },
  };
}

const DIGEST_OID: Record<MacDigest, string> = {
  sha1: OID.sha1,
  sha224: OID.sha224,
  sha256: OID.sha256,
  sha384: OID.sha384,
  sha512: OID.sha512,
};

/** Builds MacData over `authSafe` with the PKCS#12 KDF (as OpenSSL does, also for SHA-2). */
export function computeMacData(
  authSafe: Uint8Array,
  password: PasswordCandidate,
  digest: MacDigest,
  iterations: number,
  saltLength: number,
): Uint8Array {
  const salt = randomBytes(saltLength);
  const key = pkcs12Kdf(digest, password.bmp, salt, PKCS12_KDF_MAC, iterations, DIGEST_LENGTH[digest]!);
  const mac = createHmac(digest, key).update(authSafe).digest();
  return derSequence(
    derSequence(derAlgorithm(DIGEST_OID[digest], DER_NULL), derOctetString(mac)),
    derOctetString(salt),
    derUint(iterations),
  );
}
