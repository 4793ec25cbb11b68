import { children, decodeOid, DerError, expectTag, raw, readSingle, TAG } from './der';
import { derOid, tlv } from './der-write';

/**
 * PKCS#7 / CMS SignedData as certificate bundles (`.p7b`, `.p7c`, `openssl crl2pkcs7 -nocrl -certfile`):
 * certificates and CRLs are taken with their exact bytes; signers, if any, are ignored.
 */

export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_DATA = '1.2.840.113549.1.7.1';

const CONTENT_TYPES: Record<string, string> = {
  '1.2.840.113549.1.7.1': 'data',
  '1.2.840.113549.1.7.3': 'envelopedData',
  '1.2.840.113549.1.7.4': 'signedAndEnvelopedData',
  '1.2.840.113549.1.7.5': 'digestedData',
  '1.2.840.113549.1.7.6': 'encryptedData',
};

export interface Pkcs7Contents {
  certificates: Uint8Array[];
  crls: Uint8Array[];
}

export class NotSignedDataError extends Error {
  constructor(readonly contentType: string) {
    super(`PKCS#7 ${contentType}`);
    this.name = 'NotSignedDataError';
  }
}

/** Certificates and CRLs of a ContentInfo { signedData }. Throws DerError when malformed. */
export function readPkcs7(der: Uint8Array): Pkcs7Contents {
  const [typeTlv, explicit] = children(expectTag(readSingle(der), TAG.SEQUENCE, 'a PKCS#7 ContentInfo'));
  const type = decodeOid(expectTag(typeTlv, TAG.OID, 'a content type'));
  if (type !== OID_SIGNED_DATA) throw new NotSignedDataError(CONTENT_TYPES[type] ?? type);
  const [signedData] = children(expectTag(explicit, 0xa0, 'the signed data'));
  const fields = children(expectTag(signedData, TAG.SEQUENCE, 'the signed data'));
  expectTag(fields[0], TAG.INTEGER, 'a version');
  const certificates: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  for (const field of fields.slice(3)) {
    if (field.tag === 0xa0) {
      for (const item of children(field)) if (item.tag === TAG.SEQUENCE) certificates.push(raw(item));
    } else if (field.tag === 0xa1) {
      for (const item of children(field)) if (item.tag === TAG.SEQUENCE) crls.push(raw(item));
    } else if (field.tag !== TAG.SET) {
      throw new DerError('unexpected field in the signed data');
    }
  }
  return { certificates, crls };
}

/**
 * A degenerate SignedData (no signers) holding certificates in the given order — the same structure as
 * `openssl crl2pkcs7 -nocrl`. OpenSSL keeps the certificates as a SEQUENCE OF, so order is preserved.
 */
export function encodePkcs7(certificates: Uint8Array[], crls: Uint8Array[] = []): Uint8Array {
  const signedData = tlv(
    TAG.SEQUENCE,
    tlv(TAG.INTEGER, Uint8Array.of(1)),
    tlv(TAG.SET),
    tlv(TAG.SEQUENCE, derOid(OID_DATA)),
    tlv(0xa0, ...certificates),
    ...(crls.length > 0 ? [tlv(0xa1, ...crls)] : []),
    tlv(TAG.SET),
  );
  return tlv(TAG.SEQUENCE, derOid(OID_SIGNED_DATA), tlv(0xa0, signedData));
}
