/**
 * RC2 (RFC 2268) block cipher, CBC mode with PKCS#7 padding.
 * Needed for PKCS#12 files made by OpenSSL 1.x and Windows (pbeWithSHAAnd40BitRC2-CBC certificates): neither
 * OpenSSL 3's default provider nor BoringSSL offers RC2, so it lives here in plain TypeScript.
 */

// prettier-ignore
const PITABLE = new Uint8Array([
  0xd9, 0x78, 0xf9, 0xc4, 0x19, 0xdd, 0xb5, 0xed, 0x28, 0xe9, 0xfd, 0x79, 0x4a, 0xa0, 0xd8, 0x9d,
  0xc6, 0x7e, 0x37, 0x83, 0x2b, 0x76, 0x53, 0x8e, 0x62, 0x4c, 0x64, 0x88, 0x44, 0x8b, 0xfb, 0xa2,
  0x17, 0x9a, 0x59, 0xf5, 0x87, 0xb3, 0x4f, 0x13, 0x61, 0x45, 0x6d, 0x8d, 0x09, 0x81, 0x7d, 0x32,
  0xbd, 0x8f, 0x40, 0xeb, 0x86, 0xb7, 0x7b, 0x0b, 0xf0, 0x95, 0x21, 0x22, 0x5c, 0x6b, 0x4e, 0x82,
  0x54, 0xd6, 0x65, 0x93, 0xce, 0x60, 0xb2, 0x1c, 0x73, 0x56, 0xc0, 0x14, 0xa7, 0x8c, 0xf1, 0xdc,
  0x12, 0x75, 0xca, 0x1f, 0x3b, 0xbe, 0xe4, 0xd1, 0x42, 0x3d, 0xd4, 0x30, 0xa3, 0x3c, 0xb6, 0x26,
  0x6f, 0xbf, 0x0e, 0xda, 0x46, 0x69, 0x07, 0x57, 0x27, 0xf2, 0x1d, 0x9b, 0xbc, 0x94, 0x43, 0x03,
  0xf8, 0x11, 0xc7, 0xf6, 0x90, 0xef, 0x3e, 0xe7, 0x06, 0xc3, 0xd5, 0x2f, 0xc8, 0x66, 0x1e, 0xd7,
  0x08, 0xe8, 0xea, 0xde, 0x80, 0x52, 0xee, 0xf7, 0x84, 0xaa, 0x72, 0xac, 0x35, 0x4d, 0x6a, 0x2a,
  0x96, 0x1a, 0xd2, 0x71, 0x5a, 0x15, 0x49, 0x74, 0x4b, 0x9f, 0xd0, 0x5e, 0x04, 0x18, 0xa4, 0xec,
  0xc2, 0xe0, 0x41, 0x6e, 0x0f, 0x51, 0xcb, 0xcc, 0x24, 0x91, 0xaf, 0x50, 0xa1, 0xf4, 0x70, 0x39,
  0x99, 0x7c, 0x3a, 0x85, 0x23, 0xb8, 0xb4, 0x7a, 0xfc, 0x02, 0x36, 0x5b, 0x25, 0x55, 0x97, 0x31,
  0x2d, 0x5d, 0xfa, 0x98, 0xe3, 0x8a, 0x92, 0xae, 0x05, 0xdf, 0x29, 0x10, 0x67, 0x6c, 0xba, 0xc9,
  0xd3, 0x00, 0xe6, 0xcf, 0xe1, 0x9e, 0xa8, 0x2c, 0x63, 0x16, 0x01, 0x3f, 0x58, 0xe2, 0x89, 0xa9,
  0x0d, 0x38, 0x34, 0x1b, 0xab, 0x33, 0xff, 0xb0, 0xbb, 0x48, 0x0c, 0x5f, 0xb9, 0xb1, 0xcd, 0x2e,
  0xc5, 0xf3, 0xdb, 0x47, 0xe5, 0xa5, 0x9c, 0x77, 0x0a, 0xa6, 0x20, 0x68, 0xfe, 0x7f, 0xc1, 0xad,
]);

/** An expanded RC2 key: 64 16-bit subkeys. */
export class Rc2 {
  private readonly k = new Uint16Array(64);

  /**
   * @param key 1..128 bytes
   * @param effectiveBits the "effective key bits" T1 of RFC 2268 (40 for RC2-40, 128 for RC2-128), 1..1024
   */
  constructor(key: Uint8Array, effectiveBits: number) {
    const t = key.length;
    if (t < 1 || t > 128) throw new RangeError('RC2 key must be 1..128 bytes');
    if (!Number.isInteger(effectiveBits) || effectiveBits < 1 || effectiveBits > 1024)
      throw new RangeError('RC2 effective key bits must be 1..1024');
    const l = new Uint8Array(128);
    l.set(key);
    for (let i = t; i < 128; i++) l[i] = PITABLE[(l[i - 1]! + l[i - t]!) & 0xff]!;
    const t8 = (effectiveBits + 7) >> 3;
    const tm = 0xff >> (8 * t8 - effectiveBits);
    l[128 - t8] = PITABLE[l[128 - t8]! & tm]!;
    for (let i = 127 - t8; i >= 0; i--) l[i] = PITABLE[l[i + 1]! ^ l[i + t8]!]!;
    for (let i = 0; i < 64; i++) this.k[i] = l[2 * i]! | (l[2 * i + 1]! << 8);
  }

  /** Encrypts one 8-byte block of `src` at `at` into `dst` at the same offset. */
  encryptBlock(src: Uint8Array, dst: Uint8Array, at: number): void {
    const k = this.k;
    let r0 = src[at]! | (src[at + 1]! << 8);
    let r1 = src[at + 2]! | (src[at + 3]! << 8);
    let r2 = src[at + 4]! | (src[at + 5]! << 8);
    let r3 = src[at + 6]! | (src[at + 7]! << 8);
    let j = 0;
    for (let round = 0; round < 16; round++) {
      r0 = (r0 + k[j++]! + (r3 & r2) + (~r3 & r1)) & 0xffff;
      r0 = ((r0 << 1) | (r0 >>> 15)) & 0xffff;
      r1 = (r1 + k[j++]! + (r0 & r3) + (~r0 & r2)) & 0xffff;
      r1 = ((r1 << 2) | (r1 >>> 14)) & 0xffff;
      r2 = (r2 + k[j++]! + (r1 & r0) + (~r1 & r3)) & 0xffff;
      r2 = ((r2 << 3) | (r2 >>> 13)) & 0xffff;
      r3 = (r3 + k[j++]! + (r2 & r1) + (~r2 & r0)) & 0xffff;
      r3 = ((r3 << 5) | (r3 >>> 11)) & 0xffff;
      if (round === 4 || round === 10) {
        r0 = (r0 + k[r3 & 63]!) & 0xffff;
        r1 = (r1 + k[r0 & 63]!) & 0xffff;
        r2 = (r2 + k[r1 & 63]!) & 0xffff;
        r3 = (r3 + k[r2 & 63]!) & 0xffff;
      }
    }
    dst[at] = r0;
    dst[at + 1] = r0 >>> 8;
    dst[at + 2] = r1;
    dst[at + 3] = r1 >>> 8;
    dst[at + 4] = r2;
    dst[at + 5] = r2 >>> 8;
    dst[at + 6] = r3;
    dst[at + 7] = r3 >>> 8;
  }

  /** Decrypts one 8-byte block of `src` at `at` into `dst` at the same offset. */
  decryptBlock(src: Uint8Array, dst: Uint8Array, at: number): void {
    const k = this.k;
    let r0 = src[at]! | (src[at + 1]! << 8);
    let r1 = src[at + 2]! | (src[at + 3]! << 8);
    let r2 = src[at + 4]! | (src[at + 5]! << 8);
    let r3 = src[at + 6]! | (src[at + 7]! << 8);
    let j = 63;
    for (let round = 15; round >= 0; round--) {
      r3 = ((r3 >>> 5) | (r3 << 11)) & 0xffff;
      r3 = (r3 - k[j--]! - (r2 & r1) - (~r2 & r0)) & 0xffff;
      r2 = ((r2 >>> 3) | (r2 << 13)) & 0xffff;
      r2 = (r2 - k[j--]! - (r1 & r0) - (~r1 & r3)) & 0xffff;
      r1 = ((r1 >>> 2) | (r1 << 14)) & 0xffff;
      r1 = (r1 - k[j--]! - (r0 & r3) - (~r0 & r2)) & 0xffff;
      r0 = ((r0 >>> 1) | (r0 << 15)) & 0xffff;
      r0 = (r0 - k[j--]! - (r3 & r2) - (~r3 & r1)) & 0xffff;
      if (round === 5 || round === 11) {
        r3 = (r3 - k[r2 & 63]!) & 0xffff;
        r2 = (r2 - k[r1 & 63]!) & 0xffff;
        r1 = (r1 - k[r0 & 63]!) & 0xffff;
        r0 = (r0 - k[r3 & 63]!) & 0xffff;
      }
    }
    dst[at] = r0;
    dst[at + 1] = r0 >>> 8;
    dst[at + 2] = r1;
    dst[at + 3] = r1 >>> 8;
    dst[at + 4] = r2;
    dst[at + 5] = r2 >>> 8;
    dst[at + 6] = r3;
    dst[at + 7] = r3 >>> 8;
  }
}

/** RC2-CBC encryption with PKCS#7 padding. */
export function rc2CbcEncrypt(
  key: Uint8Array,
  effectiveBits: number,
  iv: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  if (iv.length !== 8) throw new RangeError('RC2 IV must be 8 bytes');
  const rc2 = new Rc2(key, effectiveBits);
  const pad = 8 - (plaintext.length % 8);
  const out = new Uint8Array(plaintext.length + pad);
  out.set(plaintext);
  out.fill(pad, plaintext.length);
  let prev = iv;
  let prevAt = 0;
  for (let at = 0; at < out.length; at += 8) {
    for (let i = 0; i < 8; i++) out[at + i]! ^= prev[prevAt + i]!;
    rc2.encryptBlock(out, out, at);
    prev = out;
    prevAt = at;
  }
  return out;
}

/**
 * RC2-CBC decryption. Returns the plaintext without padding, or null when the length or the PKCS#7
 * padding is wrong — which, for password-based encryption, almost always means a wrong password.
 */
export function rc2CbcDecrypt(
  key: Uint8Array,
  effectiveBits: number,
  iv: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array | null {
  if (iv.length !== 8) throw new RangeError('RC2 IV must be 8 bytes');
  if (ciphertext.length === 0 || ciphertext.length % 8 !== 0) return null;
  const rc2 = new Rc2(key, effectiveBits);
  const out = new Uint8Array(ciphertext.length);
  for (let at = 0; at < ciphertext.length; at += 8) {
    rc2.decryptBlock(ciphertext, out, at);
    const prev = at === 0 ? iv : ciphertext;
    const prevAt = at === 0 ? 0 : at - 8;
    for (let i = 0; i < 8; i++) out[at + i]! ^= prev[prevAt + i]!;
  }
  return stripPkcs7(out, 8);
}

/** Removes PKCS#7 padding; null when it is malformed. */
export function stripPkcs7(data: Uint8Array, blockSize: number): Uint8Array | null {
  if (data.length === 0 || data.length % blockSize !== 0) return null;
  const pad = data[data.length - 1]!;
  if (pad < 1 || pad > blockSize) return null;
  let bad = 0;
  for (let i = data.length - pad; i < data.length; i++) bad |= data[i]! ^ pad;
  return bad === 0 ? data.subarray(0, data.length - pad) : null;
}
