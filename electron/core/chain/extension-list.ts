import type { ParsedCertificate } from '../pki/certificate';
import { children, content, decodeOid, DerError, readTlv, TAG, type Tlv } from '../pki/der';

/** One extension as listed, undecoded: what RFC 5280 needs to refuse unknown critical ones. */
export interface RawExtension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

/** Extensions (the SEQUENCE, or an [n] EXPLICIT wrapper around it) → their OIDs, criticality and values. */
export function extensionList(field: Tlv | undefined): RawExtension[] {
  if (!field) return [];
  const list = field.tag === TAG.SEQUENCE ? field : children(field)[0];
  if (!list || list.tag !== TAG.SEQUENCE) throw new DerError('extensions are not a sequence');
  return children(list).map((extension) => {
    const parts = children(extension);
    const [oid, second] = parts;
    const value = parts[parts.length - 1];
    if (!oid || !value || value.tag !== TAG.OCTET_STRING) throw new DerError('extension without a value');
    const critical = second?.tag === TAG.BOOLEAN && second.contentEnd > second.contentStart && second.bytes[second.contentStart] !== 0;
    return { oid: decodeOid(oid), critical, value: content(value) };
  });
}

const cache = new WeakMap<ParsedCertificate, RawExtension[]>();

/** The extensions of a certificate as listed (presence and criticality, which pki's decoded view drops). */
export function certificateExtensions(cert: ParsedCertificate): RawExtension[] {
  let list = cache.get(cert);
  if (!list) {
    list = extensionList(children(readTlv(cert.tbs)).find((field) => field.tag === 0xa3));
    cache.set(cert, list);
  }
  return list;
}

export const hasExtension = (cert: ParsedCertificate, oid: string): boolean => certificateExtensions(cert).some((extension) => extension.oid === oid);
