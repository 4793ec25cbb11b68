/**
 * Encrypted PKCS#8 (`-----BEGIN ENCRYPTED PRIVATE KEY-----`, RFC 5958 EncryptedPrivateKeyInfo): decrypt any
 * PBES2 (PBKDF2/scrypt + AES/3DES/DES/RC2) or PBES1 (PKCS#12 3DES/2DES/RC2/RC4, PKCS#5 v1.5 DES/RC2) key;
 * encrypt with PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC (default) or pbeWithSHAAnd3-KeyTripleDES-CBC (old consumers).
 */
import { randomBytes } from 'node:crypto';
import { isStudioError } from '../../../common/errors';
import { DerError, TAG, parseDer, readAlgorithm } from '../asn1';
import { derAlgorithm, derOctetString, derSequence } from '../der-write';
import { corruptInput, passwordRequired, wrongPassword } from './errors';
import { OID } from './oids';
import { isEmptyPassword, passwordCandidates } from './password';
import { pbes1Encrypt } from './pbes1';
import { pbes2Encrypt } from './pbes2';
import { isWholeSequence, pbeDecrypt } from './scheme';

export type Pkcs8EncryptionScheme = 'aes-256-cbc' | '3des';

/**
 * Default iteration count for keys we encrypt (PKCS#8 here, PKCS#12 'modern' uses the same): 5× OpenSSL 3's
 * 2048 and equal to Java 17's PKCS#12 defaults, so every current reader accepts it. One derivation costs a few
 * milliseconds, so inspecting a file stays interactive; the real protection is the password's strength, and
 * callers that want more can pass more.
 */
export const DEFAULT_PBE_ITERATIONS = 10_000;

/** Largest EncryptedPrivateKeyInfo we accept (an RSA-16384 key is ~10 KB; anything near this is not a key). */
const MAX_ENCRYPTED_KEY_BYTES = 1024 * 1024;

/** EncryptedPrivateKeyInfo DER → unencrypted PKCS#8 PrivateKeyInfo DER. */
export function decryptPrivateKeyInfo(
  encrypted: Uint8Array,
  password: string | undefined,
  source: string,
): Uint8Array {
  try {
    if (encrypted.length > MAX_ENCRYPTED_KEY_BYTES)
      throw corruptInput(source, 'the encrypted key is implausibly large');
    const root = parseDer(encrypted).expect(TAG.SEQUENCE);
    if (root.children().length !== 2) throw new DerError('EncryptedPrivateKeyInfo must have two fields');
    const algorithm = readAlgorithm(root.child(0));
    const data = root.child(1).octetString();
    for (const candidate of passwordCandidates(password)) {
      const plain = pbeDecrypt(algorithm, data, candidate, source);
      if (plain !== null && isWholeSequence(plain)) return new Uint8Array(plain);
    }
    throw isEmptyPassword(password) ? passwordRequired(source) : wrongPassword(source);
  } catch (error) {
    if (isStudioError(error)) throw error;
    throw corruptInput(source, 'the encrypted private key is malformed', error);
  }
}

/** PKCS#8 PrivateKeyInfo DER → EncryptedPrivateKeyInfo DER (PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC by default). */
export function encryptPrivateKeyInfo(
  pkcs8: Uint8Array,
  password: string,
  scheme: Pkcs8EncryptionScheme = 'aes-256-cbc',
): Uint8Array {
  const candidate = passwordCandidates(password)[password === '' ? 1 : 0]!;
  if (scheme === '3des') {
    const { params, ciphertext } = pbes1Encrypt(
      OID.pbeWithSHAAnd3KeyTripleDES,
      pkcs8,
      candidate,
      randomBytes(16),
      DEFAULT_PBE_ITERATIONS,
    );
    return derSequence(derAlgorithm(OID.pbeWithSHAAnd3KeyTripleDES, params), derOctetString(ciphertext));
  }
  const { algorithm, ciphertext } = pbes2Encrypt(pkcs8, candidate, { iterations: DEFAULT_PBE_ITERATIONS });
  return derSequence(algorithm, derOctetString(ciphertext));
}
