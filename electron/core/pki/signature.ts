import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { children, decodeOid, DerError, readTlv, TAG } from './der';
import { HASH_ALGORITHMS, SIGNATURE_ALGORITHMS } from './oids';

/**
 * Signature checks for certificates, CSRs and CRLs, synchronous (node:crypto), used to link a certificate to
 * its issuer: names can collide, signatures cannot.
 */

const keyCache = new WeakMap<Uint8Array, KeyObject | null>();

function publicKey(spki: Uint8Array): KeyObject | null {
  if (keyCache.has(spki)) return keyCache.get(spki)!;
  let key: KeyObject | null;
  try {
    key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    key = null;
  }
  keyCache.set(spki, key);
  return key;
}

interface PssParameters {
  hash: string;
  saltLength: number;
}

/** RSASSA-PSS-params; absent fields take RFC 4055 defaults (SHA-1, salt 20). */
function pssParameters(algorithm: Uint8Array): PssParameters | null {
  const parts = children(readTlv(algorithm));
  const params = parts[1];
  const result: PssParameters = { hash: 'sha1', saltLength: 20 };
  if (!params || params.tag !== TAG.SEQUENCE) return result;
  for (const field of children(params)) {
    const [inner] = children(field);
    if (!inner) continue;
    if (field.tag === 0xa0) {
      const [oid] = children(inner);
      const hash = oid ? HASH_ALGORITHMS[decodeOid(oid)] : undefined;
      if (!hash) return null;
      result.hash = hash;
    }
    if (field.tag === 0xa2 && inner.tag === TAG.INTEGER) {
      result.saltLength = inner.bytes.subarray(inner.contentStart, inner.contentEnd).reduce((n, byte) => n * 256 + byte, 0);
    }
  }
  return result;
}

/** The OID of an AlgorithmIdentifier given as DER. */
export function algorithmOid(algorithm: Uint8Array): string {
  const [oid] = children(readTlv(algorithm));
  if (!oid) throw new DerError('empty algorithm identifier');
  return decodeOid(oid);
}

/**
 * true / false when the signature could be checked; null when the algorithm or key cannot be used here
 * (unknown OID, MD2, a key node:crypto does not load).
 */
export function verifySignature(signed: Uint8Array, algorithm: Uint8Array, signature: Uint8Array, signerSpki: Uint8Array): boolean | null {
  const key = publicKey(signerSpki);
  if (!key) return null;
  try {
    const oid = algorithmOid(algorithm);
    const known = SIGNATURE_ALGORITHMS[oid];
    if (!known) return null;
    if (known.name === 'RSASSA-PSS') {
      const params = pssParameters(algorithm);
      if (!params) return null;
      return verify(params.hash, signed, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength }, signature);
    }
    if (known.name === 'md2WithRSAEncryption') return null;
    return verify(known.hash, signed, key, signature);
  } catch {
    return false;
  }
}
