import { encryptPrivateKeyInfo } from '../pbe';

/** DER writers: a certificate as is, a key as PKCS#8 or (with a password) EncryptedPrivateKeyInfo. */

export const certificateDer = (der: Uint8Array): Uint8Array => new Uint8Array(der);

export function privateKeyDer(pkcs8: Uint8Array, password: string | undefined): Uint8Array {
  return password === undefined ? new Uint8Array(pkcs8) : encryptPrivateKeyInfo(pkcs8, password, 'aes-256-cbc');
}
