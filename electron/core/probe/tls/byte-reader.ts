/** Bounds-checked reading of TLS presentation-language structures (big-endian, length-prefixed vectors). */

export class TlsDecodeError extends Error {}

export class ByteReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  private need(count: number, what: string): void {
    if (count > this.remaining) throw new TlsDecodeError(`truncated ${what}: need ${count} bytes, ${this.remaining} left`);
  }

  u8(what = 'uint8'): number {
    this.need(1, what);
    return this.bytes[this.offset++]!;
  }

  u16(what = 'uint16'): number {
    this.need(2, what);
    const value = (this.bytes[this.offset]! << 8) | this.bytes[this.offset + 1]!;
    this.offset += 2;
    return value;
  }

  u24(what = 'uint24'): number {
    this.need(3, what);
    const value = (this.bytes[this.offset]! << 16) | (this.bytes[this.offset + 1]! << 8) | this.bytes[this.offset + 2]!;
    this.offset += 3;
    return value;
  }

  take(count: number, what = 'field'): Uint8Array {
    this.need(count, what);
    const slice = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  /** a vector with a 1-, 2- or 3-byte length prefix, returned as a reader over its contents */
  vector(lengthBytes: 1 | 2 | 3, what: string): ByteReader {
    const length = lengthBytes === 1 ? this.u8(what) : lengthBytes === 2 ? this.u16(what) : this.u24(what);
    return new ByteReader(this.take(length, what));
  }

  rest(): Uint8Array {
    return this.take(this.remaining);
  }
}
