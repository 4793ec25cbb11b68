import { children, readTlv, toHex, type Tlv } from '../pki/der';
import type { ParsedCertificate } from '../pki/certificate';
import { nameKey } from '../pki/names';
import type { ParsedCrl } from './crl-parse';
import { certificateExtensions } from './extension-list';

export const ISSUING_DISTRIBUTION_POINT = '2.5.29.28';
const CRL_DISTRIBUTION_POINTS = '2.5.29.31';

/** Does a CRL cover this certificate (RFC 5280 §6.3.3 b): `applies`, `out-of-scope`, or why it cannot be used. */
export type CrlScope = { kind: 'applies' } | { kind: 'out-of-scope' } | { kind: 'unsupported'; cause: string };

const isTrue = (tlv: Tlv): boolean => tlv.contentEnd > tlv.contentStart && tlv.bytes[tlv.contentStart] !== 0;

/** A GeneralName as a comparison key: directory names compared like issuer names, the others byte for byte. */
function generalNameKey(name: Tlv): string {
  if (name.tag === 0xa4) {
    const [inner] = children(name);
    if (inner) return `dn:${nameKey(inner)}`;
  }
  return `${name.tag}:${toHex(name.bytes.subarray(name.contentStart, name.contentEnd))}`;
}

/** fullName GeneralNames of a DistributionPointName ([0] fullName inside the [0] wrapper); null for nameRelativeToCRLIssuer. */
function fullNames(distributionPoint: Tlv): string[] | null {
  const [choice] = children(distributionPoint);
  if (!choice || choice.tag !== 0xa0) return null;
  return children(choice).map(generalNameKey);
}

/** Every fullName of the certificate's cRLDistributionPoints; null when it has none. */
function certificateDistributionNames(cert: ParsedCertificate): string[] | null {
  const extension = certificateExtensions(cert).find((item) => item.oid === CRL_DISTRIBUTION_POINTS);
  if (!extension) return null;
  const names: string[] = [];
  for (const point of children(readTlv(extension.value))) {
    const name = children(point).find((field) => field.tag === 0xa0);
    if (name) names.push(...(fullNames(name) ?? []));
  }
  return names;
}

/**
 * Scope from the issuingDistributionPoint extension: distribution point names, onlyContainsUserCerts and
 * onlyContainsCACerts are applied; partitions by reason, indirect CRLs and attribute-certificate CRLs are not
 * supported and make the CRL unusable (never silently "not revoked").
 */
export function crlScope(crl: ParsedCrl, cert: ParsedCertificate): CrlScope {
  const idp = crl.extensions.find((extension) => extension.oid === ISSUING_DISTRIBUTION_POINT);
  if (!idp) return { kind: 'applies' };
  const isCa = cert.extensions.basicConstraints?.ca === true;
  for (const field of children(readTlv(idp.value))) {
    if (field.tag === 0xa0) {
      const names = fullNames(field);
      if (names === null) return { kind: 'unsupported', cause: 'its issuingDistributionPoint names the point relative to the issuer, which is not supported' };
      const wanted = certificateDistributionNames(cert) ?? [`dn:${cert.issuerKey}`];
      if (!names.some((name) => wanted.includes(name))) return { kind: 'out-of-scope' };
    } else if (field.tag === 0x81 && isTrue(field)) {
      if (isCa) return { kind: 'out-of-scope' };
    } else if (field.tag === 0x82 && isTrue(field)) {
      if (!isCa) return { kind: 'out-of-scope' };
    } else if (field.tag === 0x83) {
      return { kind: 'unsupported', cause: 'it covers only some revocation reasons (onlySomeReasons), which is not supported' };
    } else if (field.tag === 0x84 && isTrue(field)) {
      return { kind: 'unsupported', cause: 'it is an indirect CRL, which is not supported' };
    } else if (field.tag === 0x85 && isTrue(field)) {
      return { kind: 'out-of-scope' };
    } else if (field.tag !== 0x81 && field.tag !== 0x82 && field.tag !== 0x84 && field.tag !== 0x85) {
      return { kind: 'unsupported', cause: 'its issuingDistributionPoint is malformed' };
    }
  }
  return { kind: 'applies' };
}

