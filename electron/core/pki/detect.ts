import type { FileFormat } from '../../common/dto/inspect';
import { children, decodeOid, DerError, readTlv, TAG, type Tlv } from './der';
import { isPkcs12 } from './pkcs12';

/** What a DER structure is, judged by its shape (never by the file name). */
export type DerKind =
  | 'certificate'
  | 'private-key'
  | 'encrypted-private-key'
  | 'rsa-private-key'
  | 'ec-private-key'
  | 'pkcs7'
  | 'crl'
  | 'csr'
  | 'pkcs12';

export const FORMAT_OF_KIND: Record<DerKind, FileFormat> = {
  certificate: 'der-certificate',
  'private-key': 'der-private-key',
  'encrypted-private-key': 'der-encrypted-private-key',
  'rsa-private-key': 'der-rsa-private-key',
  'ec-private-key': 'der-ec-private-key',
  pkcs7: 'der-pkcs7',
  crl: 'der-crl',
  csr: 'der-csr',
  pkcs12: 'pkcs12',
};

/** PKCS#7 content types (data, signedData, envelopedData…): all recognised, only signedData is read. */
const PKCS7_CONTENT = /^1\.2\.840\.113549\.1\.7\.[1-6]$/;
const isTime = (tlv: Tlv | undefined) => tlv?.tag === TAG.UTC_TIME || tlv?.tag === TAG.GENERALIZED_TIME;

/**
 * Sniffs the outer structure. Returns null for anything that is not one of the known shapes
 * (including bytes that are not DER at all). Never throws.
 */
export function detectDer(bytes: Uint8Array): DerKind | null {
  if (bytes.length < 2 || bytes[0] !== TAG.SEQUENCE) return null;
  try {
    if (isPkcs12(bytes)) return 'pkcs12';
  } catch {
    // a PKCS#12 sniffer that chokes on the input means "not PKCS#12"
  }
  try {
    return classify(children(readTlv(bytes)));
  } catch (error) {
    if (error instanceof DerError) return null;
    throw error;
  }
}

function classify(top: Tlv[]): DerKind | null {
  const [a, b, c] = top;
  if (!a) return null;
  if (a.tag === TAG.OID && b?.tag === 0xa0 && PKCS7_CONTENT.test(decodeOid(a))) return 'pkcs7';
  if (a.tag === TAG.SEQUENCE && b?.tag === TAG.SEQUENCE && c?.tag === TAG.BIT_STRING && top.length === 3) {
    return signedKind(children(a));
  }
  if (a.tag === TAG.SEQUENCE && b?.tag === TAG.OCTET_STRING && top.length === 2) return 'encrypted-private-key';
  if (a.tag === TAG.INTEGER && b?.tag === TAG.SEQUENCE && c?.tag === TAG.OCTET_STRING) return 'private-key';
  if (a.tag === TAG.INTEGER && b?.tag === TAG.OCTET_STRING && (c === undefined || c.tag === 0xa0 || c.tag === 0xa1)) {
    return 'ec-private-key';
  }
  if (top.length >= 9 && top.every((item) => item.tag === TAG.INTEGER)) return 'rsa-private-key';
  return null;
}

/** Certificate, CRL and CSR share SEQUENCE { tbs, algorithm, signature }; the tbs tells them apart. */
function signedKind(tbs: Tlv[]): DerKind | null {
  const tags = tbs.map((item) => item.tag);
  if (tags[0] === 0xa0 && tags[1] === TAG.INTEGER && tags[2] === TAG.SEQUENCE) return 'certificate';
  if (tags[0] === TAG.INTEGER && tags[1] === TAG.SEQUENCE && tags[2] === TAG.SEQUENCE && tags[3] === TAG.SEQUENCE && tags[4] === TAG.SEQUENCE) {
    return 'certificate'; // v1 certificate: no version field
  }
  if (tags[0] === TAG.INTEGER && tags[1] === TAG.SEQUENCE && tags[2] === TAG.SEQUENCE && (tags[3] === 0xa0 || tags.length === 3)) {
    return 'csr';
  }
  const offset = tags[0] === TAG.INTEGER ? 1 : 0;
  if (tags[offset] === TAG.SEQUENCE && tags[offset + 1] === TAG.SEQUENCE && isTime(tbs[offset + 2])) return 'crl';
  return null;
}
