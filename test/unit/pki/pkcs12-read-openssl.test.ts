/** PKCS#12 files made by OpenSSL 3 in every variant the issue lists, read by us; compared with what openssl reports. */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPkcs12 } from '../../../electron/core/pki/pkcs12';
import type { ParsedContent } from '../../../electron/core/pki/model';
import { makeTestPki, openssl, opensslFingerprint, readBytes } from '../../helpers/openssl';
import type { TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';

const dir = useTempDir('mtls-p12-openssl-');
const LEGACY = ['-provider', 'legacy', '-provider', 'default'];
const PW = 'correct horse';

const sha256 = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');
const spkiOf = (pkcs8: Uint8Array) =>
  createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }))
    .export({ format: 'der', type: 'spki' })
    .toString('hex');
function pubout(keyFile: string): string {
  openssl(['pkey', '-in', keyFile, '-pubout', '-outform', 'DER', '-out', `${keyFile}.spki`]);
  return `${keyFile}.spki`;
}

let counter = 0;
/** `openssl pkcs12 -export` of the test PKI's leaf + chain with extra options; returns the file bytes. */
function exportP12(
  pki: { leafCert: string; leafKey: string; chain?: string },
  options: string[],
  password = PW,
): Uint8Array {
  const out = join(dir, `f${counter++}.p12`);
  openssl([
    'pkcs12',
    '-export',
    '-in',
    pki.leafCert,
    '-inkey',
    pki.leafKey,
    ...(pki.chain ? ['-certfile', pki.chain] : []),
    '-out',
    out,
    '-passout',
    `pass:${password}`,
    ...options,
  ]);
  return readBytes(out);
}

let pki: TestPki;
let chain: string;
let fp: { leaf: string; intermediate: string; root: string };
let leafSpki: string;

beforeAll(() => {
  pki = makeTestPki(dir);
  chain = join(dir, 'chain.pem');
  writeFileSync(
    chain,
    openssl(['x509', '-in', pki.intermediateCert]) + openssl(['x509', '-in', pki.rootCert]),
  );
  fp = {
    leaf: opensslFingerprint(pki.leafCert),
    intermediate: opensslFingerprint(pki.intermediateCert),
    root: opensslFingerprint(pki.rootCert),
  };
  leafSpki = Buffer.from(readBytes(pubout(pki.leafKey))).toString('hex');
}, 60_000);

function expectFull(
  content: ParsedContent,
  expectations: { certs?: number; key?: boolean; encryptedKey?: boolean } = {},
) {
  expect(content.format).toBe('pkcs12');
  const fps = content.certificates.map((c) => sha256(c.der));
  if ((expectations.certs ?? 3) === 3)
    expect(new Set(fps)).toEqual(new Set([fp.leaf, fp.intermediate, fp.root]));
  else expect(fps).toHaveLength(expectations.certs ?? 3);
  if (expectations.key === false) {
    expect(content.privateKeys).toHaveLength(0);
    return;
  }
  expect(content.privateKeys).toHaveLength(1);
  const key = content.privateKeys[0]!;
  expect(spkiOf(key.pkcs8)).toBe(leafSpki);
  expect(key.wasEncrypted).toBe(expectations.encryptedKey ?? true);
  // OpenSSL pairs key and leaf with localKeyId = SHA-1 of the leaf certificate
  const leaf = content.certificates.find((c) => sha256(c.der) === fp.leaf);
  if (leaf) {
    expect(Buffer.from(key.localKeyId!).toString('hex')).toBe(Buffer.from(leaf.localKeyId!).toString('hex'));
    expect(Buffer.from(key.localKeyId!).toString('hex')).toBe(
      createHash('sha1').update(leaf.der).digest('hex'),
    );
  }
}

describe('OpenSSL 3 pkcs12 -export variants', () => {
  it('default (PBES2 AES-256-CBC, HMAC-SHA256 MAC) and -legacy (RC2-40 certs, 3DES key, SHA-1 MAC)', () => {
    expectFull(readPkcs12(exportP12({ ...pki, chain }, []), PW, 'client.p12'));
    expectFull(readPkcs12(exportP12({ ...pki, chain }, ['-legacy']), PW, 'client.p12'));
  });

  const pbes = [
    'AES-128-CBC',
    'AES-192-CBC',
    'AES-256-CBC',
    'DES-EDE3-CBC',
    'PBE-SHA1-3DES',
    'PBE-SHA1-2DES',
    'PBE-SHA1-RC2-40',
    'PBE-SHA1-RC2-128',
    'PBE-SHA1-RC4-128',
    'PBE-SHA1-RC4-40',
  ];
  it.each(pbes)('-keypbe %s and -certpbe %s (each also combined with the other default)', (pbe) => {
    expectFull(
      readPkcs12(
        exportP12({ ...pki, chain }, ['-keypbe', pbe, '-certpbe', pbe, ...LEGACY]),
        PW,
        'client.p12',
      ),
    );
    expectFull(readPkcs12(exportP12({ ...pki, chain }, ['-keypbe', pbe, ...LEGACY]), PW, 'client.p12'));
    expectFull(readPkcs12(exportP12({ ...pki, chain }, ['-certpbe', pbe, ...LEGACY]), PW, 'client.p12'));
  });

  it('-keypbe NONE -certpbe NONE: plain KeyBag and unencrypted certificates, with and without MAC', () => {
    expectFull(
      readPkcs12(exportP12({ ...pki, chain }, ['-keypbe', 'NONE', '-certpbe', 'NONE']), PW, 'c.p12'),
      { encryptedKey: false },
    );
    const noMac = exportP12({ ...pki, chain }, ['-keypbe', 'NONE', '-certpbe', 'NONE', '-nomac']);
    expectFull(readPkcs12(noMac, undefined, 'c.p12'), { encryptedKey: false });
    expectFull(readPkcs12(noMac, 'anything', 'c.p12'), { encryptedKey: false });
  });

  it.each(['sha1', 'sha224', 'sha256', 'sha384', 'sha512'])('-macalg %s', (mac) => {
    expectFull(readPkcs12(exportP12({ ...pki, chain }, ['-macalg', mac]), PW, 'c.p12'));
    expectFull(readPkcs12(exportP12({ ...pki, chain }, ['-macalg', mac, '-legacy']), PW, 'c.p12'));
  });

  it('-nomac, -nomaciter, -iter 1, -noiter', () => {
    expectFull(readPkcs12(exportP12({ ...pki, chain }, ['-nomac']), PW, 'c.p12'));
    expectFull(readPkcs12(exportP12({ ...pki, chain }, ['-nomac', '-legacy']), PW, 'c.p12'));
    expectFull(readPkcs12(exportP12({ ...pki, chain }, ['-nomaciter']), PW, 'c.p12'));
    expectFull(readPkcs12(exportP12({ ...pki, chain }, ['-iter', '1']), PW, 'c.p12'));
    expectFull(readPkcs12(exportP12({ ...pki, chain }, ['-noiter', '-legacy']), PW, 'c.p12'));
  });

  it('-nokeys (certificate-only) and -nocerts (key-only)', () => {
    expectFull(readPkcs12(exportP12({ ...pki, chain }, ['-nokeys']), PW, 'c.p12'), { key: false });
    const keyOnly = readPkcs12(
      exportP12({ leafCert: pki.leafKey, leafKey: pki.leafKey }, ['-nocerts']),
      PW,
      'c.p12',
    );
    expect(keyOnly.certificates).toHaveLength(0);
    expect(keyOnly.privateKeys.map((k) => spkiOf(k.pkcs8))).toEqual([leafSpki]);
  });

  it('friendlyName in Chinese (-name, -caname) is reported intact', () => {
    const content = readPkcs12(
      exportP12({ ...pki, chain }, ['-name', '客户端证书 Client', '-caname', '中间 CA', '-caname', '根 CA']),
      PW,
      'c.p12',
    );
    expectFull(content);
    const byFp = new Map(content.certificates.map((c) => [sha256(c.der), c.friendlyName]));
    expect(byFp.get(fp.leaf)).toBe('客户端证书 Client');
    expect(byFp.get(fp.intermediate)).toBe('中间 CA');
    expect(byFp.get(fp.root)).toBe('根 CA');
    expect(content.privateKeys[0]!.friendlyName).toBe('客户端证书 Client');
  });

  it.each([
    ['默认', []],
    ['legacy', ['-legacy']],
  ] as const)('non-ASCII passwords (Chinese + emoji), %s', (_name, options) => {
    const password = '密码 пароль 🔑';
    const file = exportP12({ ...pki, chain }, [...options], password);
    expectFull(readPkcs12(file, password, 'c.p12'));
    expect(() => readPkcs12(file, '密码 пароль', 'c.p12')).toThrow(
      expect.objectContaining({ code: 'WRONG_PASSWORD' }),
    );
  });

  it.each([
    ['default', []],
    ['legacy', ['-legacy']],
    ['nomac', ['-nomac']],
  ] as const)('empty password (-passout pass:), %s: read without a password', (_name, options) => {
    const file = exportP12({ ...pki, chain }, [...options], '');
    expectFull(readPkcs12(file, undefined, 'c.p12'));
    expectFull(readPkcs12(file, '', 'c.p12'));
    expect(() => readPkcs12(file, 'x', 'c.p12')).toThrow(expect.objectContaining({ code: 'WRONG_PASSWORD' }));
  });
});

describe('every key type, default and -legacy', () => {
  const keyTypes: [string, string[]][] = [
    ['RSA 1024', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']],
    ['RSA 2048', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']],
    ['RSA 4096', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096']],
    ['EC P-256', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']],
    ['EC P-384', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']],
    ['EC P-521', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521']],
    ['Ed25519', ['-algorithm', 'ED25519']],
    ['Ed448', ['-algorithm', 'ED448']],
  ];
  it.each(keyTypes)(
    '%s',
    (name, alg) => {
      const base = join(dir, name.replace(/\W/g, '_'));
      openssl(['genpkey', ...alg, '-out', `${base}.key`]);
      openssl([
        'req',
        '-x509',
        '-new',
        '-key',
        `${base}.key`,
        '-subj',
        `/CN=${name}`,
        '-days',
        '30',
        '-out',
        `${base}.crt`,
      ]);
      const fingerprint = opensslFingerprint(`${base}.crt`);
      const spki = Buffer.from(readBytes(pubout(`${base}.key`))).toString('hex');
      openssl(['pkcs8', '-topk8', '-nocrypt', '-in', `${base}.key`, '-outform', 'DER', '-out', `${base}.p8`]);
      for (const options of [[], ['-legacy']]) {
        const content = readPkcs12(
          exportP12({ leafCert: `${base}.crt`, leafKey: `${base}.key` }, options),
          PW,
          'c.p12',
        );
        expect(content.certificates.map((c) => sha256(c.der))).toEqual([fingerprint]);
        expect(spkiOf(content.privateKeys[0]!.pkcs8)).toBe(spki);
        expect(Buffer.from(content.privateKeys[0]!.pkcs8).equals(Buffer.from(readBytes(`${base}.p8`)))).toBe(
          true,
        );
      }
    },
    60_000,
  );
});
