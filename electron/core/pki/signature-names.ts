import { children, decodeOid, readTlv } from './der';
import { HASH_ALGORITHMS, SIGNATURE_ALGORITHMS, WEAK_HASHES } from './oids';
import { algorithmOid } from './signature';

/** OpenSSL's name for a signature AlgorithmIdentifier (DER), or its OID when unknown. */
export function signatureAlgorithmName(algorithm: Uint8Array): string {
  const oid = algorithmOid(algorithm);
  return SIGNATURE_ALGORITHMS[oid]?.name ?? oid;
}

/** The digest a signature uses, including RSASSA-PSS's (from its parameters; SHA-1 by default). */
export function signatureHash(algorithm: Uint8Array): string | null {
  const oid = algorithmOid(algorithm);
  const known = SIGNATURE_ALGORITHMS[oid];
  if (!known) return null;
  if (known.name !== 'RSASSA-PSS') return known.hash;
  try {
    const params = children(readTlv(algorithm))[1];
    const hashField = params && params.tag === 0x30 ? children(params).find((field) => field.tag === 0xa0) : undefined;
    if (!hashField) return 'sha1';
    const hashOid = children(children(hashField)[0]!)[0];
    return hashOid ? (HASH_ALGORITHMS[decodeOid(hashOid)] ?? null) : null;
  } catch {
    return null;
  }
}

export const isWeakSignature = (algorithm: Uint8Array): boolean => WEAK_HASHES.has(signatureHash(algorithm) ?? '');
