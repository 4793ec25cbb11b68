import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planExport, writeExport, readFiles } from '../../../electron/core/pki';
import { parsePem } from '../../../electron/core/pki/pem';
import { isStudioError } from '../../../electron/common/errors';
import type { Bundle } from '../../../electron/core/pki/model';
import { makeTestPki, openssl, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { bytes, fingerprint, pubkeyOf, text } from './pki-fixtures';

const dir = useTempDir();
let pki: TestPki;
let full: Bundle;
const out = (name: string) => join(dir, name);
const mode = (file: string) => statSync(file).mode & 0o777;
const bundle = (...files: string[]) => readFiles(files.map((path) => ({ path, bytes: bytes(path) })));
const errorCode = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isStudioError(error)) return error.code;
    throw error;
  }
  return null;
};

beforeAll(() => {
  pki = makeTestPki(dir);
  writeFileSync(out('chain.pem'), text(pki.intermediateCert) + text(pki.rootCert));
  full = bundle(pki.rootCert, pki.leafKey, out('chain.pem'), pki.leafCert);
});

describe('planExport + writeExport', () => {
  it('pem: leaf, chain, then the PKCS#8 key — byte-identical to the inputs, mode 0600, with a warning', () => {
    const plan = planExport(full, { format: 'pem', includeKey: true, baseName: 'client' });
    expect(plan.warnings.join(' ')).toMatch(/unencrypted/);
    expect(plan.files[0]!.containsPrivateKey).toBe(true);
    const [written] = writeExport(out('client.pem'), plan, { overwrite: false });
    expect(written).toBe(out('client.pem'));
    expect(mode(written!)).toBe(0o600);
    expect(readFileSync(written!, 'utf8')).toBe(text(pki.leafCert) + text(pki.intermediateCert) + text(pki.rootCert) + text(pki.leafKey));
    expect(openssl(['verify', '-CAfile', pki.rootCert, '-untrusted', written!, pki.leafCert])).toMatch(/OK/);
  });

  it('pem with an output password encrypts the key (openssl pkey -passin opens it)', () => {
    const plan = planExport(full, { format: 'pem', includeKey: true, outPassword: 'out-密码', baseName: 'client' });
    expect(plan.warnings).toEqual([]);
    writeExport(out('enc.pem'), plan, { overwrite: false });
    const labels = parsePem(text(out('enc.pem'))).map((b) => b.label);
    expect(labels).toEqual(['CERTIFICATE', 'CERTIFICATE', 'CERTIFICATE', 'ENCRYPTED PRIVATE KEY']);
    expect(pubkeyOf(out('enc.pem'), ['-passin', 'pass:out-密码'])).toBe(pubkeyOf(pki.leafKey));
  });

  it('pem without the key: every certificate in chain order; a key alone becomes PKCS#8', () => {
    writeExport(out('certs.pem'), planExport(full, { format: 'pem', baseName: 'c' }), { overwrite: false });
    // includeKey on a certificate-only input (the CLI's default for pem) exports the certificates, no warning
    const certOnly = planExport(bundle(pki.leafCert), { format: 'pem', includeKey: true, baseName: 'c' });
    expect(certOnly.warnings).toEqual([]);
    expect(Buffer.from(certOnly.files[0]!.bytes).toString()).toBe(text(pki.leafCert));
    expect(text(out('certs.pem'))).toBe(text(pki.leafCert) + text(pki.intermediateCert) + text(pki.rootCert));
    openssl(['genrsa', '-traditional', '-out', out('trad.key'), '2048']);
    const plan = planExport(bundle(out('trad.key')), { format: 'pem', includeKey: true, baseName: 'k' });
    writeExport(out('converted.key'), plan, { overwrite: false });
    expect(text(out('converted.key'))).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(pubkeyOf(out('converted.key'))).toBe(pubkeyOf(out('trad.key')));
  });

  it('der: the leaf certificate; with includeKey a .key.der next to it', () => {
    const written = writeExport(out('leaf.cer'), planExport(full, { format: 'der', includeKey: true, baseName: 'leaf' }), { overwrite: false });
    expect(written).toEqual([out('leaf.cer'), out('leaf.key.der')]);
    expect(fingerprint(out('leaf.cer'), 'sha256', 'DER')).toBe(fingerprint(pki.leafCert));
    expect(pubkeyOf(out('leaf.key.der'), ['-inform', 'DER'])).toBe(pubkeyOf(pki.leafKey));
    expect(written.map(mode)).toEqual([0o600, 0o600]);
  });

  it('p7b: PEM PKCS7 with every certificate in chain order', () => {
    writeExport(out('all.p7b'), planExport(full, { format: 'p7b', baseName: 'all' }), { overwrite: false });
    expect(text(out('all.p7b'))).toMatch(/^-----BEGIN PKCS7-----\n/);
    const printed = openssl(['pkcs7', '-in', out('all.p7b'), '-print_certs']);
    expect([...printed.matchAll(/subject=.*CN = ([^,\n]+)/g)].map((m) => m[1])).toEqual(['Test Client', 'Test Intermediate CA', 'Test Root CA']);
  });

  it('acm: a 0700 folder with certificate, unencrypted key, chain (intermediate first) and a README; openssl verify accepts it', () => {
    const plan = planExport(full, { format: 'acm', baseName: 'x' });
    expect(plan.warnings.join(' ')).toMatch(/unencrypted/);
    const folder = out('acm');
    const written = writeExport(folder, plan, { overwrite: false });
    expect(readdirSync(folder).sort()).toEqual(['README.txt', 'certificate.pem', 'chain.pem', 'private-key.pem']);
    expect(mode(folder)).toBe(0o700);
    for (const file of written) expect(mode(file)).toBe(0o600);
    expect(text(join(folder, 'chain.pem'))).toBe(text(pki.intermediateCert) + text(pki.rootCert));
    expect(text(join(folder, 'private-key.pem'))).toBe(text(pki.leafKey));
    expect(openssl(['verify', '-CAfile', pki.rootCert, '-untrusted', join(folder, 'chain.pem'), join(folder, 'certificate.pem')])).toMatch(/certificate.pem: OK/);
    const readme = text(join(folder, 'README.txt'));
    expect(readme).toContain('aws acm import-certificate');
    expect(readme).toContain('--certificate fileb://certificate.pem');
    expect(readme).toContain('--private-key fileb://private-key.pem');
    expect(readme).toContain('--certificate-chain fileb://chain.pem');
    expect(readme).toContain('us-east-1');
  });

  it('p12 needs an output password and a key + certificate pair', () => {
    expect(errorCode(() => planExport(full, { format: 'p12', baseName: 'x' }))).toBe('PASSWORD_REQUIRED');
    expect(errorCode(() => planExport(bundle(pki.leafCert), { format: 'p12', outPassword: 'pw', baseName: 'x' }))).toBe('NO_PRIVATE_KEY');
    expect(errorCode(() => planExport(bundle(pki.leafKey), { format: 'p12', outPassword: 'pw', baseName: 'x' }))).toBe('NO_CERTIFICATE');
    expect(errorCode(() => planExport(bundle(pki.leafCert, pki.rootKey), { format: 'p12', outPassword: 'pw', baseName: 'x' }))).toBe('KEY_MISMATCH');
  });

  it('p12: key + leaf + chain, readable by openssl', () => {
    const plan = planExport(full, { format: 'p12', outPassword: 'pw-2026', profile: 'modern', baseName: 'partner' });
    writeExport(out('client.p12'), plan, { overwrite: false });
    expect(mode(out('client.p12'))).toBe(0o600);
    const dumped = openssl(['pkcs12', '-in', out('client.p12'), '-passin', 'pass:pw-2026', '-nodes']);
    expect(dumped.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
    expect(dumped).toContain('friendlyName: partner');
    writeFileSync(out('dumped.pem'), dumped);
    expect(fingerprint(out('dumped.pem'))).toBe(fingerprint(pki.leafCert));
    expect(pubkeyOf(out('dumped.pem'))).toBe(pubkeyOf(pki.leafKey));
  });

  it('refuses to overwrite (OUTPUT_EXISTS) unless asked, then replaces the file with mode 0600', () => {
    const target = out('exists.pem');
    writeFileSync(target, 'keep me', { mode: 0o644 });
    chmodSync(target, 0o644);
    const plan = planExport(full, { format: 'pem', baseName: 'c' });
    expect(errorCode(() => writeExport(target, plan, { overwrite: false }))).toBe('OUTPUT_EXISTS');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    writeExport(target, plan, { overwrite: true });
    expect(readFileSync(target, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(mode(target)).toBe(0o600);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(errorCode(() => writeExport(out('acm'), planExport(full, { format: 'acm', baseName: 'x' }), { overwrite: false }))).toBe('OUTPUT_EXISTS');
  });

  it('WRITE_FAILED for a folder that does not exist or cannot be written', () => {
    const plan = planExport(full, { format: 'pem', baseName: 'c' });
    expect(errorCode(() => writeExport(join(dir, 'no', 'such', 'x.pem'), plan, { overwrite: false }))).toBe('WRITE_FAILED');
    // a file where a folder should be: no permission tricks needed, so this also holds when run as root
    writeFileSync(out('not-a-folder'), '');
    expect(errorCode(() => writeExport(join(out('not-a-folder'), 'x.pem'), plan, { overwrite: false }))).toBe('WRITE_FAILED');
    expect(existsSync(join(out('not-a-folder'), 'x.pem'))).toBe(false);
  });
});
