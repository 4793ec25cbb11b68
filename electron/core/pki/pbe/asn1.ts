/**
 * A small, bounded BER/DER reader and DER writer for the PKCS#8/PKCS#12 structures read here.
 * Why not a schema library: PKCS#12 files in the wild use BER (indefinite lengths and constructed OCTET
 * STRINGs — NSS, Java, Windows), key and certificate bytes must come out exactly as stored, and malformed
 * input must end quickly with one error type. Every length is checked against its parent, nesting is bounded.
 */

/** Thrown for malformed encodings; public entry points turn it into StudioError('CORRUPT_INPUT'). */
export class Asn1Error extends Error {
  override readonly name = 'Asn1Error';
}

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
  CONTEXT_0: 0xa0,
  CONTEXT_0_PRIMITIVE: 0x80,
} as const;

const MAX_DEPTH = 48;

/** One TLV inside `buf`: the identifier byte, content range and total end. */
export class Asn1 {
  private kids: Asn1[] | undefined;

  constructor(
    readonly buf: Uint8Array,
    /** identifier octet (class + constructed bit + tag number < 31) */
    readonly tag: number,
    readonly start: number,
    readonly contentStart: number,
    readonly contentEnd: number,
    /** end of the whole element, after the end-of-contents octets when the length was indefinite */
    readonly end: number,
    readonly depth: number,
  ) {}

  get constructed(): boolean {
    return (this.tag & 0x20) !== 0;
  }

  /** The whole encoding (header + content), as a view. */
  get encoded(): Uint8Array {
    return this.buf.subarray(this.start, this.end);
  }

  /** The content bytes, as a view. */
  get content(): Uint8Array {
    return this.buf.subarray(this.contentStart, this.contentEnd);
  }

  children(): Asn1[] {
    if (this.kids) return this.kids;
    if (!this.constructed) throw new Asn1Error(`expected a constructed element at byte ${this.start}`);
    const kids: Asn1[] = [];
    let at = this.contentStart;
    while (at < this.contentEnd) {
      const kid = parseAt(this.buf, at, this.contentEnd, this.depth + 1);
      kids.push(kid);
      at = kid.end;
    }
    this.kids = kids;
    return kids;
  }

  child(index: number, tag?: number): Asn1 {
    const kid = this.children()[index];
    if (kid === undefined)
      throw new Asn1Error(`missing element ${index} in the structure at byte ${this.start}`);
    if (tag !== undefined && kid.tag !== tag)
      throw new Asn1Error(`unexpected tag 0x${kid.tag.toString(16)} at byte ${kid.start}`);
    return kid;
  }

  expect(tag: number): this {
    if (this.tag !== tag)
      throw new Asn1Error(
        `unexpected tag 0x${this.tag.toString(16)} at byte ${this.start} (expected 0x${tag.toString(16)})`,
      );
    return this;
  }

  /** OCTET STRING value (or any string type); constructed (BER) strings are reassembled. */
  octets(): Uint8Array {
    if (!this.constructed) return this.content;
    const parts: Uint8Array[] = [];
    const collect = (node: Asn1): void => {
      for (const kid of node.children()) {
        if (kid.constructed) collect(kid);
        else parts.push(kid.content);
      }
    };
    collect(this);
    return concat(parts);
  }

  /** OCTET STRING value, primitive (DER) or constructed (BER, as NSS and Windows write). */
  octetString(): Uint8Array {
    if (this.tag !== TAG.OCTET_STRING && this.tag !== (TAG.OCTET_STRING | 0x20))
      this.expect(TAG.OCTET_STRING);
    return this.octets();
  }

  /** Dotted OBJECT IDENTIFIER. */
  oid(): string {
    this.expect(TAG.OID);
    const c = this.content;
    if (c.length === 0 || c.length > 64) throw new Asn1Error(`bad OBJECT IDENTIFIER at byte ${this.start}`);
    const arcs: number[] = [];
    let value = 0;
    for (let i = 0; i < c.length; i++) {
      const byte = c[i]!;
      if (value === 0 && byte === 0x80) throw new Asn1Error(`bad OBJECT IDENTIFIER at byte ${this.start}`);
      value = value * 128 + (byte & 0x7f);
      if (value > Number.MAX_SAFE_INTEGER / 256)
        throw new Asn1Error(`OBJECT IDENTIFIER arc too large at byte ${this.start}`);
      if ((byte & 0x80) === 0) {
        if (arcs.length === 0) {
          const first = value < 40 ? 0 : value < 80 ? 1 : 2;
          arcs.push(first, value - 40 * first);
        } else arcs.push(value);
        value = 0;
      } else if (i === c.length - 1) throw new Asn1Error(`truncated OBJECT IDENTIFIER at byte ${this.start}`);
    }
    return arcs.join('.');
  }

  /** Non-negative INTEGER that fits a safe JS number. */
  uint(): number {
    this.expect(TAG.INTEGER);
    const c = this.content;
    if (c.length === 0 || c.length > 7 || (c[0]! & 0x80) !== 0)
      throw new Asn1Error(`INTEGER out of range at byte ${this.start}`);
    let value = 0;
    for (const byte of c) value = value * 256 + byte;
    return value;
  }
}

function parseAt(buf: Uint8Array, at: number, limit: number, depth: number): Asn1 {
  if (depth > MAX_DEPTH) throw new Asn1Error('structure nested too deeply');
  if (at + 2 > limit) throw new Asn1Error(`truncated element at byte ${at}`);
  const tag = buf[at]!;
  if ((tag & 0x1f) === 0x1f) throw new Asn1Error(`unsupported high tag number at byte ${at}`);
  let p = at + 1;
  const first = buf[p++]!;
  if (first < 0x80) {
    const end = p + first;
    if (end > limit) throw new Asn1Error(`element at byte ${at} runs past its container`);
    return new Asn1(buf, tag, at, p, end, end, depth);
  }
  if (first === 0x80) {
    // BER indefinite length: children until the end-of-contents octets 00 00
    if ((tag & 0x20) === 0) throw new Asn1Error(`indefinite length on a primitive element at byte ${at}`);
    let q = p;
    for (;;) {
      if (q + 2 > limit) throw new Asn1Error(`unterminated indefinite-length element at byte ${at}`);
      if (buf[q] === 0 && buf[q + 1] === 0) return new Asn1(buf, tag, at, p, q, q + 2, depth);
      q = parseAt(buf, q, limit, depth + 1).end;
    }
  }
  const n = first & 0x7f;
  if (n > 4) throw new Asn1Error(`length too large at byte ${at}`);
  if (p + n > limit) throw new Asn1Error(`truncated length at byte ${at}`);
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + buf[p++]!;
  const end = p + length;
  if (end > limit) throw new Asn1Error(`element at byte ${at} runs past its container`);
  return new Asn1(buf, tag, at, p, end, end, depth);
}

/** Parses one element that must span `bytes` exactly (trailing garbage is an error unless allowTrailing). */
export function parseDer(bytes: Uint8Array, allowTrailing = false): Asn1 {
  const node = parseAt(bytes, 0, bytes.length, 0);
  if (!allowTrailing && node.end !== bytes.length)
    throw new Asn1Error(`unexpected data after byte ${node.end}`);
  return node;
}

/** An AlgorithmIdentifier: OID and its (optional) parameters element. */
export interface AlgorithmIdentifier {
  oid: string;
  params: Asn1 | undefined;
}

export function readAlgorithm(node: Asn1): AlgorithmIdentifier {
  node.expect(TAG.SEQUENCE);
  const kids = node.children();
  return { oid: node.child(0).oid(), params: kids[1] };
}

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

// ---- DER writer -------------------------------------------------------------------------------------------

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

/** Decodes a BMPString's content (UTF-16BE). */
export function decodeBmp(bytes: Uint8Array): string {
  if (bytes.length % 2 !== 0) throw new Asn1Error('BMPString with an odd number of bytes');
  let text = '';
  for (let i = 0; i < bytes.length; i += 2) text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return text;
}
