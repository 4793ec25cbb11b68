/**
 * DER writer: the encodings the PKCS#8, PKCS#12 and PKCS#7 writers assemble around existing key and
 * certificate bytes. Lengths are always definite and minimal; SET OF is sorted as DER requires.
 */
import { TAG } from './der';

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of content) length += part.length;
  const lengthBytes =
    length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : length < 0x1000000 ? 4 : 5;
  const out = new Uint8Array(1 + lengthBytes + length);
  out[0] = tag;
  if (lengthBytes === 1) out[1] = length;
  else {
    out[1] = 0x80 | (lengthBytes - 1);
    for (let i = lengthBytes - 1, v = length; i >= 1; i--, v = Math.floor(v / 256)) out[1 + i] = v & 0xff;
  }
  let at = 1 + lengthBytes;
  for (const part of content) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export const derSequence = (...content: Uint8Array[]): Uint8Array => tlv(TAG.SEQUENCE, ...content);
export const derOctetString = (bytes: Uint8Array): Uint8Array => tlv(TAG.OCTET_STRING, bytes);
export const derExplicit = (n: number, ...content: Uint8Array[]): Uint8Array => tlv(0xa0 | n, ...content);
export const DER_NULL = new Uint8Array([0x05, 0x00]);

/** SET OF: DER requires the encodings sorted. */
export function derSet(...items: Uint8Array[]): Uint8Array {
  const sorted = [...items].sort((a, b) => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  });
  return tlv(TAG.SET, ...sorted);
}

export function derUint(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError('INTEGER must be a non-negative safe integer');
  const bytes: number[] = [];
  let v = value;
  do {
    bytes.unshift(v % 256);
    v = Math.floor(v / 256);
  } while (v > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(TAG.INTEGER, new Uint8Array(bytes));
}

const oidCache = new Map<string, Uint8Array>();

export function derOid(oid: string): Uint8Array {
  const cached = oidCache.get(oid);
  if (cached) return cached;
  const arcs = oid.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isSafeInteger(a) || a < 0))
    throw new RangeError(`bad OID ${oid}`);
  const bytes: number[] = [];
  const push = (value: number): void => {
    const group: number[] = [value & 0x7f];
    for (let v = Math.floor(value / 128); v > 0; v = Math.floor(v / 128)) group.unshift(0x80 | (v & 0x7f));
    bytes.push(...group);
  };
  push(arcs[0]! * 40 + arcs[1]!);
  for (const arc of arcs.slice(2)) push(arc);
  const encoded = tlv(TAG.OID, new Uint8Array(bytes));
  oidCache.set(oid, encoded);
  return encoded;
}

export function derAlgorithm(oid: string, params?: Uint8Array): Uint8Array {
  return params === undefined ? derSequence(derOid(oid)) : derSequence(derOid(oid), params);
}

/** BMPString (UTF-16BE code units, surrogate pairs kept as they are in the JS string). */
export function derBmpString(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[2 * i] = c >>> 8;
    bytes[2 * i + 1] = c & 0xff;
  }
  return tlv(TAG.BMP_STRING, bytes);
}
