/**
 * What we write is accepted by OpenSSL (modern without -legacy), Java keytool, NSS pk12util and Node's TLS
 * stack, and reads back byte-identical — for every key type and both profiles.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPkcs12, writePkcs12 } from '../../../electron/core/pki/pkcs12';
import type { Pkcs12WriteOptions } from '../../../electron/core/pki/pkcs12';
import { openssl, opensslFingerprint, readBytes } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';

const dir = useTempDir('mtls-p12-write-');
const PW = 'Pässwort 密码';
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Material {
  name: string;
  pkcs8: Uint8Array;
  leaf: Uint8Array;
  ca: Uint8Array;
  leafFp: string;
  caFp: string;
  spki: string;
  edwards: boolean;
}

const KEY_TYPES: [string, string[]][] = [
  ['rsa1024', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']],
  ['rsa2048', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']],
  ['rsa4096', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096']],
  ['p256', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']],
  ['p384', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']],
  ['p521', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521']],
  ['ed25519', ['-algorithm', 'ED25519']],
  ['ed448', ['-algorithm', 'ED448']],
];
const materials: Material[] = [];

beforeAll(() => {
  const f = (n: string) => join(dir, n);
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f('ca.key')]);
  openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    f('ca.key'),
    '-subj',
    '/CN=Write Test CA',
    '-days',
    '30',
    '-out',
    f('ca.crt'),
    '-outform',
    'PEM',
  ]);
  for (const [name, alg] of KEY_TYPES) {
    openssl(['genpkey', ...alg, '-out', f(`${name}.key`)]);
    openssl([
      'req',
      '-new',
      '-key',
      f(`${name}.key`),
      '-subj',
      `/CN=${name} client/O=测试`,
      '-utf8',
      '-out',
      f(`${name}.csr`),
    ]);
    openssl([
      'x509',
      '-req',
      '-in',
      f(`${name}.csr`),
      '-CA',
      f('ca.crt'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '30',
      '-out',
      f(`${name}.crt`),
    ]);
    openssl(['x509', '-in', f(`${name}.crt`), '-outform', 'DER', '-out', f(`${name}.der`)]);
    openssl(['x509', '-in', f('ca.crt'), '-outform', 'DER', '-out', f('ca.der')]);
    openssl([
      'pkcs8',
      '-topk8',
      '-nocrypt',
      '-in',
      f(`${name}.key`),
      '-outform',
      'DER',
      '-out',
      f(`${name}.p8`),
    ]);
    openssl(['pkey', '-in', f(`${name}.key`), '-pubout', '-outform', 'DER', '-out', f(`${name}.spki`)]);
    materials.push({
      name,
      pkcs8: readBytes(f(`${name}.p8`)),
      leaf: readBytes(f(`${name}.der`)),
      ca: readBytes(f('ca.der')),
      leafFp: opensslFingerprint(f(`${name}.crt`)),
      caFp: opensslFingerprint(f('ca.crt')),
      spki: hex(readBytes(f(`${name}.spki`))),
      edwards: name.startsWith('ed'),
    });
  }
}, 120_000);

type Variant = {
  label: string;
  profile: Pkcs12WriteOptions['profile'];
  compatCertCipher?: '3des' | 'rc2-40';
  legacy: boolean;
};
const VARIANTS: Variant[] = [
  { label: 'modern', profile: 'modern', legacy: false },
  { label: 'compat 3des', profile: 'compat', compatCertCipher: '3des', legacy: false },
  { label: 'compat rc2-40', profile: 'compat', compatCertCipher: 'rc2-40', legacy: true },
];

function write(m: Material, v: Variant, password = PW): string {
  const bytes = writePkcs12({
    key: { pkcs8: m.pkcs8 },
    certificates: [
      { der: m.leaf, friendlyName: `${m.name} 客户端 🔑` },
      { der: m.ca, friendlyName: 'Write Test CA' },
    ],
    password,
    profile: v.profile,
    ...(v.compatCertCipher ? { compatCertCipher: v.compatCertCipher } : {}),
  });
  const file = join(dir, `${m.name}-${v.label.replace(/\W/g, '_')}.p12`);
  writeFileSync(file, bytes);
  return file;
}

describe.each(VARIANTS)('writePkcs12 $label', (variant) => {
  it('round trip: byte-identical PKCS#8 and certificates, friendlyName and localKeyId', () => {
    for (const m of materials) {
      const content = readPkcs12(readBytes(write(m, variant)), PW, 'out.p12');
      expect(content.certificates.map((c) => hex(c.der))).toEqual([hex(m.leaf), hex(m.ca)]);
      expect(content.privateKeys.map((k) => hex(k.pkcs8))).toEqual([hex(m.pkcs8)]);
      const key = content.privateKeys[0]!;
      expect(key.friendlyName).toBe(`${m.name} 客户端 🔑`);
      expect(content.certificates[0]!.friendlyName).toBe(`${m.name} 客户端 🔑`);
      expect(content.certificates[1]!.friendlyName).toBe('Write Test CA');
      expect(hex(key.localKeyId!)).toBe(createHash('sha1').update(m.leaf).digest('hex'));
      expect(hex(content.certificates[0]!.localKeyId!)).toBe(hex(key.localKeyId!));
      expect(content.certificates[1]!.localKeyId).toBeUndefined();
    }
  });

  it(`openssl pkcs12 -info accepts it${variant.legacy ? ' (with -legacy)' : ' without -legacy'}; -nodes gives back the same key and certificate`, () => {
    for (const m of materials) {
      const file = write(m, variant);
      const legacy = variant.legacy ? ['-legacy'] : [];
      const info = execFileSync(
        'sh',
        ['-c', `openssl pkcs12 -info -noout -in '${file}' -passin 'pass:${PW}' ${legacy.join(' ')} 2>&1`],
        { encoding: 'utf8' },
      );
      expect(info).toContain(variant.profile === 'modern' ? 'MAC: sha256' : 'MAC: sha1');
      expect(info).toContain(
        variant.profile === 'modern' ? 'PBES2, PBKDF2, AES-256-CBC' : 'pbeWithSHA1And3-KeyTripleDES-CBC',
      );
      if (variant.compatCertCipher === 'rc2-40') expect(info).toContain('pbeWithSHA1And40BitRC2-CBC');
      const pem = join(dir, `${m.name}-nodes.pem`);
      openssl(['pkcs12', '-in', file, '-passin', `pass:${PW}`, '-nodes', '-clcerts', '-out', pem, ...legacy]);
      expect(opensslFingerprint(pem)).toBe(m.leafFp);
      expect(
        hex(
          new Uint8Array(
            execFileSync('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', pem, '-outform', 'DER']),
          ),
        ),
      ).toBe(hex(m.pkcs8));
    }
  }, 60_000);

  it('Java keytool -list sees one PrivateKeyEntry named by the friendlyName, with the leaf fingerprint', () => {
    // an ASCII store password: keytool decodes non-ASCII argv/env/file passwords with the platform charset, which
    // fails for OpenSSL-made files just the same
    for (const m of materials) {
      const out = execFileSync(
        'keytool',
        [
          '-list',
          '-storetype',
          'PKCS12',
          '-keystore',
          write(m, variant, 'changeit'),
          '-storepass',
          'changeit',
        ],
        { encoding: 'utf8' },
      );
      expect(out).toContain('Your keystore contains 1 entry');
      expect(out).toContain('PrivateKeyEntry');
      expect(out).toContain(`${m.name} `);
      expect(out.replace(/:/g, '').toLowerCase()).toContain(m.leafFp);
    }
  }, 120_000);

  it('NSS pk12util imports it into a fresh database and certutil lists it (RSA/EC; NSS imports no EdDSA keys from any tool)', () => {
    for (const m of materials.filter((x) => !x.edwards)) {
      const db = join(dir, `nss-${m.name}-${variant.label.replace(/\W/g, '_')}`);
      mkdirSync(db);
      execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${db}`]);
      execFileSync('pk12util', ['-i', write(m, variant), '-d', `sql:${db}`, '-W', PW], { stdio: 'pipe' });
      const list = execFileSync('certutil', ['-L', '-d', `sql:${db}`], { encoding: 'utf8' });
      expect(list).toContain(`${m.name} 客户端 🔑`);
      const pem = execFileSync('certutil', ['-L', '-d', `sql:${db}`, '-n', `${m.name} 客户端 🔑`, '-a'], {
        encoding: 'utf8',
      });
      writeFileSync(`${db}/leaf.pem`, pem);
      expect(opensslFingerprint(`${db}/leaf.pem`)).toBe(m.leafFp);
      const keys = execFileSync('certutil', ['-K', '-d', `sql:${db}`], { encoding: 'utf8' });
      expect(keys).toContain(`${m.name} 客户端 🔑`);
    }
  }, 120_000);

  it.runIf(!variant.legacy)('Node tls.createSecureContext({ pfx, passphrase }) accepts it', () => {
    for (const m of materials) {
      const pfx = readBytes(write(m, variant));
      expect(() => createSecureContext({ pfx: Buffer.from(pfx), passphrase: PW })).not.toThrow();
      expect(() => createSecureContext({ pfx: Buffer.from(pfx), passphrase: 'wrong' })).toThrow();
    }
  });
});

describe('writePkcs12 options', () => {
  it('certificate-only files carry no localKeyId; key-only files have a key bag and no certificates', () => {
    const m = materials[3]!;
    const certOnly = readPkcs12(
      writePkcs12({ certificates: [{ der: m.leaf }, { der: m.ca }], password: PW, profile: 'modern' }),
      PW,
      'c.p12',
    );
    expect(certOnly.privateKeys).toHaveLength(0);
    expect(certOnly.certificates.map((c) => sha256(c.der))).toEqual([m.leafFp, m.caFp]);
    expect(
      certOnly.certificates.every((c) => c.localKeyId === undefined && c.friendlyName === undefined),
    ).toBe(true);
    const keyOnly = readPkcs12(
      writePkcs12({
        key: { pkcs8: m.pkcs8, friendlyName: 'just a key' },
        certificates: [],
        password: PW,
        profile: 'compat',
      }),
      PW,
      'k.p12',
    );
    expect(keyOnly.certificates).toHaveLength(0);
    expect(keyOnly.privateKeys[0]!.friendlyName).toBe('just a key');
  });

  it('honours iteration overrides and uses the documented defaults', () => {
    const m = materials[3]!;
    const iterOf = (bytes: Uint8Array) =>
      execFileSync('sh', ['-c', `openssl pkcs12 -info -noout -passin 'pass:${PW}' -legacy 2>&1`], {
        input: bytes,
        encoding: 'utf8',
      });
    const modern = iterOf(
      writePkcs12({
        key: { pkcs8: m.pkcs8 },
        certificates: [{ der: m.leaf }],
        password: PW,
        profile: 'modern',
      }),
    );
    expect(modern).toContain('Iteration 10000');
    expect(modern).toMatch(/PBKDF2, AES-256-CBC, Iteration 10000, PRF hmacWithSHA256/);
    const compat = iterOf(
      writePkcs12({
        key: { pkcs8: m.pkcs8 },
        certificates: [{ der: m.leaf }],
        password: PW,
        profile: 'compat',
      }),
    );
    expect(compat).toContain('Iteration 2048');
    const custom = iterOf(
      writePkcs12({
        key: { pkcs8: m.pkcs8 },
        certificates: [{ der: m.leaf }],
        password: PW,
        profile: 'modern',
        iterations: 2048,
        macIterations: 4096,
      }),
    );
    expect(custom).toContain('MAC: sha256, Iteration 4096');
    expect(custom).toContain('Iteration 2048, PRF hmacWithSHA256');
  });

  it('refuses invalid input with INVALID_ARGUMENT', () => {
    const m = materials[3]!;
    expect(() => writePkcs12({ certificates: [], password: PW, profile: 'modern' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() =>
      writePkcs12({
        key: { pkcs8: new Uint8Array([1, 2]) },
        certificates: [],
        password: PW,
        profile: 'modern',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() =>
      writePkcs12({ certificates: [{ der: new Uint8Array([0x30, 5]) }], password: PW, profile: 'modern' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() =>
      writePkcs12({ certificates: [{ der: m.leaf }], password: PW, profile: 'modern', iterations: 0 }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
