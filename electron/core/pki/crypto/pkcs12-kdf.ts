/**
 * The PKCS#12 key derivation function, RFC 7292 appendix B.2: keys (id 1), IVs (id 2) and MAC keys (id 3)
 * for PBES1-PKCS12 and the PFX MAC, from the password as BMPString (UTF-16BE) plus two zero bytes.
 */
import { hashIterate } from './sha-iterate';

export type Pkcs12KdfId = 1 | 2 | 3;
export const PKCS12_KDF_KEY: Pkcs12KdfId = 1;
export const PKCS12_KDF_IV: Pkcs12KdfId = 2;
export const PKCS12_KDF_MAC: Pkcs12KdfId = 3;

/** Digest output size u and block size v (bytes), per node:crypto digest name. */
const DIGESTS: Record<string, { u: number; v: number }> = {
  sha1: { u: 20, v: 64 },
  sha224: { u: 28, v: 64 },
  sha256: { u: 32, v: 64 },
  sha384: { u: 48, v: 128 },
  sha512: { u: 64, v: 128 },
  'sha512-224': { u: 28, v: 128 },
  'sha512-256': { u: 32, v: 128 },
  md5: { u: 16, v: 64 },
};

export function isPkcs12KdfDigest(digest: string): boolean {
  return Object.hasOwn(DIGESTS, digest);
}

/**
 * Password → BMPString bytes as the KDF wants them: UTF-16BE code units (characters beyond the BMP as
 * surrogate pairs, as OpenSSL does) followed by 00 00. `null` is the "absent" empty password: zero bytes.
 * Note '' gives 00 00 — the other encoding of the empty password; readers try both.
 */
export function bmpPassword(password: string | null): Uint8Array {
  if (password === null) return new Uint8Array(0);
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    out[2 * i] = c >>> 8;
    out[2 * i + 1] = c & 0xff;
  }
  return out;
}

/** RFC 7292 B.2 with `digest` ('sha1', 'sha256', …); `password` is already BMP-encoded (see bmpPassword). */
export function pkcs12Kdf(
  digest: string,
  password: Uint8Array,
  salt: Uint8Array,
  id: Pkcs12KdfId,
  iterations: number,
  length: number,
): Uint8Array {
  const params = DIGESTS[digest];
  if (params === undefined) throw new RangeError(`PKCS#12 KDF: unsupported digest ${digest}`);
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new RangeError('PKCS#12 KDF: iterations must be ≥ 1');
  const { u, v } = params;
  const sLen = salt.length === 0 ? 0 : v * Math.ceil(salt.length / v);
  const pLen = password.length === 0 ? 0 : v * Math.ceil(password.length / v);
  // D || I in one buffer: D = v copies of id, I = S || P (salt and password repeated to whole blocks)
  const di = new Uint8Array(v + sLen + pLen);
  di.fill(id, 0, v);
  for (let i = 0; i < sLen; i++) di[v + i] = salt[i % salt.length]!;
  for (let i = 0; i < pLen; i++) di[v + sLen + i] = password[i % password.length]!;
  const out = new Uint8Array(length);
  const b = new Uint8Array(v);
  for (let produced = 0; ;) {
    const a = hashIterate(digest, di, iterations - 1);
    const take = Math.min(u, length - produced);
    out.set(a.subarray(0, take), produced);
    produced += take;
    if (produced >= length) return out;
    for (let i = 0; i < v; i++) b[i] = a[i % u]!;
    // I_j = (I_j + B + 1) mod 2^(8v), for each v-byte block of I
    for (let j = v; j < di.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        carry += di[j + k]! + b[k]!;
        di[j + k] = carry & 0xff;
        carry >>>= 8;
      }
    }
  }
}
