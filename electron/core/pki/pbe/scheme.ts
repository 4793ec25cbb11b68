/** Dispatch from an AlgorithmIdentifier to the PBES1/PBES2 implementation. */
import type { AlgorithmIdentifier } from '../asn1';
import { unsupportedAlgorithm } from './errors';
import { OID } from './oids';
import type { PasswordCandidate } from './password';
import { isPkcs12Pbe, isPkcs5Pbes1, pbes1Decrypt } from './pbes1';
import { pbes2Decrypt } from './pbes2';

/** True when `oid` names a password-based encryption scheme we know (supported or refused with a clear error). */
export const isPasswordBasedScheme = (oid: string): boolean =>
  oid === OID.pbes2 || isPkcs12Pbe(oid) || isPkcs5Pbes1(oid);

/**
 * Decrypts `data` under `algorithm` with one password candidate.
 * Returns null when the padding does not check out (for CBC modes that almost always means a wrong password);
 * throws StudioError UNSUPPORTED_ALGORITHM for unknown schemes and DerError for malformed parameters.
 */
export function pbeDecrypt(
  algorithm: AlgorithmIdentifier,
  data: Uint8Array,
  password: PasswordCandidate,
  source: string,
): Uint8Array | null {
  if (algorithm.oid === OID.pbes2) return pbes2Decrypt(algorithm.params, data, password, source);
  if (isPkcs12Pbe(algorithm.oid) || isPkcs5Pbes1(algorithm.oid))
    return pbes1Decrypt(algorithm.oid, algorithm.params, data, password, source);
  throw unsupportedAlgorithm(source, algorithm.oid, 'encryption algorithm');
}

/** Does `bytes` hold exactly one DER SEQUENCE (a cheap plausibility check of a decryption result)? */
export function isWholeSequence(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[0] !== 0x30) return false;
  const first = bytes[1]!;
  if (first === 0x80) return true; // BER indefinite length: checked by the caller's parser
  if (first < 0x80) return 2 + first === bytes.length;
  const n = first & 0x7f;
  if (n > 4 || 2 + n > bytes.length) return false;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + bytes[2 + i]!;
  return 2 + n + length === bytes.length;
}
