import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent, readFiles } from '../../../electron/core/pki/read';
import { parseCertificate } from '../../../electron/core/pki/certificate';
import { describePrivateKey } from '../../../electron/core/pki/keys';
import { encodePem } from '../../../electron/core/pki/pem';
import { isStudioError } from '../../../electron/common/errors';
import { makeTestPki, openssl, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { bytes, fingerprint, makeOpensslCa, pubkeyOf, text } from './pki-fixtures';

const dir = useTempDir();
let pki: TestPki;
const out = (name: string) => join(dir, name);
const sha = (der: Uint8Array) => parseCertificate(der, 'x').sha256;
const write = (name: string, content: string | Uint8Array) => {
  writeFileSync(out(name), content);
  return out(name);
};
const read = (file: string, password?: string) => readContent(bytes(file), file.split('/').pop()!, password === undefined ? {} : { password });
const keyPem = (pkcs8: Uint8Array) => encodePem('PUBLIC KEY', describePrivateKey(pkcs8, 'k').spki);

function failure(run: () => unknown): { code: string; message: string; hint?: string } {
  try {
    run();
  } catch (error) {
    if (!isStudioError(error)) throw error;
    return { code: error.code, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) };
  }
  throw new Error('expected a StudioError');
}

beforeAll(() => {
  pki = makeTestPki(dir, ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
});

describe('readContent: formats', () => {
  it('reads DER certificates whatever their extension', () => {
    openssl(['x509', '-in', pki.leafCert, '-outform', 'DER', '-out', out('cert-named.key')]);
    const content = read(out('cert-named.key'));
    expect(content.format).toBe('der-certificate');
    expect(sha(content.certificates[0]!.der)).toBe(fingerprint(pki.leafCert));
  });

  it('reads CRLF PEM bundles with text around the blocks (openssl x509 -text)', () => {
    const bundle = (openssl(['x509', '-in', pki.leafCert, '-text']) + '\nsome comment\n' + text(pki.rootCert)).replace(/\n/g, '\r\n');
    const content = read(write('crlf.pem', bundle));
    expect(content.format).toBe('pem');
    expect(content.certificates.map((c) => sha(c.der))).toEqual([fingerprint(pki.leafCert), fingerprint(pki.rootCert)]);
  });

  it('reads a TRUSTED CERTIFICATE (openssl -trustout) and keeps only the certificate', () => {
    openssl(['x509', '-in', pki.rootCert, '-trustout', '-addtrust', 'clientAuth', '-out', out('trusted.pem')]);
    expect(text(out('trusted.pem'))).toContain('BEGIN TRUSTED CERTIFICATE');
    const content = read(out('trusted.pem'));
    expect(sha(content.certificates[0]!.der)).toBe(fingerprint(pki.rootCert));
  });

  it('reads PKCS#8, RSA PRIVATE KEY and EC PRIVATE KEY with a preceding EC PARAMETERS block', () => {
    expect(keyPem(read(pki.leafKey).privateKeys[0]!.pkcs8)).toBe(pubkeyOf(pki.leafKey));
    openssl(['rsa', '-in', pki.leafKey, '-traditional', '-out', out('pkcs1.pem')]);
    expect(keyPem(read(out('pkcs1.pem')).privateKeys[0]!.pkcs8)).toBe(pubkeyOf(pki.leafKey));
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-out', out('ecparam.pem')]);
    expect(text(out('ecparam.pem'))).toMatch(/BEGIN EC PARAMETERS[\s\S]*BEGIN EC PRIVATE KEY/);
    const ec = read(out('ecparam.pem'));
    expect(ec.privateKeys).toHaveLength(1);
    expect(keyPem(ec.privateKeys[0]!.pkcs8)).toBe(pubkeyOf(out('ecparam.pem')));
  });

  it('reads DER PKCS#1 and SEC1 keys by content', () => {
    openssl(['rsa', '-in', pki.leafKey, '-traditional', '-outform', 'DER', '-out', out('pkcs1.der')]);
    const content = read(out('pkcs1.der'));
    expect(content.format).toBe('der-rsa-private-key');
    expect(keyPem(content.privateKeys[0]!.pkcs8)).toBe(pubkeyOf(pki.leafKey));
  });

  it('reads certificate requests under both labels, and CRLs', () => {
    const csr = text(pki.leafCert.replace('.crt', '.csr'));
    expect(read(write('a.csr', csr)).csrs).toHaveLength(1);
    const relabelled = csr.replace(/CERTIFICATE REQUEST/g, 'NEW CERTIFICATE REQUEST');
    expect(read(write('b.csr', relabelled)).csrs).toHaveLength(1);
    const ca = makeOpensslCa(join(dir, 'ca'));
    const crl = read(ca.crl('ca'));
    expect(crl.crls).toHaveLength(1);
  });

  it('reads base64 without PEM armour', () => {
    const base64 = text(pki.leafCert).replace(/-----[A-Z ]+-----/g, '');
    expect(sha(read(write('bare.txt', base64)).certificates[0]!.der)).toBe(fingerprint(pki.leafCert));
  });

  it('keeps friendlyName and localKeyId from openssl pkcs12 -nodes output', () => {
    openssl(['pkcs12', '-export', '-in', pki.leafCert, '-inkey', pki.leafKey, '-name', 'partner', '-out', out('p.p12'), '-passout', 'pass:pw']);
    const dumped = openssl(['pkcs12', '-in', out('p.p12'), '-passin', 'pass:pw', '-nodes']);
    const content = read(write('dump.pem', dumped));
    expect(content.certificates[0]!.friendlyName).toBe('partner');
    expect(content.privateKeys[0]!.friendlyName).toBe('partner');
    expect(content.privateKeys[0]!.localKeyId).toEqual(content.certificates[0]!.localKeyId);
  });

  it('decrypts ENCRYPTED PRIVATE KEY (PBES2 AES-256 and 3DES) through the PBE module', () => {
    for (const cipher of ['aes-256-cbc', 'des3']) {
      openssl(['pkcs8', '-topk8', '-in', pki.leafKey, '-v2', cipher, '-passout', 'pass:pässword', '-out', out(`enc-${cipher}.pem`)]);
      const content = read(out(`enc-${cipher}.pem`), 'pässword');
      expect(content.privateKeys[0]!.wasEncrypted).toBe(true);
      expect(keyPem(content.privateKeys[0]!.pkcs8)).toBe(pubkeyOf(pki.leafKey));
      expect(failure(() => read(out(`enc-${cipher}.pem`), 'nope')).code).toBe('WRONG_PASSWORD');
      expect(failure(() => read(out(`enc-${cipher}.pem`))).code).toBe('PASSWORD_REQUIRED');
    }
  });

  it('reads PKCS#12 through the PKCS#12 module', () => {
    openssl(['pkcs12', '-export', '-in', pki.leafCert, '-inkey', pki.leafKey, '-out', out('r.p12'), '-passout', 'pass:pw']);
    const attempt = read(out('r.p12'), 'pw');
    expect(attempt.format).toBe('pkcs12');
    expect(sha(attempt.certificates[0]!.der)).toBe(fingerprint(pki.leafCert));
  });
});

describe('readContent: errors name the file and the cause', () => {
  it.each([
    ['an empty file', () => new Uint8Array(), 'UNSUPPORTED_FORMAT', /'f': the file is empty/],
    ['text without PEM blocks', () => new Uint8Array(Buffer.from('hello world\n')), 'UNSUPPORTED_FORMAT', /text without PEM blocks/],
    ['binary of unknown kind', () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2]), 'UNSUPPORTED_FORMAT', /binary data of an unknown kind \(starts with 89 50 4e 47\)/],
    ['a truncated DER certificate', () => bytes(out('cert-named.key')).slice(0, 300), 'CORRUPT_INPUT', /'f': the DER data is truncated/],
    ['a truncated PEM', () => new Uint8Array(Buffer.from(text(pki.leafCert).slice(0, 400))), 'CORRUPT_INPUT', /'f': the CERTIFICATE block has no END line/],
    ['a PEM with only a public key', () => new Uint8Array(Buffer.from(pubkeyOf(pki.leafKey))), 'UNSUPPORTED_FORMAT', /only PUBLIC KEY blocks/],
    ['an OpenSSH private key', () => new Uint8Array(Buffer.from('-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n')), 'UNSUPPORTED_FORMAT', /OPENSSH PRIVATE KEY blocks are not supported/],
    ['a certificate with damaged DER inside PEM', () => new Uint8Array(Buffer.from(encodePem('CERTIFICATE', Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x01])))), 'CORRUPT_INPUT', /'f': a certificate is malformed/],
  ])('%s', (_label, input, code, message) => {
    const error = failure(() => readContent(input(), 'f'));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  it('never puts the password in a message', () => {
    openssl(['genrsa', '-traditional', '-des3', '-passout', 'pass:right', '-out', out('t.key'), '1024']);
    const error = failure(() => read(out('t.key'), 'hunter2-secret'));
    expect(error).toMatchObject({ code: 'WRONG_PASSWORD', message: "cannot read 't.key': wrong password" });
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });
});

describe('readFiles', () => {
  it('merges files in order and records each format', () => {
    openssl(['x509', '-in', pki.rootCert, '-outform', 'DER', '-out', out('root.cer')]);
    const bundle = readFiles([pki.leafCert, pki.leafKey, out('root.cer')].map((path) => ({ path, bytes: bytes(path) })));
    expect(bundle.files).toEqual([
      { path: pki.leafCert, format: 'pem' },
      { path: pki.leafKey, format: 'pem' },
      { path: out('root.cer'), format: 'der-certificate' },
    ]);
    expect(bundle.certificates.map((c) => [c.source, sha(c.der)])).toEqual([
      ['leaf.crt', fingerprint(pki.leafCert)],
      ['root.cer', fingerprint(pki.rootCert)],
    ]);
    expect(bundle.privateKeys.map((k) => k.source)).toEqual(['leaf.key']);
  });
});
