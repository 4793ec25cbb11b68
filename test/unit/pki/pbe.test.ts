import { createPrivateKey, createPublicKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudioError } from '../../../electron/common/errors';
import { decryptPrivateKeyInfo, encryptPrivateKeyInfo } from '../../../electron/core/pki/pbe';
import { derAlgorithm, derOctetString, derSequence, derUint } from '../../../electron/core/pki/der-write';
import { openssl, readBytes } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';

const dir = useTempDir('mtls-pbe-');
const PASSWORD = 'pässwörd 密码';
const LEGACY = ['-provider', 'legacy', '-provider', 'default'];

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof StudioError) return error.code;
    return `untyped: ${String(error)}`;
  }
  return 'no error';
}

/** SPKI DER of a PKCS#8 key, to compare keys independently of their encoding. */
const spkiOf = (pkcs8: Uint8Array) =>
  createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }))
    .export({ format: 'der', type: 'spki' })
    .toString('hex');

const KEYS: Record<string, string[]> = {
  rsa2048: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  p384: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  ed25519: ['-algorithm', 'ED25519'],
};

let reference: Record<string, { pkcs8: Uint8Array; pem: string; spki: string }> = {};

beforeAll(() => {
  reference = {};
  for (const [name, alg] of Object.entries(KEYS)) {
    const pem = join(dir, `${name}.pem`);
    openssl(['genpkey', ...alg, '-out', pem]);
    openssl(['pkcs8', '-topk8', '-nocrypt', '-in', pem, '-outform', 'DER', '-out', join(dir, `${name}.p8`)]);
    openssl(['pkey', '-in', pem, '-pubout', '-outform', 'DER', '-out', join(dir, `${name}.spki`)]);
    reference[name] = {
      pkcs8: readBytes(join(dir, `${name}.p8`)),
      pem,
      spki: Buffer.from(readBytes(join(dir, `${name}.spki`))).toString('hex'),
    };
  }
});

/** `openssl pkcs8 -topk8` with the given scheme options, as DER. */
function opensslEncrypt(key: string, options: string[], password = PASSWORD): Uint8Array {
  const out = join(dir, `enc-${Math.random().toString(36).slice(2)}.der`);
  openssl([
    'pkcs8',
    '-topk8',
    '-in',
    reference[key]!.pem,
    '-outform',
    'DER',
    '-out',
    out,
    '-passout',
    `pass:${password}`,
    ...options,
    ...LEGACY,
  ]);
  return readBytes(out);
}

describe('decryptPrivateKeyInfo: keys encrypted by OpenSSL 3', () => {
  const schemes: [string, string[]][] = [
    ['PBES2 AES-256-CBC, PRF SHA-256 (OpenSSL default)', []],
    ['PBES2 AES-128-CBC, PRF SHA-1', ['-v2', 'aes-128-cbc', '-v2prf', 'hmacWithSHA1']],
    ['PBES2 AES-192-CBC, PRF SHA-512', ['-v2', 'aes-192-cbc', '-v2prf', 'hmacWithSHA512']],
    ['PBES2 AES-256-CBC, PRF SHA-384', ['-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA384']],
    ['PBES2 AES-256-CBC, PRF SHA-224', ['-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA224']],
    ['PBES2 DES-EDE3-CBC', ['-v2', 'des3']],
    ['PBES2 DES-CBC', ['-v2', 'des']],
    ['PBES2 RC2-CBC (128)', ['-v2', 'rc2-cbc']],
    ['PBES2 RC2-40-CBC', ['-v2', 'rc2-40-cbc']],
    ['PBES2 scrypt + AES-256-CBC', ['-scrypt']],
    ['PKCS#12 PBE-SHA1-3DES', ['-v1', 'PBE-SHA1-3DES']],
    ['PKCS#12 PBE-SHA1-2DES', ['-v1', 'PBE-SHA1-2DES']],
    ['PKCS#12 PBE-SHA1-RC2-40', ['-v1', 'PBE-SHA1-RC2-40']],
    ['PKCS#12 PBE-SHA1-RC2-128', ['-v1', 'PBE-SHA1-RC2-128']],
    ['PKCS#12 PBE-SHA1-RC4-128', ['-v1', 'PBE-SHA1-RC4-128']],
    ['PKCS#12 PBE-SHA1-RC4-40', ['-v1', 'PBE-SHA1-RC4-40']],
    ['PKCS#5 v1.5 PBE-MD5-DES', ['-v1', 'PBE-MD5-DES']],
    ['PKCS#5 v1.5 PBE-SHA1-DES', ['-v1', 'PBE-SHA1-DES']],
    ['PKCS#5 v1.5 PBE-SHA1-RC2-64', ['-v1', 'PBE-SHA1-RC2-64']],
    ['PKCS#5 v1.5 PBE-MD5-RC2-64', ['-v1', 'PBE-MD5-RC2-64']],
    ['-iter 1', ['-iter', '1']],
  ];
  it.each(schemes)(
    '%s → byte-identical PKCS#8; wrong/no password → typed errors',
    (_name, options) => {
      for (const key of Object.keys(KEYS)) {
        const encrypted = opensslEncrypt(key, options);
        const pkcs8 = decryptPrivateKeyInfo(encrypted, PASSWORD, 'key.pem');
        expect(Buffer.from(pkcs8).toString('hex')).toBe(Buffer.from(reference[key]!.pkcs8).toString('hex'));
        expect(spkiOf(pkcs8)).toBe(reference[key]!.spki);
      }
      const encrypted = opensslEncrypt('p384', options);
      expect(codeOf(() => decryptPrivateKeyInfo(encrypted, 'Pässwörd 密码', 'key.pem'))).toBe(
        'WRONG_PASSWORD',
      );
      expect(codeOf(() => decryptPrivateKeyInfo(encrypted, undefined, 'key.pem'))).toBe('PASSWORD_REQUIRED');
    },
    60_000,
  );

  it('reads keys encrypted with the empty password without being given one', () => {
    for (const options of [[], ['-v1', 'PBE-SHA1-3DES']]) {
      const encrypted = opensslEncrypt('ed25519', options, '');
      expect(spkiOf(decryptPrivateKeyInfo(encrypted, undefined, 'k.pem'))).toBe(reference.ed25519!.spki);
      expect(spkiOf(decryptPrivateKeyInfo(encrypted, '', 'k.pem'))).toBe(reference.ed25519!.spki);
    }
  });
});

describe('encryptPrivateKeyInfo', () => {
  it.each(['aes-256-cbc', '3des'] as const)(
    '%s: OpenSSL decrypts it to the same key, and so do we',
    (scheme) => {
      for (const key of Object.keys(KEYS)) {
        const encrypted = encryptPrivateKeyInfo(reference[key]!.pkcs8, PASSWORD, scheme);
        expect(
          Buffer.from(decryptPrivateKeyInfo(encrypted, PASSWORD, 'k')).equals(
            Buffer.from(reference[key]!.pkcs8),
          ),
        ).toBe(true);
        const file = join(dir, `ours-${key}-${scheme}.der`);
        writeFileSync(file, encrypted);
        const info = openssl(['asn1parse', '-inform', 'DER', '-in', file]);
        expect(info).toContain(scheme === '3des' ? 'pbeWithSHA1And3-KeyTripleDES-CBC' : 'aes-256-cbc');
        if (scheme !== '3des') expect(info).toContain('hmacWithSHA256');
        openssl([
          'pkey',
          '-inform',
          'DER',
          '-in',
          file,
          '-passin',
          `pass:${PASSWORD}`,
          '-pubout',
          '-outform',
          'DER',
          '-out',
          `${file}.spki`,
        ]);
        expect(Buffer.from(readBytes(`${file}.spki`)).toString('hex')).toBe(reference[key]!.spki);
      }
    },
  );

  it('uses fresh salts and IVs every time', () => {
    const a = encryptPrivateKeyInfo(reference.ed25519!.pkcs8, 'x');
    const b = encryptPrivateKeyInfo(reference.ed25519!.pkcs8, 'x');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});

describe('decryptPrivateKeyInfo: hostile and broken input', () => {
  const sample = () => encryptPrivateKeyInfo(reference.p384!.pkcs8, PASSWORD);

  it('garbage and truncation → CORRUPT_INPUT', () => {
    expect(codeOf(() => decryptPrivateKeyInfo(new Uint8Array([1, 2, 3]), PASSWORD, 'k'))).toBe(
      'CORRUPT_INPUT',
    );
    expect(codeOf(() => decryptPrivateKeyInfo(new Uint8Array(0), PASSWORD, 'k'))).toBe('CORRUPT_INPUT');
    const good = sample();
    for (const cut of [1, 10, 50, good.length - 1])
      expect(codeOf(() => decryptPrivateKeyInfo(good.subarray(0, cut), PASSWORD, 'k'))).toBe('CORRUPT_INPUT');
  });

  it('an unknown scheme → UNSUPPORTED_ALGORITHM naming the OID and the file', () => {
    const bogus = derSequence(derAlgorithm('1.2.3.4.5', derSequence()), derOctetString(new Uint8Array(16)));
    try {
      decryptPrivateKeyInfo(bogus, PASSWORD, 'odd.key');
      expect.fail('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(StudioError);
      expect((error as StudioError).code).toBe('UNSUPPORTED_ALGORITHM');
      expect((error as StudioError).message).toContain('1.2.3.4.5');
      expect((error as StudioError).message).toContain('odd.key');
      expect((error as StudioError).message).not.toContain(PASSWORD);
    }
  });

  it('absurd iteration counts are refused before any work', () => {
    const params = derSequence(derOctetString(new Uint8Array(8)), derUint(50_000_000));
    const bogus = derSequence(
      derAlgorithm('1.2.840.113549.1.12.1.3', params),
      derOctetString(new Uint8Array(16)),
    );
    const start = performance.now();
    expect(codeOf(() => decryptPrivateKeyInfo(bogus, PASSWORD, 'k'))).toBe('CORRUPT_INPUT');
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('MD2-based PKCS#5 schemes are refused by name', () => {
    const bogus = derSequence(
      derAlgorithm('1.2.840.113549.1.5.1', derSequence(derOctetString(new Uint8Array(8)), derUint(1))),
      derOctetString(new Uint8Array(16)),
    );
    expect(codeOf(() => decryptPrivateKeyInfo(bogus, PASSWORD, 'k'))).toBe('UNSUPPORTED_ALGORITHM');
  });
});
