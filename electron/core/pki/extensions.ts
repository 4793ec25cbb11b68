import { children, content, decodeOid, DerError, readTlv, TAG, toHex, type Tlv } from './der';
import { EXTENDED_KEY_USAGES } from './oids';
import { formatGeneralNames } from './general-names';

/** The X.509 v3 extensions inspect shows, decoded from their DER. */
export interface CertificateExtensions {
  basicConstraints: { ca: boolean; pathLen: number | null } | null;
  keyUsage: string[];
  extendedKeyUsage: string[] | null;
  subjectAltNames: string[];
  subjectKeyIdentifier: string | null;
  authorityKeyIdentifier: string | null;
}

const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

function keyUsage(der: Uint8Array): string[] {
  const bits = readTlv(der);
  if (bits.tag !== TAG.BIT_STRING || bits.contentEnd === bits.contentStart) throw new DerError('keyUsage is not a bit string');
  const data = der.subarray(bits.contentStart + 1, bits.contentEnd);
  return KEY_USAGE_BITS.filter((_, i) => ((data[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

function basicConstraints(der: Uint8Array): { ca: boolean; pathLen: number | null } {
  const sequence = readTlv(der);
  if (sequence.tag !== TAG.SEQUENCE) throw new DerError('basicConstraints is not a sequence');
  let ca = false;
  let pathLen: number | null = null;
  for (const item of children(sequence)) {
    if (item.tag === TAG.BOOLEAN) ca = der[item.contentStart] !== 0 && item.contentEnd > item.contentStart;
    if (item.tag === TAG.INTEGER) {
      const value = content(item);
      pathLen = value.length > 4 || (value[0] ?? 0) & 0x80 ? null : value.reduce((n, byte) => n * 256 + byte, 0);
    }
  }
  return { ca, pathLen };
}

function extendedKeyUsage(der: Uint8Array): string[] {
  const sequence = readTlv(der);
  if (sequence.tag !== TAG.SEQUENCE) throw new DerError('extendedKeyUsage is not a sequence');
  return children(sequence).map((oid) => {
    const dotted = decodeOid(oid);
    return EXTENDED_KEY_USAGES[dotted] ?? dotted;
  });
}

function subjectKeyIdentifier(der: Uint8Array): string {
  const octets = readTlv(der);
  if (octets.tag !== TAG.OCTET_STRING) throw new DerError('subjectKeyIdentifier is not an octet string');
  return toHex(content(octets));
}

function authorityKeyIdentifier(der: Uint8Array): string | null {
  const sequence = readTlv(der);
  if (sequence.tag !== TAG.SEQUENCE) throw new DerError('authorityKeyIdentifier is not a sequence');
  const keyId = children(sequence).find((item) => item.tag === 0x80);
  return keyId ? toHex(content(keyId)) : null;
}

/** Decodes the `[3] EXPLICIT Extensions` field of a TBSCertificate (or an extensionRequest's Extensions). */
export function parseExtensions(extensions: Tlv | undefined): CertificateExtensions {
  const result: CertificateExtensions = {
    basicConstraints: null,
    keyUsage: [],
    extendedKeyUsage: null,
    subjectAltNames: [],
    subjectKeyIdentifier: null,
    authorityKeyIdentifier: null,
  };
  if (!extensions) return result;
  const list = extensions.tag === TAG.SEQUENCE ? extensions : children(extensions)[0];
  if (!list || list.tag !== TAG.SEQUENCE) throw new DerError('extensions are not a sequence');
  for (const extension of children(list)) {
    const parts = children(extension);
    const oid = decodeOid(parts[0] ?? extension);
    const value = parts[parts.length - 1];
    if (!value || value.tag !== TAG.OCTET_STRING) throw new DerError('extension without a value');
    const der = content(value);
    switch (oid) {
      case '2.5.29.19':
        result.basicConstraints = basicConstraints(der);
        break;
      case '2.5.29.15':
        result.keyUsage = keyUsage(der);
        break;
      case '2.5.29.37':
        result.extendedKeyUsage = extendedKeyUsage(der);
        break;
      case '2.5.29.17':
        result.subjectAltNames = formatGeneralNames(der);
        break;
      case '2.5.29.14':
        result.subjectKeyIdentifier = subjectKeyIdentifier(der);
        break;
      case '2.5.29.35':
        result.authorityKeyIdentifier = authorityKeyIdentifier(der);
        break;
    }
  }
  return result;
}
