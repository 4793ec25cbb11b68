import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Envelope encryption of a private key: the PKCS#8 DER is sealed with AES-256-GCM under a random 32-byte data
 * key that lives only in the OS keychain. The identity id is the additional authenticated data, so a sealed key
 * copied into another identity's folder does not open there.
 *
 * key.enc = version (1 byte, 1) ‖ IV (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext
 */
export const DATA_KEY_BYTES = 32;
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export const newDataKey = (): Uint8Array => new Uint8Array(randomBytes(DATA_KEY_BYTES));

export function sealPrivateKey(pkcs8: Uint8Array, dataKey: Uint8Array, identityId: string): Uint8Array {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('a data key is 32 bytes');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(identityId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), ciphertext]));
}

/** The PKCS#8 DER, or null when the sealed key was altered, belongs to another identity, or the data key is wrong. */
export function openPrivateKey(sealed: Uint8Array, dataKey: Uint8Array, identityId: string): Uint8Array | null {
  if (sealed.length <= HEADER_BYTES || sealed[0] !== VERSION || dataKey.length !== DATA_KEY_BYTES) return null;
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, HEADER_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(identityId, 'utf8'));
    decipher.setAuthTag(tag);
    return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]));
  } catch {
    return null;
  }
}

/** Best effort: overwrite key material once it is no longer needed. */
export function wipe(...buffers: (Uint8Array | null | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}
