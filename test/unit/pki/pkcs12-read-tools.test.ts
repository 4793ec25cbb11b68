/** PKCS#12 files made by Java keytool, NSS pk12util and the seed-003 recipe (1024-bit RSA, MD5, -des3, -legacy). */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPkcs12 } from '../../../electron/core/pki/pkcs12';
import { openssl, opensslFingerprint, readBytes } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';

const dir = useTempDir('mtls-p12-tools-');
const sha256 = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');
const spkiOf = (pkcs8: Uint8Array) =>
  createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }))
    .export({ format: 'der', type: 'spki' })
    .toString('hex');
/** SPKI of the key in a PKCS#12 file, as openssl reports it. */
function opensslSpki(p12: string, password: string, legacy = false): string {
  const pem = `${p12}.key.pem`;
  openssl([
    'pkcs12',
    '-in',
    p12,
    '-passin',
    `pass:${password}`,
    '-nocerts',
    '-nodes',
    '-out',
    pem,
    ...(legacy ? ['-legacy'] : []),
  ]);
  return spkiFromPem(pem);
}
function spkiFromPem(pem: string): string {
  openssl(['pkey', '-in', pem, '-pubout', '-outform', 'DER', '-out', `${pem}.spki`]);
  return Buffer.from(readBytes(`${pem}.spki`)).toString('hex');
}
/** Leaf certificate fingerprint of a PKCS#12 file, as openssl reports it. */
function opensslLeafFp(p12: string, password: string, legacy = false): string {
  const pem = `${p12}.crt.pem`;
  openssl([
    'pkcs12',
    '-in',
    p12,
    '-passin',
    `pass:${password}`,
    '-clcerts',
    '-nokeys',
    '-out',
    pem,
    ...(legacy ? ['-legacy'] : []),
  ]);
  return opensslFingerprint(pem);
}

describe('Java keytool (PKCS12 store type)', () => {
  it.each([
    ['RSA', ['-keyalg', 'RSA', '-keysize', '2048']],
    ['EC', ['-keyalg', 'EC', '-groupname', 'secp384r1']],
    ['Ed25519', ['-keyalg', 'Ed25519']],
  ])(
    'keytool -genkeypair -keyalg %s: alias, fingerprint and key match',
    (name, alg) => {
      const store = join(dir, `java-${name}.p12`);
      execFileSync(
        'keytool',
        [
          '-genkeypair',
          '-storetype',
          'PKCS12',
          '-keystore',
          store,
          '-storepass',
          'changeit',
          '-alias',
          `client-${name.toLowerCase()}`,
          ...alg,
          '-dname',
          `CN=Java ${name}`,
          '-validity',
          '30',
        ],
        { stdio: 'pipe' },
      );
      const content = readPkcs12(readBytes(store), 'changeit', 'java.p12');
      const listed = execFileSync(
        'keytool',
        ['-list', '-storetype', 'PKCS12', '-keystore', store, '-storepass', 'changeit'],
        { encoding: 'utf8' },
      );
      const javaFp = /SHA-256\): ([0-9A-F:]+)/.exec(listed)![1]!.replace(/:/g, '').toLowerCase();
      expect(content.certificates.map((c) => sha256(c.der))).toEqual([javaFp]);
      expect(javaFp).toBe(opensslLeafFp(store, 'changeit'));
      expect(content.certificates[0]!.friendlyName).toBe(`client-${name.toLowerCase()}`);
      expect(content.privateKeys).toHaveLength(1);
      expect(content.privateKeys[0]!.friendlyName).toBe(`client-${name.toLowerCase()}`);
      expect(spkiOf(content.privateKeys[0]!.pkcs8)).toBe(opensslSpki(store, 'changeit'));
      expect(
        Buffer.from(content.privateKeys[0]!.localKeyId!).equals(
          Buffer.from(content.certificates[0]!.localKeyId!),
        ),
      ).toBe(true);
      expect(() => readPkcs12(readBytes(store), 'changeme', 'java.p12')).toThrow(
        expect.objectContaining({ code: 'WRONG_PASSWORD' }),
      );
    },
    60_000,
  );
});

describe('NSS pk12util', () => {
  it.each([
    ['defaults', []],
    [
      '3DES key, RC2-40 certs, SHA-1 MAC',
      [
        '-c',
        'PKCS #12 V2 PBE With SHA-1 And 3KEY Triple DES-CBC',
        '-C',
        'PKCS #12 V2 PBE With SHA-1 And 40 Bit RC2 CBC',
        '-M',
        'SHA-1',
      ],
    ],
    ['AES-128 key and certs, SHA-512 MAC', ['-c', 'AES-128-CBC', '-C', 'AES-128-CBC', '-M', 'SHA-512']],
  ])(
    'export with %s reads back with the same certificate and key',
    (_name, options) => {
      const db = join(dir, `nss-${Math.random().toString(36).slice(2)}`);
      mkdirSync(db);
      openssl([
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${db}/k.pem`,
        '-out',
        `${db}/c.pem`,
        '-subj',
        '/CN=NSS Client',
        '-days',
        '30',
      ]);
      openssl([
        'pkcs12',
        '-export',
        '-in',
        `${db}/c.pem`,
        '-inkey',
        `${db}/k.pem`,
        '-name',
        'nss-client',
        '-out',
        `${db}/in.p12`,
        '-passout',
        'pass:in-pass',
      ]);
      execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${db}`]);
      execFileSync('pk12util', ['-i', `${db}/in.p12`, '-d', `sql:${db}`, '-W', 'in-pass'], { stdio: 'pipe' });
      const out = `${db}/out.p12`;
      execFileSync(
        'pk12util',
        ['-o', out, '-n', 'nss-client', '-d', `sql:${db}`, '-W', 'NSS 密码', ...options],
        { stdio: 'pipe' },
      );
      const content = readPkcs12(readBytes(out), 'NSS 密码', 'nss.p12');
      expect(content.certificates.map((c) => sha256(c.der))).toEqual([opensslFingerprint(`${db}/c.pem`)]);
      expect(content.certificates[0]!.friendlyName).toBe('nss-client');
      expect(content.privateKeys).toHaveLength(1);
      expect(spkiOf(content.privateKeys[0]!.pkcs8)).toBe(spkiFromPem(`${db}/k.pem`));
      expect(() => readPkcs12(readBytes(out), undefined, 'nss.p12')).toThrow(
        expect.objectContaining({ code: 'PASSWORD_REQUIRED' }),
      );
    },
    60_000,
  );
});

describe('seed 003 recipe (Alibaba CLB guide): RSA-1024, md5, -des3 key, pkcs12 -export -clcerts -legacy', () => {
  it('reads the file and matches openssl fingerprints', () => {
    const f = (n: string) => join(dir, `seed003-${n}`);
    openssl(['genrsa', '-des3', '-passout', 'pass:ca-pass', '-out', f('ca.key'), '1024']);
    openssl([
      'req',
      '-new',
      '-x509',
      '-md5',
      '-days',
      '3650',
      '-key',
      f('ca.key'),
      '-passin',
      'pass:ca-pass',
      '-out',
      f('ca.crt'),
      '-subj',
      '/C=CN/ST=ZJ/L=HZ/O=Alibaba/OU=Test/CN=root',
    ]);
    openssl(['genrsa', '-des3', '-passout', 'pass:client-pass', '-out', f('client.key'), '1024']);
    openssl([
      'req',
      '-new',
      '-md5',
      '-key',
      f('client.key'),
      '-passin',
      'pass:client-pass',
      '-out',
      f('client.csr'),
      '-subj',
      '/C=CN/ST=ZJ/L=HZ/O=Alibaba/OU=Test/CN=client',
    ]);
    openssl([
      'x509',
      '-req',
      '-md5',
      '-days',
      '365',
      '-in',
      f('client.csr'),
      '-CA',
      f('ca.crt'),
      '-CAkey',
      f('ca.key'),
      '-passin',
      'pass:ca-pass',
      '-CAcreateserial',
      '-out',
      f('client.crt'),
    ]);
    writeFileSync(f('chain.pem'), openssl(['x509', '-in', f('ca.crt')]));
    openssl([
      'pkcs12',
      '-export',
      '-clcerts',
      '-legacy',
      '-in',
      f('client.crt'),
      '-inkey',
      f('client.key'),
      '-passin',
      'pass:client-pass',
      '-out',
      f('client.p12'),
      '-passout',
      'pass:p12-pass',
    ]);
    expect(openssl(['x509', '-in', f('client.crt'), '-noout', '-text'])).toContain('md5WithRSAEncryption');
    const content = readPkcs12(readBytes(f('client.p12')), 'p12-pass', 'client.p12');
    expect(content.certificates.map((c) => sha256(c.der))).toEqual([opensslFingerprint(f('client.crt'))]);
    expect(spkiOf(content.privateKeys[0]!.pkcs8)).toBe(opensslSpki(f('client.p12'), 'p12-pass', true));
    expect(
      createPublicKey(
        createPrivateKey({ key: Buffer.from(content.privateKeys[0]!.pkcs8), format: 'der', type: 'pkcs8' }),
      ).asymmetricKeyDetails?.modulusLength,
    ).toBe(1024);
  }, 60_000);
});
