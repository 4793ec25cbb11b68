/**
 * PBES2 (RFC 8018): PBKDF2 (PRF HMAC-SHA1/224/256/384/512) or scrypt, then AES-128/192/256-CBC, DES-EDE3-CBC,
 * DES-CBC or RC2-CBC. Passwords are UTF-8. Everything but RC2 runs in node:crypto's default provider.
 */
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import { rc2CbcDecrypt, stripPkcs7 } from '../crypto/rc2';
import { DerError, TAG, readAlgorithm, type Asn1 } from '../asn1';
import { derAlgorithm, derOctetString, derSequence, derUint } from '../der-write';
import { HMAC_DIGEST_BY_OID, OID } from './oids';
import type { PasswordCandidate } from './password';
import { checkIterations, unsupportedAlgorithm } from './errors';

interface CipherSpec {
  node: string;
  keyLength: number;
  ivLength: number;
}

const CIPHERS: Readonly<Record<string, CipherSpec>> = {
  [OID.aes128Cbc]: { node: 'aes-128-cbc', keyLength: 16, ivLength: 16 },
  [OID.aes192Cbc]: { node: 'aes-192-cbc', keyLength: 24, ivLength: 16 },
  [OID.aes256Cbc]: { node: 'aes-256-cbc', keyLength: 32, ivLength: 16 },
  [OID.desEde3Cbc]: { node: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
  // single DES as DES-EDE3 with K1=K2=K3: OpenSSL 3's default provider has no DES-CBC
  [OID.desCbc]: { node: 'des-ede3-cbc', keyLength: 8, ivLength: 8 },
};

/** scrypt memory ceiling (128·N·r bytes): above it the parameters are refused rather than exhaust memory. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

export interface Kdf {
  derive(password: Uint8Array, keyLength: number): Uint8Array;
  /** key length stated in the parameters, if any */
  keyLength: number | undefined;
}

export function readKdf(node: Asn1, source: string): Kdf {
  const { oid, params } = readAlgorithm(node);
  if (oid === OID.pbkdf2) {
    if (params === undefined) throw new DerError('missing PBKDF2 parameters');
    const kids = params.expect(TAG.SEQUENCE).children();
    const saltNode = params.child(0);
    if ((saltNode.tag & 0xdf) !== TAG.OCTET_STRING)
      throw unsupportedAlgorithm(source, OID.pbkdf2, 'PBKDF2 salt source');
    const salt = saltNode.octets();
    const iterations = checkIterations(source, params.child(1).uint());
    let keyLength: number | undefined;
    let digest = 'sha1';
    let i = 2;
    if (kids[i]?.tag === TAG.INTEGER) keyLength = kids[i++]!.uint();
    const prfNode = kids[i++];
    if (prfNode !== undefined) {
      const prf = readAlgorithm(prfNode).oid;
      const name = HMAC_DIGEST_BY_OID[prf];
      if (name === undefined) throw unsupportedAlgorithm(source, prf, 'PBKDF2 pseudo-random function');
      digest = name;
    }
    if (i < kids.length) throw new DerError('malformed PBKDF2 parameters');
    return {
      keyLength,
      derive: (password, length) => new Uint8Array(pbkdf2Sync(password, salt, iterations, length, digest)),
    };
  }
  if (oid === OID.scrypt) {
    if (params === undefined) throw new DerError('missing scrypt parameters');
    const kids = params.expect(TAG.SEQUENCE).children();
    if (kids.length < 4 || kids.length > 5) throw new DerError('malformed scrypt parameters');
    const salt = params.child(0).octetString();
    const N = params.child(1).uint();
    const r = params.child(2).uint();
    const p = params.child(3).uint();
    const keyLength = kids[4]?.uint();
    const memory = 128 * N * r + 128 * r * p;
    if (N < 2 || (N & (N - 1)) !== 0 || r < 1 || p < 1 || memory > MAX_SCRYPT_MEMORY || N * r * p > 1 << 30) {
      throw unsupportedAlgorithm(source, OID.scrypt, `scrypt cost (N=${N}, r=${r}, p=${p}) of`);
    }
    return {
      keyLength,
      derive: (password, length) =>
        new Uint8Array(
          scryptSync(password, salt, length, { N, r, p, maxmem: MAX_SCRYPT_MEMORY + 1024 * 1024 }),
        ),
    };
  }
  throw unsupportedAlgorithm(source, oid, 'key derivation function');
}

/** RC2-CBC parameters: SEQUENCE { rc2ParameterVersion INTEGER OPTIONAL, iv OCTET STRING } (RFC 8018 B.2.3). */
function readRc2Params(params: Asn1 | undefined): { bits: number; iv: Uint8Array } {
  if (params === undefined) throw new DerError('missing RC2 parameters');
  const kids = params.expect(TAG.SEQUENCE).children();
  if (kids.length === 1) return { bits: 32, iv: params.child(0).octetString() };
  if (kids.length !== 2) throw new DerError('malformed RC2 parameters');
  const version = params.child(0).uint();
  const known: Record<number, number> = { 160: 40, 120: 64, 58: 128 };
  const bits = known[version] ?? (version >= 256 && version <= 1024 ? version : undefined);
  if (bits === undefined) throw new DerError('unknown RC2 parameter version');
  return { bits, iv: params.child(1).octetString() };
}

/** Decrypts with PBES2. null = bad padding (most likely a wrong password). */
export function pbes2Decrypt(
  params: Asn1 | undefined,
  data: Uint8Array,
  pw: PasswordCandidate,
  source: string,
): Uint8Array | null {
  if (params === undefined) throw new DerError('missing PBES2 parameters');
  params.expect(TAG.SEQUENCE);
  if (params.children().length !== 2) throw new DerError('malformed PBES2 parameters');
  const kdf = readKdf(params.child(0), source);
  const scheme = readAlgorithm(params.child(1));
  if (scheme.oid === OID.rc2Cbc) {
    const { bits, iv } = readRc2Params(scheme.params);
    if (iv.length !== 8) throw new DerError('RC2 IV must be 8 bytes');
    const keyLength = kdf.keyLength ?? 16;
    if (keyLength < 1 || keyLength > 128) throw new DerError('bad RC2 key length');
    return rc2CbcDecrypt(kdf.derive(pw.utf8, keyLength), bits, iv, data);
  }
  const cipher = CIPHERS[scheme.oid];
  if (cipher === undefined) throw unsupportedAlgorithm(source, scheme.oid, 'encryption algorithm');
  if (kdf.keyLength !== undefined && kdf.keyLength !== cipher.keyLength)
    throw new DerError('PBES2 key length does not match the cipher');
  if (scheme.params === undefined) throw new DerError('missing IV');
  const iv = scheme.params.octetString();
  if (iv.length !== cipher.ivLength) throw new DerError('IV of the wrong length');
  if (data.length === 0 || data.length % cipher.ivLength !== 0) return null;
  let key = kdf.derive(pw.utf8, cipher.keyLength);
  if (cipher.keyLength === 8) key = new Uint8Array([...key, ...key, ...key]);
  const decipher = createDecipheriv(cipher.node, key, iv).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);
  return stripPkcs7(new Uint8Array(plain.buffer, plain.byteOffset, plain.byteLength), cipher.ivLength);
}

export interface Pbes2WriteOptions {
  iterations: number;
  /** PBKDF2 PRF digest; default sha256 */
  prf?: 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
  /** default aes-256-cbc */
  cipher?: 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc' | 'des-ede3-cbc';
  saltLength?: number;
}

const PRF_OIDS: Record<NonNullable<Pbes2WriteOptions['prf']>, string> = {
  sha1: OID.hmacWithSHA1,
  sha224: OID.hmacWithSHA224,
  sha256: OID.hmacWithSHA256,
  sha384: OID.hmacWithSHA384,
  sha512: OID.hmacWithSHA512,
};

const CIPHER_OIDS: Record<NonNullable<Pbes2WriteOptions['cipher']>, string> = {
  'aes-128-cbc': OID.aes128Cbc,
  'aes-192-cbc': OID.aes192Cbc,
  'aes-256-cbc': OID.aes256Cbc,
  'des-ede3-cbc': OID.desEde3Cbc,
};

/** Encrypts with PBES2; returns the complete AlgorithmIdentifier and the ciphertext. */
export function pbes2Encrypt(
  data: Uint8Array,
  password: PasswordCandidate,
  options: Pbes2WriteOptions,
): { algorithm: Uint8Array; ciphertext: Uint8Array } {
  const prf = options.prf ?? 'sha256';
  const cipherName = options.cipher ?? 'aes-256-cbc';
  const cipher = CIPHERS[CIPHER_OIDS[cipherName]]!;
  const salt = randomBytes(options.saltLength ?? 16);
  const iv = randomBytes(cipher.ivLength);
  const key = pbkdf2Sync(password.utf8, salt, options.iterations, cipher.keyLength, prf);
  const enc = createCipheriv(cipher.node, key, iv);
  const out = Buffer.concat([enc.update(data), enc.final()]);
  // prf is omitted when it is the default hmacWithSHA1 (DER: DEFAULT values are not encoded)
  const kdfParams = derSequence(
    derOctetString(salt),
    derUint(options.iterations),
    ...(prf === 'sha1' ? [] : [derAlgorithm(PRF_OIDS[prf], new Uint8Array([0x05, 0x00]))]),
  );
  const algorithm = derAlgorithm(
    OID.pbes2,
    derSequence(
      derAlgorithm(OID.pbkdf2, kdfParams),
      derAlgorithm(CIPHER_OIDS[cipherName], derOctetString(iv)),
    ),
  );
  return { algorithm, ciphertext: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) };
}
