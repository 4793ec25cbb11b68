import { createHash } from 'node:crypto';
import { children, content, DerError, expectTag, raw, readSingle, TAG, toHex, type Tlv } from './der';
import { parseExtensions, type CertificateExtensions } from './extensions';
import { commonName, formatName, nameKey } from './names';
import { guarded } from './read-errors';
import { algorithmOid, verifySignature } from './signature';
import { parseTime } from './time';

/** One X.509 certificate, decoded once (cached per DER buffer) with the raw parts needed to link issuers. */
export interface ParsedCertificate {
  der: Uint8Array;
  sha256: string;
  sha1: string;
  tbs: Uint8Array;
  signatureAlgorithm: Uint8Array;
  signatureOid: string;
  signature: Uint8Array;
  serialNumber: string;
  subject: string;
  issuer: string;
  /** comparison keys (case/whitespace-insensitive) for issuer ↔ subject matching */
  subjectKey: string;
  issuerKey: string;
  commonName: string | null;
  issuerCommonName: string | null;
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  extensions: CertificateExtensions;
  /** issued by itself: same name and its own key verifies the signature */
  selfSigned: boolean;
}

const cache = new WeakMap<Uint8Array, ParsedCertificate>();

/** The bits of a BIT STRING (the unused-bits octet dropped). */
export function bitStringBytes(tlv: Tlv | undefined): Uint8Array {
  const bits = expectTag(tlv, TAG.BIT_STRING, 'a bit string');
  if (bits.contentEnd === bits.contentStart) throw new DerError('empty bit string');
  return bits.bytes.slice(bits.contentStart + 1, bits.contentEnd);
}

/** Serial as OpenSSL prints it: the encoded bytes in lowercase hex, without the sign-padding 00. */
export function serialHex(integer: Tlv): string {
  const bytes = content(expectTag(integer, TAG.INTEGER, 'a serial number'));
  if (bytes.length === 0) throw new DerError('empty serial number');
  const trimmed = bytes.length > 1 && bytes[0] === 0 && (bytes[1]! & 0x80) !== 0 ? bytes.subarray(1) : bytes;
  return toHex(trimmed);
}

function decode(der: Uint8Array): ParsedCertificate {
  const [tbsTlv, algorithmTlv, signatureTlv] = children(expectTag(readSingle(der), TAG.SEQUENCE, 'a certificate'));
  const tbsParts = children(expectTag(tbsTlv, TAG.SEQUENCE, 'the certificate body'));
  const fields = tbsParts[0]?.tag === 0xa0 ? tbsParts.slice(1) : tbsParts;
  const [serial, , issuer, validity, subject, spki] = fields;
  const [notBefore, notAfter] = children(expectTag(validity, TAG.SEQUENCE, 'a validity period'));
  expectTag(issuer, TAG.SEQUENCE, 'an issuer name');
  expectTag(subject, TAG.SEQUENCE, 'a subject name');
  expectTag(spki, TAG.SEQUENCE, 'a public key');
  const signatureAlgorithm = raw(expectTag(algorithmTlv, TAG.SEQUENCE, 'a signature algorithm'));
  const parsed: ParsedCertificate = {
    der,
    sha256: createHash('sha256').update(der).digest('hex'),
    sha1: createHash('sha1').update(der).digest('hex'),
    tbs: raw(tbsTlv!),
    signatureAlgorithm,
    signatureOid: algorithmOid(signatureAlgorithm),
    signature: bitStringBytes(signatureTlv),
    serialNumber: serialHex(serial!),
    subject: formatName(subject!),
    issuer: formatName(issuer!),
    subjectKey: nameKey(subject!),
    issuerKey: nameKey(issuer!),
    commonName: commonName(subject!),
    issuerCommonName: commonName(issuer!),
    notBefore: parseTime(notBefore),
    notAfter: parseTime(notAfter),
    spki: raw(spki!),
    extensions: parseExtensions(fields.find((field) => field.tag === 0xa3)),
    selfSigned: false,
  };
  parsed.selfSigned = parsed.subjectKey === parsed.issuerKey && isSignedBy(parsed, parsed);
  return parsed;
}

/** Parses (once) and returns the certificate; CORRUPT_INPUT naming `source` if it is malformed. */
export function parseCertificate(der: Uint8Array, source: string): ParsedCertificate {
  const cached = cache.get(der);
  if (cached) return cached;
  const parsed = guarded(source, 'a certificate', () => decode(der));
  cache.set(der, parsed);
  return parsed;
}

/**
 * Does `issuer`'s key verify `cert`'s signature? When the algorithm cannot be checked here, falls back to
 * the key identifiers (AKI = SKI), as a path builder would.
 */
export function isSignedBy(cert: ParsedCertificate, issuer: ParsedCertificate): boolean {
  const verified = verifySignature(cert.tbs, cert.signatureAlgorithm, cert.signature, issuer.spki);
  if (verified !== null) return verified;
  const aki = cert.extensions.authorityKeyIdentifier;
  const ski = issuer.extensions.subjectKeyIdentifier;
  return aki === null || ski === null || aki === ski;
}

/** Is `issuer` the certificate that issued `cert`: matching names and a verifying signature. */
export const issued = (issuer: ParsedCertificate, cert: ParsedCertificate): boolean =>
  cert.issuerKey === issuer.subjectKey && isSignedBy(cert, issuer);
