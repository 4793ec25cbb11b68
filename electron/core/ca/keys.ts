import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { StudioError } from '../../common/errors';
import { invalidArgument } from './errors';

/** The key types the CA issues and accepts; ECDSA P-256 is the default (small, fast, accepted everywhere). */
export const KEY_TYPES = ['ec-p256', 'ec-p384', 'rsa-2048', 'rsa-3072', 'rsa-4096'] as const;
export type KeyType = (typeof KEY_TYPES)[number];
export const DEFAULT_KEY_TYPE: KeyType = 'ec-p256';

/** A private key as callers hold it: a node:crypto KeyObject or unencrypted PKCS#8 DER. */
export type PrivateKeyInput = KeyObject | Uint8Array;

/** A key pair with its encodings. `type` is null for keys outside the five we generate (RSA-8192, P-521…). */
export interface KeyMaterial {
  type: KeyType | null;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** unencrypted PKCS#8 PrivateKeyInfo DER: what the vault stores and writePkcs12 takes */
  pkcs8: Uint8Array;
  /** SubjectPublicKeyInfo DER */
  spki: Uint8Array;
}

export interface GeneratedKey extends KeyMaterial {
  type: KeyType;
}

const generate = promisify(generateKeyPair);

export function isKeyType(value: string): value is KeyType {
  return (KEY_TYPES as readonly string[]).includes(value);
}

export function parseKeyType(value: string): KeyType {
  const normalized = value.trim().toLowerCase();
  if (isKeyType(normalized)) return normalized;
  throw invalidArgument('key type', `'${value}' is not one of ${KEY_TYPES.join(', ')}`);
}

/** 'EC P-256', 'RSA 2048', … as users read them. */
export function keyTypeLabel(type: KeyType): string {
  const [family, size] = type.split('-') as [string, string];
  return family === 'ec' ? `EC ${size.toUpperCase().replace('P', 'P-')}` : `RSA ${size}`;
}

/** Generates a key pair of the given type (async: RSA-4096 takes a second and must not block the main process). */
export async function generateKey(type: KeyType = DEFAULT_KEY_TYPE): Promise<GeneratedKey> {
  const keyType = parseKeyType(String(type)); // callers from JS/IPC may pass anything
  const pair = keyType.startsWith('ec-')
    ? await generate('ec', { namedCurve: keyType === 'ec-p256' ? 'P-256' : 'P-384' })
    : await generate('rsa', { modulusLength: Number(keyType.slice(4)), publicExponent: 0x10001 });
  return {
    type: keyType,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    pkcs8: new Uint8Array(pair.privateKey.export({ type: 'pkcs8', format: 'der' })),
    spki: new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' })),
  };
}

const loaded = new WeakMap<Uint8Array, KeyObject>();

/**
 * A KeyObject for a private key given as KeyObject or PKCS#8 DER (loaded once per buffer, so a CA key passed as
 * bytes to a batch of 500 issues is parsed and imported once); INVALID_ARGUMENT naming `what` otherwise.
 */
export function toPrivateKey(input: PrivateKeyInput, what = 'private key'): KeyObject {
  if (input instanceof Uint8Array) {
    const cached = loaded.get(input);
    if (cached) return cached;
    try {
      const key = createPrivateKey({ key: Buffer.from(input), format: 'der', type: 'pkcs8' });
      loaded.set(input, key);
      return key;
    } catch (error) {
      throw new StudioError('INVALID_ARGUMENT', `invalid ${what}: not an unencrypted PKCS#8 private key`, {
        hint: 'Give the key as PKCS#8 DER (decrypt it first if it is encrypted).',
        params: { what },
        cause: error,
      });
    }
  }
  if (input.type !== 'private') throw invalidArgument(what, `expected a private key, got a ${input.type} key`);
  return input;
}

/** A public KeyObject from SPKI DER, a public KeyObject, or a private one (its public half). */
export function toPublicKey(input: KeyObject | Uint8Array): KeyObject {
  if (input instanceof Uint8Array) {
    try {
      return createPublicKey({ key: Buffer.from(input), format: 'der', type: 'spki' });
    } catch (error) {
      throw new StudioError('INVALID_ARGUMENT', 'invalid public key: not a SubjectPublicKeyInfo node:crypto can load', { hint: 'Give the public key as SPKI DER.', cause: error });
    }
  }
  return input.type === 'public' ? input : createPublicKey(input);
}

/** SPKI DER of a public key, or of the public half of a private key. */
export function spkiOf(key: KeyObject): Uint8Array {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
}

/** The KeyType of a key, or null for keys outside the five we issue (RSA-1024, P-521, Ed25519…). */
export function keyTypeOf(key: KeyObject): KeyType | null {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') {
    if (details.namedCurve === 'prime256v1') return 'ec-p256';
    if (details.namedCurve === 'secp384r1') return 'ec-p384';
    return null;
  }
  if (key.asymmetricKeyType === 'rsa') {
    const candidate = `rsa-${details.modulusLength ?? 0}`;
    return isKeyType(candidate) ? candidate : null;
  }
  return null;
}

/** The key pair and encodings of an existing private key (KeyObject or PKCS#8 DER). */
export function keyMaterial(input: PrivateKeyInput, what = 'private key'): KeyMaterial {
  const privateKey = toPrivateKey(input, what);
  const publicKey = createPublicKey(privateKey);
  return {
    type: keyTypeOf(privateKey),
    privateKey,
    publicKey,
    pkcs8: new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' })),
    spki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
  };
}
