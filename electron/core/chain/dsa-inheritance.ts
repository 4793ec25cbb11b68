import { children, decodeOid, raw, readTlv, TAG } from '../pki/der';
import { derSequence } from '../pki/der-write';
import type { ParsedCertificate } from '../pki/certificate';
import { verifySignature } from '../pki/signature';

const DSA_KEY = '1.2.840.10040.4.1';

/** The DSA parameters of a SubjectPublicKeyInfo: the DER of Dss-Parms, null when absent (inherited), undefined when not DSA. */
function dsaParameters(spki: Uint8Array): Uint8Array | null | undefined {
  const [algorithm] = children(readTlv(spki));
  const [oid, params] = algorithm ? children(algorithm) : [];
  if (!oid || decodeOid(oid) !== DSA_KEY) return undefined;
  return params && params.tag === TAG.SEQUENCE ? raw(params) : null;
}

/**
 * RFC 5280 §6.1.4 (d)-(f): a DSA key without parameters inherits them from the nearest issuer above whose DSA
 * key carries them. Returns the signer's SubjectPublicKeyInfo with the parameters filled in.
 */
export function effectiveSpki(signer: ParsedCertificate, above: ParsedCertificate[]): Uint8Array {
  if (dsaParameters(signer.spki) !== null) return signer.spki;
  for (const cert of above) {
    const params = dsaParameters(cert.spki);
    if (params === undefined) return signer.spki;
    if (params !== null) {
      const [algorithm, key] = children(readTlv(signer.spki));
      const [oid] = children(algorithm!);
      return derSequence(derSequence(raw(oid!), params), raw(key!));
    }
  }
  return signer.spki;
}

/** Does `issuer` (with `above` its own issuers, nearest first) verify `cert`'s signature? null: cannot tell. */
export function verifyWithInheritance(cert: ParsedCertificate, issuer: ParsedCertificate, above: ParsedCertificate[]): boolean | null {
  return verifySignature(cert.tbs, cert.signatureAlgorithm, cert.signature, effectiveSpki(issuer, above));
}
