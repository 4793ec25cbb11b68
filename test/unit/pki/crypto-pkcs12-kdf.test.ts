import { createHash, hash, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { bmpPassword, pkcs12Kdf } from '../../../electron/core/pki/crypto/pkcs12-kdf';
import type { Pkcs12KdfId } from '../../../electron/core/pki/crypto/pkcs12-kdf';
import { hashIterate } from '../../../electron/core/pki/crypto/sha-iterate';

const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** RFC 7292 B.2 written out literally, with one createHash per step: the reference for every digest. */
function referenceKdf(
  digest: string,
  password: Uint8Array,
  salt: Uint8Array,
  id: number,
  iterations: number,
  n: number,
): Uint8Array {
  const u = createHash(digest).digest().length;
  const v = ['sha384', 'sha512'].includes(digest) ? 128 : 64;
  const fill = (src: Uint8Array) =>
    src.length === 0
      ? new Uint8Array(0)
      : Uint8Array.from({ length: v * Math.ceil(src.length / v) }, (_, i) => src[i % src.length]!);
  const d = new Uint8Array(v).fill(id);
  let i = Buffer.concat([fill(salt), fill(password)]);
  const out: Buffer[] = [];
  for (let produced = 0; produced < n; produced += u) {
    let a = createHash(digest).update(d).update(i).digest();
    for (let r = 1; r < iterations; r++) a = createHash(digest).update(a).digest();
    out.push(a);
    const b = BigInt('0x' + Buffer.from(Array.from({ length: v }, (_, k) => a[k % u]!)).toString('hex'));
    const blocks: Buffer[] = [];
    for (let j = 0; j < i.length; j += v) {
      const sum = (BigInt('0x' + i.subarray(j, j + v).toString('hex')) + b + 1n) % (1n << BigInt(8 * v));
      blocks.push(Buffer.from(sum.toString(16).padStart(2 * v, '0'), 'hex'));
    }
    i = Buffer.concat(blocks);
  }
  return Buffer.concat(out).subarray(0, n);
}

describe('PKCS#12 KDF (RFC 7292 appendix B)', () => {
  it('encodes passwords as BMPString + 00 00, the absent password as zero bytes', () => {
    expect(toHex(bmpPassword('smeg'))).toBe('0073006d006500670000');
    expect(toHex(bmpPassword(''))).toBe('0000');
    expect(toHex(bmpPassword(null))).toBe('');
    expect(toHex(bmpPassword('密码'))).toBe('5bc678010000');
    // beyond the BMP: a surrogate pair, as OpenSSL writes it
    expect(toHex(bmpPassword('🔑'))).toBe('d83ddd110000');
  });

  // Published vectors (Bouncy Castle's PKCS12 KDF tests), SHA-1
  const vectors: [string, string, Pkcs12KdfId, number, string][] = [
    ['smeg', '0a58cf64530d823f', 1, 1, '8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3'],
    ['smeg', '0a58cf64530d823f', 2, 1, '79993dfe048d3b76'],
    ['smeg', '3d83c0e4546ac140', 3, 1, '8d967d88f6caa9d714800ab3d48051d63f73a312'],
    ['queeg', '05dec959acff72f7', 1, 1000, 'ed2034e36328830ff09df1e1a07dd357185dac0d4f9eb3d4'],
    ['queeg', '05dec959acff72f7', 2, 1000, '11dedad7758d4860'],
  ];
  it.each(vectors)('password %s salt %s id %i iterations %i', (password, salt, id, iterations, expected) => {
    const out = pkcs12Kdf(
      'sha1',
      bmpPassword(password),
      Buffer.from(salt, 'hex'),
      id,
      iterations,
      expected.length / 2,
    );
    expect(toHex(out)).toBe(expected);
  });

  it.each(['sha1', 'sha224', 'sha256', 'sha384', 'sha512'])(
    '%s matches the literal reference, incl. multi-block output and long inputs',
    (digest) => {
      for (const [password, saltLength, iterations, n] of [
        [bmpPassword('pässwörd 密码 🔑'), 8, 3, 24],
        [bmpPassword(null), 16, 2, 100],
        [bmpPassword(''), 20, 1, 8],
        [bmpPassword('x'.repeat(70)), 70, 5, 140],
      ] as const) {
        const salt = randomBytes(saltLength);
        for (const id of [1, 2, 3] as const) {
          expect(toHex(pkcs12Kdf(digest, password, salt, id, iterations, n))).toBe(
            toHex(referenceKdf(digest, password, salt, id, iterations, n)),
          );
        }
      }
    },
  );

  it('agrees with node-forge for SHA-1 with 2048 iterations', () => {
    const salt = randomBytes(8);
    const ours = pkcs12Kdf('sha1', bmpPassword('secret'), salt, 1, 2048, 24);
    const theirs = forge.pkcs12.generateKey(
      'secret',
      forge.util.createBuffer(salt.toString('binary')),
      1,
      2048,
      24,
    );
    expect(toHex(ours)).toBe(theirs.toHex());
  });

  it('rejects unknown digests and zero iterations', () => {
    expect(() => pkcs12Kdf('md4', new Uint8Array(2), new Uint8Array(8), 1, 1, 8)).toThrow(RangeError);
    expect(() => pkcs12Kdf('sha1', new Uint8Array(2), new Uint8Array(8), 1, 0, 8)).toThrow(RangeError);
  });
});

describe('hashIterate', () => {
  it.each(['sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'md5'])(
    '%s equals repeated native hashing',
    (digest) => {
      for (const extra of [0, 1, 2, 1000]) {
        const input = randomBytes(77);
        let expected: Buffer = hash(digest, input, 'buffer');
        for (let i = 0; i < extra; i++) expected = hash(digest, expected, 'buffer');
        expect(toHex(hashIterate(digest, input, extra))).toBe(expected.toString('hex'));
      }
    },
  );
});
