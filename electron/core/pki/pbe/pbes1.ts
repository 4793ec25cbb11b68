/**
 * PBES1: the PKCS#12 schemes (RFC 7292 appendix C, key/IV from the PKCS#12 KDF with SHA-1 over the BMPString
 * password) and the PKCS#5 v1.5 schemes (PBKDF1 with MD5/SHA-1, DES or RC2). 3DES and DES run in node:crypto
 * (single DES as DES-EDE3 with K1=K2=K3, since OpenSSL 3's default provider has no DES-CBC); RC2 and RC4 are
 * our own modules.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { rc2CbcDecrypt, rc2CbcEncrypt, stripPkcs7 } from '../crypto/rc2';
import { rc4 } from '../crypto/rc4';
import { PKCS12_KDF_IV, PKCS12_KDF_KEY, pkcs12Kdf } from '../crypto/pkcs12-kdf';
import { hashIterate } from '../crypto/sha-iterate';
import { DerError, TAG, type Asn1 } from '../asn1';
import { derOctetString, derSequence, derUint } from '../der-write';
import { OID } from './oids';
import type { PasswordCandidate } from './password';
import { checkIterations, unsupportedAlgorithm } from './errors';

type Cipher =
  | { kind: '3des'; keyLength: 24 | 16 }
  | { kind: 'rc2'; keyLength: number; bits: number }
  | { kind: 'rc4'; keyLength: number }
  | { kind: 'des' };

const PKCS12_SCHEMES: Readonly<Record<string, Cipher>> = {
  [OID.pbeWithSHAAnd128BitRC4]: { kind: 'rc4', keyLength: 16 },
  [OID.pbeWithSHAAnd40BitRC4]: { kind: 'rc4', keyLength: 5 },
  [OID.pbeWithSHAAnd3KeyTripleDES]: { kind: '3des', keyLength: 24 },
  [OID.pbeWithSHAAnd2KeyTripleDES]: { kind: '3des', keyLength: 16 },
  [OID.pbeWithSHAAnd128BitRC2]: { kind: 'rc2', keyLength: 16, bits: 128 },
  [OID.pbeWithSHAAnd40BitRC2]: { kind: 'rc2', keyLength: 5, bits: 40 },
};

const PKCS5_SCHEMES: Readonly<Record<string, { digest: string; cipher: Cipher }>> = {
  [OID.pbeWithMD5AndDES]: { digest: 'md5', cipher: { kind: 'des' } },
  [OID.pbeWithSHA1AndDES]: { digest: 'sha1', cipher: { kind: 'des' } },
  [OID.pbeWithMD5AndRC2]: { digest: 'md5', cipher: { kind: 'rc2', keyLength: 8, bits: 64 } },
  [OID.pbeWithSHA1AndRC2]: { digest: 'sha1', cipher: { kind: 'rc2', keyLength: 8, bits: 64 } },
};

export const isPkcs12Pbe = (oid: string): boolean => Object.hasOwn(PKCS12_SCHEMES, oid);
export const isPkcs5Pbes1 = (oid: string): boolean =>
  Object.hasOwn(PKCS5_SCHEMES, oid) || oid === OID.pbeWithMD2AndDES || oid === OID.pbeWithMD2AndRC2;

/** pkcs-12PbeParams / PBEParameter: SEQUENCE { salt OCTET STRING, iterations INTEGER } */
function readParams(params: Asn1 | undefined, source: string): { salt: Uint8Array; iterations: number } {
  if (params === undefined) throw new DerError('missing PBE parameters');
  params.expect(TAG.SEQUENCE);
  if (params.children().length !== 2) throw new DerError('malformed PBE parameters');
  const salt = params.child(0).octetString();
  const iterations = checkIterations(source, params.child(1).uint());
  if (salt.length > 1024) throw new DerError('PBE salt too long');
  return { salt, iterations };
}

function blockDecrypt(
  algorithm: string,
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  blockSize: number,
): Uint8Array | null {
  if (data.length === 0 || data.length % blockSize !== 0) return null;
  const decipher = createDecipheriv(algorithm, key, iv).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);
  return stripPkcs7(new Uint8Array(plain.buffer, plain.byteOffset, plain.byteLength), blockSize);
}

function blockEncrypt(algorithm: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const cipher = createCipheriv(algorithm, key, iv);
  const out = Buffer.concat([cipher.update(data), cipher.final()]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** 24-byte DES-EDE3 key: 3-key as is, 2-key as K1 K2 K1, single DES as K K K. */
function tripleKey(key: Uint8Array): Uint8Array {
  if (key.length === 24) return key;
  const out = new Uint8Array(24);
  out.set(key.subarray(0, 8), 0);
  out.set(key.length === 16 ? key.subarray(8, 16) : key.subarray(0, 8), 8);
  out.set(key.subarray(0, 8), 16);
  return out;
}

function run(
  cipher: Cipher,
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  encrypt: boolean,
): Uint8Array | null {
  switch (cipher.kind) {
    case 'rc4':
      return rc4(key, data);
    case 'rc2':
      return encrypt ? rc2CbcEncrypt(key, cipher.bits, iv, data) : rc2CbcDecrypt(key, cipher.bits, iv, data);
    case '3des':
    case 'des':
      return encrypt
        ? blockEncrypt('des-ede3-cbc', tripleKey(key), iv, data)
        : blockDecrypt('des-ede3-cbc', tripleKey(key), iv, data, 8);
  }
}

function pkcs12KeyIv(
  cipher: Cipher,
  pw: PasswordCandidate,
  salt: Uint8Array,
  iterations: number,
): { key: Uint8Array; iv: Uint8Array } {
  const keyLength = cipher.kind === 'des' ? 8 : cipher.keyLength;
  const key = pkcs12Kdf('sha1', pw.bmp, salt, PKCS12_KDF_KEY, iterations, keyLength);
  const iv =
    cipher.kind === 'rc4' ? new Uint8Array(0) : pkcs12Kdf('sha1', pw.bmp, salt, PKCS12_KDF_IV, iterations, 8);
  return { key, iv };
}

/** Decrypts with a PKCS#12 or PKCS#5 v1.5 PBES1 scheme. null = bad padding (most likely a wrong password). */
export function pbes1Decrypt(
  oid: string,
  params: Asn1 | undefined,
  data: Uint8Array,
  pw: PasswordCandidate,
  source: string,
): Uint8Array | null {
  const pkcs12 = PKCS12_SCHEMES[oid];
  if (pkcs12 !== undefined) {
    const { salt, iterations } = readParams(params, source);
    const { key, iv } = pkcs12KeyIv(pkcs12, pw, salt, iterations);
    return run(pkcs12, key, iv, data, false);
  }
  const pkcs5 = PKCS5_SCHEMES[oid];
  if (pkcs5 === undefined) throw unsupportedAlgorithm(source, oid, 'encryption algorithm');
  const { salt, iterations } = readParams(params, source);
  if (salt.length !== 8) throw new DerError('PKCS#5 v1.5 salt must be 8 bytes');
  // PBKDF1: T = H^c(P || S); key = T[0..8), IV = T[8..16)
  const input = new Uint8Array(pw.utf8.length + salt.length);
  input.set(pw.utf8);
  input.set(salt, pw.utf8.length);
  const t = hashIterate(pkcs5.digest, input, iterations - 1);
  return run(pkcs5.cipher, t.subarray(0, 8), t.subarray(8, 16), data, false);
}

export type Pkcs12PbeWriteScheme = typeof OID.pbeWithSHAAnd3KeyTripleDES | typeof OID.pbeWithSHAAnd40BitRC2;

/** Encrypts with pbeWithSHAAnd3-KeyTripleDES-CBC or pbeWithSHAAnd40BitRC2-CBC; returns AlgorithmIdentifier params and ciphertext. */
export function pbes1Encrypt(
  oid: Pkcs12PbeWriteScheme,
  data: Uint8Array,
  pw: PasswordCandidate,
  salt: Uint8Array,
  iterations: number,
): { params: Uint8Array; ciphertext: Uint8Array } {
  const cipher = PKCS12_SCHEMES[oid]!;
  const { key, iv } = pkcs12KeyIv(cipher, pw, salt, iterations);
  return {
    params: derSequence(derOctetString(salt), derUint(iterations)),
    ciphertext: run(cipher, key, iv, data, true)!,
  };
}
