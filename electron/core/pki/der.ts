/**
 * A small, bounded DER/BER reader: enough to sniff what a file is, slice raw encodings out of a structure
 * (so certificates keep their exact bytes), and walk PKCS#7. Every malformed input ends in a DerError,
 * which callers turn into a StudioError naming the file.
 */

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export interface Tlv {
  /** the identifier octet (tags ≥ 31 in high-tag form are rejected: nothing we read uses them) */
  tag: number;
  /** offset of the identifier octet within the buffer it was read from */
  start: number;
  /** offset of the first content octet */
  contentStart: number;
  /** offset just past the content (and past the end-of-contents octets for indefinite lengths) */
  end: number;
  /** offset just past the content octets themselves */
  contentEnd: number;
  bytes: Uint8Array;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
  CONTEXT_0: 0xa0,
  CONTEXT_0_PRIMITIVE: 0x80,
} as const;

/** Deep enough for BER PKCS#12 (constructed strings inside bags inside safes), shallow enough to stop abuse. */
const MAX_DEPTH = 48;

/** Reads the TLV starting at `offset`, bounded by `limit` (default: end of the buffer). */
export function readTlv(bytes: Uint8Array, offset = 0, limit = bytes.length, depth = 0): Tlv {
  if (depth > MAX_DEPTH) throw new DerError('structure nested too deeply');
  if (offset >= limit) throw new DerError('unexpected end of data');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('unsupported high tag number');
  let pos = offset + 1;
  if (pos >= limit) throw new DerError('unexpected end of data in a length');
  const first = bytes[pos++]!;
  if (first === 0x80) {
    if ((tag & 0x20) === 0) throw new DerError('indefinite length on a primitive value');
    let cursor = pos;
    for (;;) {
      if (cursor + 2 > limit) throw new DerError('missing end-of-contents');
      if (bytes[cursor] === 0 && bytes[cursor + 1] === 0) {
        return { tag, start: offset, contentStart: pos, contentEnd: cursor, end: cursor + 2, bytes };
      }
      cursor = readTlv(bytes, cursor, limit, depth + 1).end;
    }
  }
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count > 4) throw new DerError('length field too large');
    length = 0;
    for (let i = 0; i < count; i++) {
      if (pos >= limit) throw new DerError('unexpected end of data in a length');
      length = length * 256 + bytes[pos++]!;
    }
  }
  const end = pos + length;
  if (end > limit) throw new DerError(`a value claims ${length} bytes but only ${limit - pos} remain (truncated?)`);
  return { tag, start: offset, contentStart: pos, contentEnd: end, end, bytes };
}

/** The direct children of a constructed value. */
export function children(tlv: Tlv, depth = 0): Tlv[] {
  if ((tlv.tag & 0x20) === 0) throw new DerError('expected a constructed value');
  const result: Tlv[] = [];
  for (let at = tlv.contentStart; at < tlv.contentEnd; ) {
    const child = readTlv(tlv.bytes, at, tlv.contentEnd, depth + 1);
    result.push(child);
    at = child.end;
  }
  return result;
}

/** The whole encoding (header + content) as a copy. */
export const raw = (tlv: Tlv): Uint8Array => tlv.bytes.slice(tlv.start, tlv.end);

/** The content octets as a copy. */
export const content = (tlv: Tlv): Uint8Array => tlv.bytes.slice(tlv.contentStart, tlv.contentEnd);

/** Parses exactly one value that must fill `bytes` (trailing zero bytes, as some tools pad, are tolerated). */
export function readSingle(bytes: Uint8Array): Tlv {
  const tlv = readTlv(bytes);
  for (let i = tlv.end; i < bytes.length; i++) {
    if (bytes[i] !== 0) throw new DerError(`${bytes.length - tlv.end} unexpected bytes after the structure`);
  }
  return tlv;
}

export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv || tlv.tag !== tag) throw new DerError(`expected ${what}`);
  return tlv;
}

/** Dotted-decimal form of an OBJECT IDENTIFIER's content. */
export function decodeOid(tlv: Tlv): string {
  if (tlv.tag !== TAG.OID) throw new DerError('expected an object identifier');
  const parts: number[] = [];
  let value = 0;
  let pending = false;
  for (let i = tlv.contentStart; i < tlv.contentEnd; i++) {
    const byte = tlv.bytes[i]!;
    if (value > 2 ** 45) throw new DerError('object identifier component too large');
    value = value * 128 + (byte & 0x7f);
    pending = true;
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0;
      pending = false;
    }
  }
  if (pending || parts.length === 0) throw new DerError('malformed object identifier');
  const head = parts[0]!;
  const arcs = head < 40 ? [0, head] : head < 80 ? [1, head - 40] : [2, head - 80];
  return [...arcs, ...parts.slice(1)].join('.');
}

/** Non-negative INTEGER that fits a safe JS number (versions, iteration counts, key lengths). */
export function decodeSmallInteger(tlv: Tlv): number {
  if (tlv.tag !== TAG.INTEGER) throw new DerError('expected an integer');
  const length = tlv.contentEnd - tlv.contentStart;
  if (length === 0 || length > 6 || (tlv.bytes[tlv.contentStart]! & 0x80) !== 0) {
    throw new DerError('integer out of range');
  }
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.contentEnd; i++) value = value * 256 + tlv.bytes[i]!;
  return value;
}

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
