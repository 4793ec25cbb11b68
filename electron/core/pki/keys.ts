import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { PublicKeyInfo } from '../../common/dto/inspect';
import { children, decodeOid, DerError, readTlv, TAG } from './der';
import { CURVE_BITS, CURVES, KEY_ALGORITHMS } from './oids';
import { corrupt, unsupportedAlgorithm } from './read-errors';

/**
 * Key descriptions (algorithm, size, curve) and the public key in a normalised SPKI DER, which is how keys
 * are matched to certificates: both sides are re-exported by OpenSSL, so encodings that differ only in form
 * (compressed EC points, absent RSA NULL parameters) still compare equal.
 */

export interface KeyDetails extends PublicKeyInfo {
  /** SPKI DER as node:crypto exports it; null when node:crypto cannot load the key */
  spki: Uint8Array | null;
}

const ED_BITS: Record<string, number> = { ed25519: 256, ed448: 456, x25519: 253, x448: 448 };

function fromKeyObject(key: KeyObject): PublicKeyInfo {
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  switch (type) {
    case 'rsa':
    case 'rsa-pss':
      return { algorithm: 'RSA', bits: details.modulusLength ?? null, curve: null };
    case 'dsa':
      return { algorithm: 'DSA', bits: details.modulusLength ?? null, curve: null };
    case 'ec': {
      const curve = details.namedCurve === undefined ? null : (CURVES[details.namedCurve] ?? details.namedCurve);
      return { algorithm: 'EC', bits: curve === null ? null : (CURVE_BITS[curve] ?? null), curve };
    }
    case 'ed25519':
      return { algorithm: 'Ed25519', bits: ED_BITS[type]!, curve: null };
    case 'ed448':
      return { algorithm: 'Ed448', bits: ED_BITS[type]!, curve: null };
    default:
      return { algorithm: type.toUpperCase(), bits: ED_BITS[type] ?? null, curve: null };
  }
}

const exportSpki = (key: KeyObject): Uint8Array => new Uint8Array(key.export({ type: 'spki', format: 'der' }));

/** Algorithm OID (and EC curve OID) from an SPKI or a PKCS#8 AlgorithmIdentifier. */
function algorithmOf(structure: Uint8Array, algorithmIndex: number): { oid: string; parameter: string | null } {
  const algorithm = children(readTlv(structure))[algorithmIndex];
  if (!algorithm || algorithm.tag !== TAG.SEQUENCE) throw new DerError('no algorithm identifier');
  const [oid, parameter] = children(algorithm);
  if (!oid) throw new DerError('no algorithm identifier');
  return { oid: decodeOid(oid), parameter: parameter?.tag === TAG.OID ? decodeOid(parameter) : null };
}

const publicKeyCache = new WeakMap<Uint8Array, KeyDetails>();

/** Describes a SubjectPublicKeyInfo. Never throws: unknown keys are described by their OIDs. */
export function describePublicKey(spki: Uint8Array): KeyDetails {
  const cached = publicKeyCache.get(spki);
  if (cached) return cached;
  let details: KeyDetails;
  try {
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    details = { ...fromKeyObject(key), spki: exportSpki(key) };
  } catch {
    try {
      const { oid, parameter } = algorithmOf(spki, 0);
      const algorithm = KEY_ALGORITHMS[oid] ?? oid;
      details = { algorithm, bits: null, curve: algorithm === 'EC' ? parameter : null, spki: null };
    } catch {
      details = { algorithm: 'unknown', bits: null, curve: null, spki: null };
    }
  }
  publicKeyCache.set(spki, details);
  return details;
}

const privateKeyCache = new WeakMap<Uint8Array, KeyDetails & { spki: Uint8Array }>();

/**
 * Loads an unencrypted PKCS#8 key and describes it. Throws UNSUPPORTED_ALGORITHM (naming the OID) for
 * algorithms node:crypto does not know, CORRUPT_INPUT for a known algorithm whose key does not load.
 */
export function describePrivateKey(pkcs8: Uint8Array, source: string): KeyDetails & { spki: Uint8Array } {
  const cached = privateKeyCache.get(pkcs8);
  if (cached) return cached;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  } catch (error) {
    let oid: string;
    try {
      oid = algorithmOf(pkcs8, 1).oid;
    } catch {
      throw corrupt(source, 'the private key is malformed', error);
    }
    if (!(oid in KEY_ALGORITHMS)) throw unsupportedAlgorithm(source, 'the private key algorithm', oid);
    throw corrupt(source, `the ${KEY_ALGORITHMS[oid]} private key is malformed`, error);
  }
  const details = { ...fromKeyObject(key), spki: exportSpki(createPublicKey(key)) };
  privateKeyCache.set(pkcs8, details);
  return details;
}

/** RSA PRIVATE KEY (PKCS#1) or EC PRIVATE KEY (SEC1) DER → PKCS#8 PrivateKeyInfo DER. */
export function traditionalToPkcs8(der: Uint8Array, type: 'pkcs1' | 'sec1', source: string): Uint8Array {
  try {
    const key = createPrivateKey({ key: Buffer.from(der), format: 'der', type });
    return new Uint8Array(key.export({ format: 'der', type: 'pkcs8' }));
  } catch (error) {
    throw corrupt(source, `the ${type === 'pkcs1' ? 'RSA' : 'EC'} private key is malformed`, error);
  }
}
