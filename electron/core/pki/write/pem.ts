import { encryptPrivateKeyInfo } from '../pbe';
import { encodePem } from '../pem';

/** PEM writers: certificates in the given order, keys as PKCS#8 (encrypted with PBES2/AES-256 when a password is given). */

export const certificatesPem = (certificates: Uint8Array[]): string => certificates.map((der) => encodePem('CERTIFICATE', der)).join('');

export function privateKeyPem(pkcs8: Uint8Array, password: string | undefined): string {
  if (password === undefined) return encodePem('PRIVATE KEY', pkcs8);
  return encodePem('ENCRYPTED PRIVATE KEY', encryptPrivateKeyInfo(pkcs8, password, 'aes-256-cbc'));
}

export const UNENCRYPTED_KEY_WARNING =
  'the private key is written unencrypted: anyone who can read the file can use it; give an output password to encrypt it';
