import { children, decodeOid, DerError, readTlv, TAG, toHex, type Tlv } from './der';
import { formatName } from './names';

/** GeneralNames in OpenSSL's style: 'DNS:…', 'IP:…', 'email:…', 'URI:…', 'DirName:…', 'otherName:<oid>'. */

const text = (tlv: Tlv) => Buffer.from(tlv.bytes.subarray(tlv.contentStart, tlv.contentEnd)).toString('latin1');

export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length !== 16) return `#${toHex(bytes)}`;
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16));
  // RFC 5952: compress the longest run (length ≥ 2) of zero groups
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i >= 2) best = { at: i, length: j - i };
    i = j;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.length).join(':')}`;
}

function formatGeneralName(name: Tlv): string {
  const bytes = name.bytes.subarray(name.contentStart, name.contentEnd);
  switch (name.tag) {
    case 0xa0: {
      const [type] = children(name);
      return `otherName:${type ? decodeOid(type) : 'unknown'}`;
    }
    case 0x81:
      return `email:${text(name)}`;
    case 0x82:
      return `DNS:${text(name)}`;
    case 0xa3:
      return 'X400Name:<unsupported>';
    case 0xa4: {
      const [inner] = children(name);
      return `DirName:${inner ? formatName(inner) : ''}`;
    }
    case 0xa5:
      return 'EdiPartyName:<unsupported>';
    case 0x86:
      return `URI:${text(name)}`;
    case 0x87:
      return `IP:${formatIp(bytes)}`;
    case 0x88:
      return `RID:${decodeOid({ ...name, tag: TAG.OID })}`;
    default:
      return `unknown:${toHex(bytes)}`;
  }
}

/** Formats the DER of a GeneralNames SEQUENCE (the value of subjectAltName). */
export function formatGeneralNames(der: Uint8Array): string[] {
  const sequence = readTlv(der);
  if (sequence.tag !== TAG.SEQUENCE) throw new DerError('subjectAltName is not a sequence');
  return children(sequence).map(formatGeneralName);
}
