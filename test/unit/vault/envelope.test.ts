import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newDataKey, openPrivateKey, sealPrivateKey } from '../../../electron/core/vault/envelope';

const secret = new Uint8Array(randomBytes(138));

describe('envelope encryption of private keys', () => {
  it('seals with AES-256-GCM under a 32-byte data key and opens with the same key and identity id', () => {
    const key = newDataKey();
    expect(key).toHaveLength(32);
    const sealed = sealPrivateKey(secret, key, 'id-1');
    expect(Buffer.from(sealed).includes(Buffer.from(secret))).toBe(false);
    expect(openPrivateKey(sealed, key, 'id-1')).toEqual(secret);
  });

  it('a fresh IV each time: the same key sealed twice differs', () => {
    const key = newDataKey();
    expect(sealPrivateKey(secret, key, 'id-1')).not.toEqual(sealPrivateKey(secret, key, 'id-1'));
  });

  it('does not open with another data key, under another identity id (AAD), or after any bit flip', () => {
    const key = newDataKey();
    const sealed = sealPrivateKey(secret, key, 'id-1');
    expect(openPrivateKey(sealed, newDataKey(), 'id-1')).toBeNull();
    expect(openPrivateKey(sealed, key, 'id-2')).toBeNull();
    for (const at of [0, 1, 13, 29, sealed.length - 1]) {
      const flipped = new Uint8Array(sealed);
      flipped[at]! ^= 0x01;
      expect(openPrivateKey(flipped, key, 'id-1'), `bit flip at ${at}`).toBeNull();
    }
    expect(openPrivateKey(sealed.subarray(0, 20), key, 'id-1')).toBeNull();
  });
});
