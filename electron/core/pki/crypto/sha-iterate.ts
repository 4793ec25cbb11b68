/**
 * H^n(x) for SHA-1, SHA-224 and SHA-256: the inner loop of the PKCS#12 KDF (RFC 7292 B.2), where each step
 * hashes the previous 20/28/32-byte digest. One native hash call per step costs ~1 µs of call overhead; a
 * single-block compression in plain TypeScript over preallocated words costs a fraction of that, which makes
 * MAC checks and PBES1 key derivation several times faster. Other digests fall back to node:crypto.
 */
import { hash } from 'node:crypto';

const SHA256_K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const SHA256_IV = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const SHA224_IV = new Int32Array([
  0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
]);

function readWords(bytes: Uint8Array, w: Int32Array, count: number): void {
  for (let i = 0; i < count; i++)
    w[i] = (bytes[4 * i]! << 24) | (bytes[4 * i + 1]! << 16) | (bytes[4 * i + 2]! << 8) | bytes[4 * i + 3]!;
}

function writeWords(w: Int32Array, out: Uint8Array, byteLength: number): void {
  for (let i = 0; i < byteLength; i++) out[i] = w[i >> 2]! >>> (24 - 8 * (i & 3));
}

function sha1Iterate(digest: Uint8Array, extra: number): Uint8Array {
  const w = new Int32Array(80);
  readWords(digest, w, 5);
  for (let n = 0; n < extra; n++) {
    w[5] = 0x80000000 | 0;
    for (let i = 6; i < 15; i++) w[i] = 0;
    w[15] = 160;
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = 0x67452301 | 0;
    let b = 0xefcdab89 | 0;
    let c = 0x98badcfe | 0;
    let d = 0x10325476 | 0;
    let e = 0xc3d2e1f0 | 0;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    w[0] = (a + 0x67452301) | 0;
    w[1] = (b + 0xefcdab89) | 0;
    w[2] = (c + 0x98badcfe) | 0;
    w[3] = (d + 0x10325476) | 0;
    w[4] = (e + 0xc3d2e1f0) | 0;
  }
  const out = new Uint8Array(20);
  writeWords(w, out, 20);
  return out;
}

function sha256Iterate(digest: Uint8Array, extra: number, iv: Int32Array, outLength: number): Uint8Array {
  const w = new Int32Array(64);
  const words = outLength >> 2;
  readWords(digest, w, words);
  for (let n = 0; n < extra; n++) {
    w[words] = 0x80000000 | 0;
    for (let i = words + 1; i < 15; i++) w[i] = 0;
    w[15] = outLength * 8;
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = iv[0]!;
    let b = iv[1]!;
    let c = iv[2]!;
    let d = iv[3]!;
    let e = iv[4]!;
    let f = iv[5]!;
    let g = iv[6]!;
    let h = iv[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + SHA256_K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    w[0] = (a + iv[0]!) | 0;
    w[1] = (b + iv[1]!) | 0;
    w[2] = (c + iv[2]!) | 0;
    w[3] = (d + iv[3]!) | 0;
    w[4] = (e + iv[4]!) | 0;
    w[5] = (f + iv[5]!) | 0;
    w[6] = (g + iv[6]!) | 0;
    w[7] = (h + iv[7]!) | 0;
  }
  const out = new Uint8Array(outLength);
  writeWords(w, out, outLength);
  return out;
}

/** Returns H^(1+extra)(input), i.e. `input` hashed once, then the digest re-hashed `extra` more times. */
export function hashIterate(algorithm: string, input: Uint8Array, extra: number): Uint8Array {
  const first = new Uint8Array(hash(algorithm, input, 'buffer'));
  if (extra <= 0) return first;
  switch (algorithm) {
    case 'sha1':
      return sha1Iterate(first, extra);
    case 'sha256':
      return sha256Iterate(first, extra, SHA256_IV, 32);
    case 'sha224':
      return sha256Iterate(first, extra, SHA224_IV, 28);
    default: {
      let d: Buffer = hash(algorithm, first, 'buffer');
      for (let i = 1; i < extra; i++) d = hash(algorithm, d, 'buffer');
      return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
    }
  }
}
