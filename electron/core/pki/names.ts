import { children, decodeOid, DerError, expectTag, readTlv, TAG, toHex, type Tlv } from './der';
import { COMMON_NAME, NAME_ATTRIBUTES } from './oids';

/**
 * X.500 names as RFC 4514 strings, the way `openssl … -nameopt RFC2253,-esc_msb` prints them:
 * most specific RDN first, short attribute names, Unicode left as is (never hex-escaped),
 * values of non-string types as `#` + the hex of their DER.
 */

interface Attribute {
  oid: string;
  value: Tlv;
}

function attributes(name: Tlv): Attribute[][] {
  expectTag(name, TAG.SEQUENCE, 'a name');
  return children(name).map((rdn) => {
    expectTag(rdn, TAG.SET, 'a relative distinguished name');
    return children(rdn).map((pair) => {
      const [type, value] = children(expectTag(pair, TAG.SEQUENCE, 'an attribute'));
      if (!type || !value) throw new DerError('attribute without a value');
      return { oid: decodeOid(type), value };
    });
  });
}

/** The text of a string-typed value, or null for types we do not decode. */
export function decodeString(value: Tlv): string | null {
  const bytes = Buffer.from(value.bytes.buffer, value.bytes.byteOffset + value.contentStart, value.contentEnd - value.contentStart);
  switch (value.tag) {
    case TAG.UTF8_STRING:
      return bytes.toString('utf8');
    case 0x12: // NumericString
    case 0x13: // PrintableString
    case 0x14: // TeletexString, read as Latin-1 like OpenSSL
    case 0x16: // IA5String
    case 0x1a: // VisibleString
      return bytes.toString('latin1');
    case 0x1e: // BMPString
      return bytes.length % 2 === 0 ? Buffer.from(bytes).swap16().toString('utf16le') : null;
    case 0x1c: {
      // UniversalString (UTF-32BE)
      if (bytes.length % 4 !== 0) return null;
      const points: number[] = [];
      for (let i = 0; i < bytes.length; i += 4) points.push(bytes.readUInt32BE(i));
      return points.every((p) => p <= 0x10ffff && (p < 0xd800 || p > 0xdfff)) ? String.fromCodePoint(...points) : null;
    }
    default:
      return null;
  }
}

function escapeValue(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (',+"\\<>;'.includes(ch)) out += `\\${ch}`;
    else if ((ch === '#' || ch === ' ') && i === 0) out += `\\${ch}`;
    else if (ch === ' ' && i === text.length - 1) out += '\\ ';
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

function formatAttribute({ oid, value }: Attribute): string {
  const type = NAME_ATTRIBUTES[oid] ?? oid;
  const text = decodeString(value);
  return `${type}=${text === null ? `#${toHex(value.bytes.subarray(value.start, value.end))}` : escapeValue(text)}`;
}

/** RFC 4514 form of a DER Name (given as its TLV). */
export function formatName(name: Tlv): string {
  return attributes(name)
    .reverse()
    .map((rdn) => rdn.map(formatAttribute).join('+'))
    .join(',');
}

export const formatNameDer = (der: Uint8Array): string => formatName(readTlv(der));

/** The most specific common name, or null. */
export function commonName(name: Tlv): string | null {
  const cns = attributes(name)
    .flat()
    .filter((attribute) => attribute.oid === COMMON_NAME);
  const last = cns[cns.length - 1];
  return last ? decodeString(last.value) : null;
}

/**
 * A comparison key close to OpenSSL's canonical name encoding: attribute types, values case-folded with
 * inner whitespace collapsed. Two names that differ only in string type or case compare equal.
 */
export function nameKey(name: Tlv): string {
  return attributes(name)
    .map((rdn) =>
      rdn
        .map(({ oid, value }) => {
          const text = decodeString(value);
          const canonical = text === null ? `#${toHex(value.bytes.subarray(value.start, value.end))}` : text.trim().replace(/\s+/g, ' ').toLowerCase();
          return `${oid}=${canonical}`;
        })
        .sort()
        .join('+'),
    )
    .join(',');
}
