import { createDecipheriv, createHash } from 'node:crypto';
import { corrupt, passwordRequired, unsupportedAlgorithm, wrongPassword } from './read-errors';
import { traditionalToPkcs8 } from './keys';

/**
 * OpenSSL "traditional" PEM keys: RSA PRIVATE KEY (PKCS#1) and EC PRIVATE KEY (SEC1), optionally encrypted
 * with `Proc-Type: 4,ENCRYPTED` + `DEK-Info: <cipher>,<hex IV>` as `openssl genrsa -des3` writes them.
 * The key is EVP_BytesToKey(MD5, password, salt = first 8 bytes of the IV, 1 iteration).
 */

interface PemCipher {
  node: string;
  keyLength: number;
  ivLength: number;
}

const CIPHERS: Record<string, PemCipher> = {
  'DES-EDE3-CBC': { node: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
  'AES-128-CBC': { node: 'aes-128-cbc', keyLength: 16, ivLength: 16 },
  'AES-192-CBC': { node: 'aes-192-cbc', keyLength: 24, ivLength: 16 },
  'AES-256-CBC': { node: 'aes-256-cbc', keyLength: 32, ivLength: 16 },
};

/** Ciphers OpenSSL can write here but OpenSSL 3 keeps in its legacy provider only. */
const LEGACY = new Set(['DES-CBC', 'DES-EDE-CBC', 'RC2-CBC', 'RC2-40-CBC', 'RC2-64-CBC', 'BF-CBC', 'CAST5-CBC', 'IDEA-CBC', 'SEED-CBC']);

export const isEncryptedTraditional = (headers: Record<string, string>): boolean =>
  /^4,\s*ENCRYPTED$/i.test(headers['Proc-Type'] ?? '');

/** OpenSSL's EVP_BytesToKey with MD5 and one iteration. */
export function bytesToKey(password: Uint8Array, salt: Uint8Array, keyLength: number): Buffer {
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  let total = 0;
  while (total < keyLength) {
    previous = createHash('md5').update(previous).update(password).update(salt).digest();
    blocks.push(previous);
    total += previous.length;
  }
  return Buffer.concat(blocks).subarray(0, keyLength);
}

/**
 * Decrypts (when needed) and converts a traditional key block to PKCS#8 DER.
 * A wrong password shows as bad padding or as decrypted bytes that are not a key: both → WRONG_PASSWORD.
 */
export function readTraditionalKey(
  der: Uint8Array,
  headers: Record<string, string>,
  type: 'pkcs1' | 'sec1',
  password: string | undefined,
  source: string,
): { pkcs8: Uint8Array; wasEncrypted: boolean } {
  if (!isEncryptedTraditional(headers)) return { pkcs8: traditionalToPkcs8(der, type, source), wasEncrypted: false };
  const dekInfo = headers['DEK-Info'];
  if (!dekInfo) throw corrupt(source, 'the encrypted key has no DEK-Info header');
  const [name = '', ivHex = ''] = dekInfo.split(',').map((part) => part.trim());
  const cipherName = name.toUpperCase();
  const cipher = CIPHERS[cipherName];
  if (!cipher) {
    const why = LEGACY.has(cipherName) ? 'the legacy cipher' : 'the cipher';
    throw unsupportedAlgorithm(source, why, cipherName || '(none)');
  }
  if (!new RegExp(`^[0-9A-Fa-f]{${cipher.ivLength * 2}}$`).test(ivHex)) throw corrupt(source, 'the DEK-Info IV is malformed');
  if (der.length === 0 || der.length % 8 !== 0 || (cipher.ivLength === 16 && der.length % 16 !== 0)) {
    throw corrupt(source, 'the encrypted key has a truncated ciphertext');
  }
  if (password === undefined) throw passwordRequired(source);
  const iv = Buffer.from(ivHex, 'hex');
  const key = bytesToKey(Buffer.from(password, 'utf8'), iv.subarray(0, 8), cipher.keyLength);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv(cipher.node, key, iv);
    plain = Buffer.concat([decipher.update(der), decipher.final()]);
  } catch (error) {
    throw wrongPassword(source, error);
  }
  try {
    return { pkcs8: traditionalToPkcs8(new Uint8Array(plain), type, source), wasEncrypted: true };
  } catch (error) {
    throw wrongPassword(source, error);
  }
}
