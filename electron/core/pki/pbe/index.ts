// INTERFACE ONLY — being implemented by the PKCS#12/PBE work; bodies are replaced there.
import { StudioError } from '../../../common/errors';

export type Pkcs8EncryptionScheme = 'aes-256-cbc' | '3des';

/** EncryptedPrivateKeyInfo DER → unencrypted PKCS#8 PrivateKeyInfo DER. */
export function decryptPrivateKeyInfo(_encrypted: Uint8Array, _password: string | undefined, source: string): Uint8Array {
  throw new StudioError('UNSUPPORTED_ALGORITHM', `cannot read '${source}': encrypted keys are not readable yet`);
}

/** PKCS#8 PrivateKeyInfo DER → EncryptedPrivateKeyInfo DER (PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC by default). */
export function encryptPrivateKeyInfo(_pkcs8: Uint8Array, _password: string, _scheme: Pkcs8EncryptionScheme = 'aes-256-cbc'): Uint8Array {
  throw new StudioError('UNSUPPORTED_ALGORITHM', 'encrypting keys is not available yet');
}
