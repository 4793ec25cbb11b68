/** Typed errors for every way reading can fail, pairing of several keys, both empty-password encodings. */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudioError } from '../../../electron/common/errors';
import { isPkcs12, readPkcs12, writePkcs12 } from '../../../electron/core/pki/pkcs12';
import { writePkcs12WithCandidate } from '../../../electron/core/pki/pkcs12/write';
import { passwordCandidates } from '../../../electron/core/pki/pbe/password';
import {
  derAlgorithm,
  derExplicit,
  derOctetString,
  derOid,
  derSequence,
  derUint,
} from '../../../electron/core/pki/der-write';
import { parseDer } from '../../../electron/core/pki/asn1';
import { openssl, readBytes } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';

const dir = useTempDir('mtls-p12-errors-');
const PW = 'secret';
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function errorOf(fn: () => unknown): StudioError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StudioError) return error;
    throw new Error(`untyped error: ${String(error)}`, { cause: error });
  }
  throw new Error('no error');
}

const pairs: { pkcs8: Uint8Array; cert: Uint8Array; name: string }[] = [];
let modern: Uint8Array;
let legacy: Uint8Array;

beforeAll(() => {
  for (const name of ['alpha', 'beta']) {
    openssl([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(dir, `${name}.key`),
      '-out',
      join(dir, `${name}.crt`),
      '-subj',
      `/CN=${name}`,
      '-days',
      '30',
    ]);
    openssl([
      'pkcs8',
      '-topk8',
      '-nocrypt',
      '-in',
      join(dir, `${name}.key`),
      '-outform',
      'DER',
      '-out',
      join(dir, `${name}.p8`),
    ]);
    openssl(['x509', '-in', join(dir, `${name}.crt`), '-outform', 'DER', '-out', join(dir, `${name}.der`)]);
    pairs.push({
      name,
      pkcs8: readBytes(join(dir, `${name}.p8`)),
      cert: readBytes(join(dir, `${name}.der`)),
    });
  }
  openssl([
    'pkcs12',
    '-export',
    '-in',
    join(dir, 'alpha.crt'),
    '-inkey',
    join(dir, 'alpha.key'),
    '-out',
    join(dir, 'client.p12'),
    '-passout',
    `pass:${PW}`,
  ]);
  openssl([
    'pkcs12',
    '-export',
    '-legacy',
    '-in',
    join(dir, 'alpha.crt'),
    '-inkey',
    join(dir, 'alpha.key'),
    '-out',
    join(dir, 'legacy.p12'),
    '-passout',
    `pass:${PW}`,
  ]);
  modern = readBytes(join(dir, 'client.p12'));
  legacy = readBytes(join(dir, 'legacy.p12'));
});

describe('password errors', () => {
  it('no password, and the empty password does not verify → PASSWORD_REQUIRED with a hint', () => {
    for (const file of [modern, legacy]) {
      const error = errorOf(() => readPkcs12(file, undefined, 'client.p12'));
      expect(error.code).toBe('PASSWORD_REQUIRED');
      expect(error.message).toBe("'client.p12' is protected by a password");
      expect(error.hint).toMatch(/--password-env|--password-file/);
      expect(errorOf(() => readPkcs12(file, '', 'client.p12')).code).toBe('PASSWORD_REQUIRED');
    }
  });

  it('a wrong password → WRONG_PASSWORD, and the message never contains the password', () => {
    for (const file of [modern, legacy]) {
      const error = errorOf(() => readPkcs12(file, 'hunter2-wrong', 'client.p12'));
      expect(error.code).toBe('WRONG_PASSWORD');
      expect(error.message).toBe("cannot read 'client.p12': wrong password");
      expect(error.hint).toBeTruthy();
      expect(JSON.stringify(error.toDto())).not.toContain('hunter2');
    }
  });

  it('without a MAC, a wrong password is detected by padding/structure → WRONG_PASSWORD', () => {
    openssl([
      'pkcs12',
      '-export',
      '-nomac',
      '-in',
      join(dir, 'alpha.crt'),
      '-inkey',
      join(dir, 'alpha.key'),
      '-out',
      join(dir, 'nomac.p12'),
      '-passout',
      `pass:${PW}`,
      '-keypbe',
      'PBE-SHA1-RC4-128',
      '-certpbe',
      'PBE-SHA1-RC4-40',
      '-provider',
      'legacy',
      '-provider',
      'default',
    ]);
    const file = readBytes(join(dir, 'nomac.p12'));
    expect(readPkcs12(file, PW, 'n.p12').privateKeys).toHaveLength(1);
    expect(errorOf(() => readPkcs12(file, 'wrong', 'n.p12')).code).toBe('WRONG_PASSWORD');
    expect(errorOf(() => readPkcs12(file, undefined, 'n.p12')).code).toBe('PASSWORD_REQUIRED');
  });
});

describe('empty password, both encodings', () => {
  it.each(['modern', 'compat'] as const)(
    '%s: written as zero bytes or as 00 00, read with undefined and with ""',
    (profile) => {
      const [absent, zeroZero] = passwordCandidates(undefined);
      for (const candidate of [absent!, zeroZero!]) {
        const file = writePkcs12WithCandidate(
          { key: { pkcs8: pairs[0]!.pkcs8 }, certificates: [{ der: pairs[0]!.cert }], password: '', profile },
          candidate,
        );
        for (const password of [undefined, '']) {
          const content = readPkcs12(file, password, 'e.p12');
          expect(hex(content.privateKeys[0]!.pkcs8)).toBe(hex(pairs[0]!.pkcs8));
        }
        expect(errorOf(() => readPkcs12(file, 'x', 'e.p12')).code).toBe('WRONG_PASSWORD');
        // OpenSSL agrees with both encodings
        const path = join(dir, `empty-${profile}-${candidate.bmp.length}.p12`);
        writeFileSync(path, file);
        expect(openssl(['pkcs12', '-in', path, '-passin', 'pass:', '-nodes', '-nocerts'])).toContain(
          'PRIVATE KEY',
        );
      }
    },
  );
});

describe('several keys and certificates', () => {
  it('pairs each key with its certificate by localKeyId (file built from two single-key files)', () => {
    // Our writer pairs one key; build a two-identity file by merging the SafeContents of two files' authSafes.
    const parts = pairs.map((p) =>
      writePkcs12({
        key: { pkcs8: p.pkcs8, friendlyName: p.name },
        certificates: [{ der: p.cert }],
        password: PW,
        profile: 'compat',
        iterations: 1,
      }),
    );
    const single = parts.map((bytes) => readPkcs12(bytes, PW, 's.p12'));
    expect(single.map((s) => s.privateKeys.length)).toEqual([1, 1]);
    const merged = mergePfx(parts);
    const content = readPkcs12(merged, PW, 'two.p12');
    expect(content.certificates).toHaveLength(2);
    expect(content.privateKeys).toHaveLength(2);
    for (const key of content.privateKeys) {
      const cert = content.certificates.find((c) => hex(c.localKeyId!) === hex(key.localKeyId!))!;
      const pair = pairs.find((p) => p.name === key.friendlyName)!;
      expect(hex(key.pkcs8)).toBe(hex(pair.pkcs8));
      expect(hex(cert.der)).toBe(hex(pair.cert));
      expect(hex(key.localKeyId!)).toBe(createHash('sha1').update(pair.cert).digest('hex'));
    }
  });
});

/** One no-MAC PFX whose AuthenticatedSafe holds the (still encrypted) ContentInfos of several PFX files. */
function mergePfx(files: Uint8Array[]): Uint8Array {
  const infos: Uint8Array[] = [];
  for (const file of files) {
    const authSafe = parseDer(file).child(1).child(1).child(0).octetString();
    for (const info of parseDer(authSafe).children()) infos.push(info.encoded);
  }
  const authSafe = derSequence(...infos);
  return derSequence(
    derUint(3),
    derSequence(derOid('1.2.840.113549.1.7.1'), derExplicit(0, derOctetString(authSafe))),
  );
}

describe('corrupt and unsupported input', () => {
  it('garbage, empty and truncated input → CORRUPT_INPUT (never an untyped error)', () => {
    expect(errorOf(() => readPkcs12(new Uint8Array(0), PW, 'c.p12')).code).toBe('CORRUPT_INPUT');
    expect(
      errorOf(() => readPkcs12(new TextEncoder().encode('-----BEGIN CERTIFICATE-----'), PW, 'c.p12')).code,
    ).toBe('CORRUPT_INPUT');
    for (const file of [modern, legacy]) {
      for (let cut = 1; cut < file.length; cut += 37) {
        const code = errorOf(() => readPkcs12(file.subarray(0, cut), PW, 'c.p12')).code;
        expect(['CORRUPT_INPUT', 'WRONG_PASSWORD']).toContain(code);
      }
    }
  });

  it('a flipped bit in the authenticated data fails the MAC', () => {
    const copy = new Uint8Array(modern);
    copy[200]! ^= 1;
    expect(['WRONG_PASSWORD', 'CORRUPT_INPUT']).toContain(errorOf(() => readPkcs12(copy, PW, 'c.p12')).code);
  });

  it('signedData (public-key integrity) and envelopedData → UNSUPPORTED_ALGORITHM naming the OID', () => {
    const signed = derSequence(
      derUint(3),
      derSequence(derOid('1.2.840.113549.1.7.2'), derExplicit(0, derSequence())),
    );
    const error = errorOf(() => readPkcs12(signed, PW, 'signed.p12'));
    expect(error.code).toBe('UNSUPPORTED_ALGORITHM');
    expect(error.message).toContain('1.2.840.113549.1.7.2');
    expect(error.message).toContain('signed.p12');
    const enveloped = derSequence(
      derUint(3),
      derSequence(
        derOid('1.2.840.113549.1.7.1'),
        derExplicit(
          0,
          derOctetString(
            derSequence(derSequence(derOid('1.2.840.113549.1.7.3'), derExplicit(0, derSequence()))),
          ),
        ),
      ),
    );
    expect(errorOf(() => readPkcs12(enveloped, PW, 'e.p12')).message).toContain('1.2.840.113549.1.7.3');
  });

  it('an unknown MAC digest and unknown encryption OIDs → UNSUPPORTED_ALGORITHM', () => {
    const authSafe = derSequence();
    const mac = derSequence(
      derSequence(derAlgorithm('1.2.840.113549.2.2'), derOctetString(new Uint8Array(16))),
      derOctetString(new Uint8Array(8)),
      derUint(1),
    );
    const pfx = derSequence(
      derUint(3),
      derSequence(derOid('1.2.840.113549.1.7.1'), derExplicit(0, derOctetString(authSafe))),
      mac,
    );
    expect(errorOf(() => readPkcs12(pfx, PW, 'm.p12')).message).toContain('1.2.840.113549.2.2');
    const encrypted = derSequence(
      derOid('1.2.840.113549.1.7.6'),
      derExplicit(
        0,
        derSequence(
          derUint(0),
          derSequence(
            derOid('1.2.840.113549.1.7.1'),
            derAlgorithm('1.2.3.4.99', derSequence()),
            new Uint8Array([0x80, 8, 1, 2, 3, 4, 5, 6, 7, 8]),
          ),
        ),
      ),
    );
    const pfx2 = derSequence(
      derUint(3),
      derSequence(derOid('1.2.840.113549.1.7.1'), derExplicit(0, derOctetString(derSequence(encrypted)))),
    );
    const error = errorOf(() => readPkcs12(pfx2, PW, 'x.p12'));
    expect(error.code).toBe('UNSUPPORTED_ALGORITHM');
    expect(error.params).toMatchObject({ oid: '1.2.3.4.99', file: 'x.p12' });
  });

  it('a MAC iteration count above 10,000,000 is refused at once', () => {
    const mac = derSequence(
      derSequence(derAlgorithm('1.3.14.3.2.26'), derOctetString(new Uint8Array(20))),
      derOctetString(new Uint8Array(8)),
      derUint(2_000_000_000),
    );
    const pfx = derSequence(
      derUint(3),
      derSequence(derOid('1.2.840.113549.1.7.1'), derExplicit(0, derOctetString(derSequence()))),
      mac,
    );
    const start = performance.now();
    expect(errorOf(() => readPkcs12(pfx, PW, 'i.p12')).code).toBe('CORRUPT_INPUT');
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('version other than 3 → UNSUPPORTED_FORMAT', () => {
    const pfx = derSequence(
      derUint(2),
      derSequence(derOid('1.2.840.113549.1.7.1'), derExplicit(0, derOctetString(derSequence()))),
    );
    expect(errorOf(() => readPkcs12(pfx, PW, 'v.p12')).code).toBe('UNSUPPORTED_FORMAT');
  });
});

describe('isPkcs12', () => {
  it('recognises PFX files and nothing else', () => {
    expect(isPkcs12(modern)).toBe(true);
    expect(isPkcs12(legacy)).toBe(true);
    expect(isPkcs12(pairs[0]!.cert)).toBe(false);
    expect(isPkcs12(pairs[0]!.pkcs8)).toBe(false);
    expect(isPkcs12(new Uint8Array(0))).toBe(false);
    expect(isPkcs12(modern.subarray(0, 10))).toBe(false);
  });
});
