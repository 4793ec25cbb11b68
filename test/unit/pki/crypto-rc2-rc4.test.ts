import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Rc2, rc2CbcDecrypt, rc2CbcEncrypt, stripPkcs7 } from '../../../electron/core/pki/crypto/rc2';
import { rc4 } from '../../../electron/core/pki/crypto/rc4';

const hex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** `openssl enc` with the legacy provider, used only as an independent reference for the tests. */
function opensslEnc(
  cipher: string,
  key: Uint8Array,
  iv: Uint8Array | null,
  input: Uint8Array,
  extra: string[] = [],
): Uint8Array {
  const args = [
    'enc',
    `-${cipher}`,
    '-K',
    toHex(key),
    ...(iv ? ['-iv', toHex(iv)] : []),
    ...extra,
    '-provider',
    'legacy',
    '-provider',
    'default',
  ];
  return new Uint8Array(execFileSync('openssl', args, { input }));
}

describe('RC2 (RFC 2268)', () => {
  // RFC 2268 section 5 test vectors: key, effective bits, plaintext, ciphertext
  const vectors: [string, number, string, string][] = [
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88', 64, '0000000000000000', '61a8a244adacccf0'],
    ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
    ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
    [
      '88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e',
      129,
      '0000000000000000',
      '5b78d3a43dfff1f1',
    ],
  ];
  it.each(vectors)(
    'key %s, %i effective bits: encrypts and decrypts the RFC vector',
    (key, bits, plain, cipher) => {
      const rc2 = new Rc2(hex(key), bits);
      const out = new Uint8Array(8);
      rc2.encryptBlock(hex(plain), out, 0);
      expect(toHex(out)).toBe(cipher);
      const back = new Uint8Array(8);
      rc2.decryptBlock(out, back, 0);
      expect(toHex(back)).toBe(plain);
    },
  );

  it('CBC with 40 and 128 effective bits matches openssl enc -rc2-40-cbc / -rc2-cbc', () => {
    for (const [name, keyLength, bits] of [
      ['rc2-40-cbc', 5, 40],
      ['rc2-cbc', 16, 128],
    ] as const) {
      for (const length of [0, 1, 7, 8, 9, 100]) {
        const key = randomBytes(keyLength);
        const iv = randomBytes(8);
        const plain = randomBytes(length);
        const ours = rc2CbcEncrypt(key, bits, iv, plain);
        expect(toHex(ours)).toBe(toHex(opensslEnc(name, key, iv, plain)));
        expect(toHex(rc2CbcDecrypt(key, bits, iv, ours)!)).toBe(toHex(plain));
      }
    }
  });

  it('reports bad padding or length as null instead of throwing', () => {
    const key = randomBytes(16);
    const iv = randomBytes(8);
    const good = rc2CbcEncrypt(key, 128, iv, new Uint8Array(20));
    expect(rc2CbcDecrypt(key, 128, iv, good.subarray(0, 15))).toBeNull();
    expect(rc2CbcDecrypt(key, 128, iv, new Uint8Array(0))).toBeNull();
    let nulls = 0;
    for (let i = 0; i < 50; i++) if (rc2CbcDecrypt(randomBytes(16), 128, iv, good) === null) nulls++;
    expect(nulls).toBeGreaterThan(40);
  });

  it('rejects impossible keys and parameters', () => {
    expect(() => new Rc2(new Uint8Array(0), 40)).toThrow(RangeError);
    expect(() => new Rc2(new Uint8Array(129), 40)).toThrow(RangeError);
    expect(() => new Rc2(new Uint8Array(5), 0)).toThrow(RangeError);
    expect(() => rc2CbcEncrypt(new Uint8Array(5), 40, new Uint8Array(7), new Uint8Array(1))).toThrow(
      RangeError,
    );
  });

  it('strips PKCS#7 padding strictly', () => {
    expect(toHex(stripPkcs7(hex('4142430505050505'), 8)!)).toBe('414243');
    expect(stripPkcs7(hex('4142430505050405'), 8)).toBeNull();
    expect(stripPkcs7(hex('4142434344454600'), 8)).toBeNull();
    expect(stripPkcs7(hex('4142434344454609'), 8)).toBeNull();
    expect(toHex(stripPkcs7(hex('0808080808080808'), 8)!)).toBe('');
  });
});

describe('RC4', () => {
  it('matches the RFC 6229 keystream for 40- and 128-bit keys', () => {
    const zeros = new Uint8Array(16);
    expect(toHex(rc4(hex('0102030405'), zeros))).toBe('b2396305f03dc027ccc3524a0a1118a8');
    expect(toHex(rc4(hex('0102030405060708090a0b0c0d0e0f10'), zeros))).toBe(
      '9ac7cc9a609d1ef7b2932899cde41b97',
    );
  });

  it('matches openssl enc -rc4 and is its own inverse', () => {
    const key = randomBytes(16);
    const plain = randomBytes(333);
    const ours = rc4(key, plain);
    expect(toHex(ours)).toBe(toHex(opensslEnc('rc4', key, null, plain)));
    expect(toHex(rc4(key, ours))).toBe(toHex(plain));
  });
});
