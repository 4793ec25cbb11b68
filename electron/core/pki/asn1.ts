/**
 * A tree view over der.ts for the PKCS#8/PKCS#12 structures: navigate by index and tag, reassemble BER
 * constructed strings (NSS, Java and Windows write them), and keep key and certificate bytes exactly as stored.
 * Every malformed input ends in a DerError; public entry points turn it into StudioError('CORRUPT_INPUT').
 */
import { DerError, TAG, decodeOid, decodeSmallInteger, readTlv, type Tlv } from './der';
import { concat } from './der-write';

export { DerError, TAG } from './der';

/** One TLV inside `bytes`, with its children parsed on demand. */
export class Asn1 implements Tlv {
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  /** end of the whole element, after the end-of-contents octets when the length was indefinite */
  readonly end: number;
  private kids: Asn1[] | undefined;

  constructor(
    readonly bytes: Uint8Array,
    tlv: Tlv,
    readonly depth: number,
  ) {
    this.tag = tlv.tag;
    this.start = tlv.start;
    this.contentStart = tlv.contentStart;
    this.contentEnd = tlv.contentEnd;
    this.end = tlv.end;
  }

  get constructed(): boolean {
    return (this.tag & 0x20) !== 0;
  }

  /** The whole encoding (header + content), as a view. */
  get encoded(): Uint8Array {
    return this.bytes.subarray(this.start, this.end);
  }

  /** The content bytes, as a view. */
  get content(): Uint8Array {
    return this.bytes.subarray(this.contentStart, this.contentEnd);
  }

  children(): Asn1[] {
    if (this.kids) return this.kids;
    if (!this.constructed) throw new DerError(`expected a constructed element at byte ${this.start}`);
    const kids: Asn1[] = [];
    for (let at = this.contentStart; at < this.contentEnd; ) {
      const kid = new Asn1(this.bytes, readTlv(this.bytes, at, this.contentEnd, this.depth + 1), this.depth + 1);
      kids.push(kid);
      at = kid.end;
    }
    this.kids = kids;
    return kids;
  }

  child(index: number, tag?: number): Asn1 {
    const kid = this.children()[index];
    if (kid === undefined) throw new DerError(`missing element ${index} in the structure at byte ${this.start}`);
    if (tag !== undefined && kid.tag !== tag) {
      throw new DerError(`unexpected tag 0x${kid.tag.toString(16)} at byte ${kid.start}`);
    }
    return kid;
  }

  expect(tag: number): this {
    if (this.tag !== tag) {
      throw new DerError(
        `unexpected tag 0x${this.tag.toString(16)} at byte ${this.start} (expected 0x${tag.toString(16)})`,
      );
    }
    return this;
  }

  /** The value of any string type; constructed (BER) strings are reassembled. */
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
    if (this.tag !== (TAG.OCTET_STRING | 0x20)) this.expect(TAG.OCTET_STRING);
    return this.octets();
  }

  /** Dotted OBJECT IDENTIFIER. */
  oid(): string {
    return decodeOid(this);
  }

  /** Non-negative INTEGER that fits a safe JS number. */
  uint(): number {
    return decodeSmallInteger(this);
  }
}

/** Parses one element that must span `bytes` exactly (trailing garbage is an error unless allowTrailing). */
export function parseDer(bytes: Uint8Array, allowTrailing = false): Asn1 {
  const node = new Asn1(bytes, readTlv(bytes), 0);
  if (!allowTrailing && node.end !== bytes.length) throw new DerError(`unexpected data after byte ${node.end}`);
  return node;
}

/** An AlgorithmIdentifier: OID and its (optional) parameters element. */
export interface AlgorithmIdentifier {
  oid: string;
  params: Asn1 | undefined;
}

export function readAlgorithm(node: Asn1): AlgorithmIdentifier {
  node.expect(TAG.SEQUENCE);
  return { oid: node.child(0).oid(), params: node.children()[1] };
}

/** Decodes a BMPString's content (UTF-16BE). */
export function decodeBmp(bytes: Uint8Array): string {
  if (bytes.length % 2 !== 0) throw new DerError('BMPString with an odd number of bytes');
  let text = '';
  for (let i = 0; i < bytes.length; i += 2) text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return text;
}
