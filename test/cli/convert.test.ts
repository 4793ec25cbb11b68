import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTestPki, openssl, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';

const dir = useTempDir();
let pki: TestPki;
let chain: string;
const OUT_PW = 'Export-Pässword-2026';
const env = { OUT_PW };

const mode = (file: string) => statSync(file).mode & 0o777;
const pubkey = (args: string[]) => openssl(['pkey', ...args, '-pubout'], { env });

beforeAll(() => {
  pki = makeTestPki(dir);
  chain = join(dir, 'chain.pem');
  writeFileSync(chain, openssl(['x509', '-in', pki.intermediateCert]) + openssl(['x509', '-in', pki.rootCert]));
});

describe('mtls-studio convert', () => {
  it('writes a modern PKCS#12 that OpenSSL 3 opens without -legacy, mode 0600', () => {
    const out = join(dir, 'modern.p12');
    const run = runCli(['convert', pki.leafCert, pki.leafKey, chain, '--to', 'p12', '--out', out, '--out-password-env', 'OUT_PW', '--json'], { env });
    expect(run.status, run.stdout).toBe(0);
    expect(run.json()).toEqual({ written: [out], warnings: [] });
    expect(mode(out)).toBe(0o600);
    const info = openssl(['pkcs12', '-info', '-in', out, '-passin', 'env:OUT_PW', '-noout'], { env, withStderr: true });
    expect(info).toMatch(/PBES2, PBKDF2, AES-256-CBC/);
    expect(info).toMatch(/MAC: sha256/);
    const dumped = openssl(['pkcs12', '-in', out, '-passin', 'env:OUT_PW', '-nodes'], { env });
    writeFileSync(join(dir, 'dumped.pem'), dumped);
    expect(opensslFingerprint(join(dir, 'dumped.pem'))).toBe(opensslFingerprint(pki.leafCert));
    expect(pubkey(['-in', join(dir, 'dumped.pem')])).toBe(pubkey(['-in', pki.leafKey]));
    expect(dumped.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
  });

  it('writes a compat PKCS#12 (3DES, SHA-1 MAC) from a modern one', () => {
    const out = join(dir, 'compat.p12');
    writeFileSync(join(dir, 'in-pw.txt'), OUT_PW);
    const run = runCli(['convert', join(dir, 'modern.p12'), '--password-file', join(dir, 'in-pw.txt'), '--to', 'p12', '--profile', 'compat', '--out', out, '--out-password-env', 'OUT_PW'], { env });
    expect(run.status, run.stderr).toBe(0);
    const info = openssl(['pkcs12', '-info', '-in', out, '-passin', 'env:OUT_PW', '-noout', '-legacy'], { env, withStderr: true });
    expect(info).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);
    expect(info).toMatch(/MAC: sha1/);
  });

  it('keeps an existing output unless --force, and then replaces it with mode 0600', () => {
    const out = join(dir, 'exists.pem');
    writeFileSync(out, 'keep me', { mode: 0o644 });
    const refused = runCli(['convert', pki.leafCert, '--to', 'pem', '--out', out, '--json']);
    expect(refused.status).toBe(2);
    expect(refused.json().error.code).toBe('OUTPUT_EXISTS');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(runCli(['convert', pki.leafCert, '--to', 'pem', '--out', out, '--force']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(mode(out)).toBe(0o600);
  });

  it('writes PEM with the key encrypted when an output password is given', () => {
    const out = join(dir, 'client.pem');
    expect(runCli(['convert', pki.leafCert, pki.leafKey, '--to', 'pem', '--out', out, '--out-password-env', 'OUT_PW'], { env }).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
    expect(text).not.toContain('-----BEGIN PRIVATE KEY-----');
    expect(pubkey(['-in', out, '-passin', 'env:OUT_PW'])).toBe(pubkey(['-in', pki.leafKey]));
  });

  it('warns on stderr when it writes a key in the clear, and --no-key leaves it out', () => {
    const clear = runCli(['convert', pki.leafCert, pki.leafKey, '--to', 'pem', '--out', join(dir, 'clear.pem'), '--json']);
    expect(clear.status).toBe(0);
    expect(clear.json().warnings.length).toBeGreaterThan(0);
    expect(clear.stderr).toMatch(/warning:/);
    expect(readFileSync(join(dir, 'clear.pem'), 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    expect(runCli(['convert', pki.leafCert, pki.leafKey, '--to', 'pem', '--no-key', '--out', join(dir, 'nokey.pem')]).status).toBe(0);
    expect(readFileSync(join(dir, 'nokey.pem'), 'utf8')).not.toContain('PRIVATE KEY');
  });

  it('writes DER and PKCS#7 that OpenSSL reads', () => {
    expect(runCli(['convert', pki.leafCert, '--to', 'der', '--out', join(dir, 'leaf.cer')]).status).toBe(0);
    expect(opensslFingerprint(join(dir, 'leaf.cer'), 'DER')).toBe(opensslFingerprint(pki.leafCert));
    expect(runCli(['convert', pki.leafCert, chain, '--to', 'p7b', '--out', join(dir, 'bundle.p7b')]).status).toBe(0);
    const p7b = readFileSync(join(dir, 'bundle.p7b'), 'utf8');
    expect(p7b).toMatch(/^-----BEGIN PKCS7-----/);
    expect(openssl(['pkcs7', '-in', join(dir, 'bundle.p7b'), '-print_certs']).match(/subject=/g)).toHaveLength(3);
  });

  it('writes an ACM bundle that openssl verify accepts', () => {
    const out = join(dir, 'acm');
    const run = runCli(['convert', pki.leafCert, pki.leafKey, chain, '--to', 'acm', '--out', out, '--json']);
    expect(run.status, run.stdout).toBe(0);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['certificate.pem', 'private-key.pem', 'chain.pem']));
    expect(mode(join(out, 'private-key.pem'))).toBe(0o600);
    expect(run.json().warnings.join(' ')).toMatch(/unencrypted|clear/i);
    const chainPem = readFileSync(join(out, 'chain.pem'), 'utf8');
    expect(chainPem.indexOf('-----BEGIN CERTIFICATE-----')).toBe(0);
    const verify = openssl(['verify', '-CAfile', pki.rootCert, '-untrusted', join(out, 'chain.pem'), join(out, 'certificate.pem')]);
    expect(verify).toMatch(/OK/);
  });

  it('needs an output password for PKCS#12 and writes nothing without one', () => {
    const out = join(dir, 'nopw.p12');
    const run = runCli(['convert', pki.leafCert, pki.leafKey, '--to', 'p12', '--out', out, '--json']);
    expect(run.status).toBe(2);
    expect(run.json().error.code).toBe('PASSWORD_REQUIRED');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a key with no certificate, and a certificate with no key, for p12', () => {
    const keyOnly = runCli(['convert', pki.leafKey, '--to', 'p12', '--out', join(dir, 'k.p12'), '--out-password-env', 'OUT_PW', '--json'], { env });
    expect(keyOnly.json().error.code).toBe('NO_CERTIFICATE');
    const certOnly = runCli(['convert', pki.leafCert, '--to', 'p12', '--out', join(dir, 'c.p12'), '--out-password-env', 'OUT_PW', '--json'], { env });
    expect(certOnly.json().error.code).toBe('NO_PRIVATE_KEY');
    const mismatch = runCli(['convert', pki.leafCert, pki.rootKey, '--to', 'p12', '--out', join(dir, 'm.p12'), '--out-password-env', 'OUT_PW', '--json'], { env });
    expect(mismatch.json().error.code).toBe('KEY_MISMATCH');
    for (const f of ['k.p12', 'c.p12', 'm.p12']) expect(existsSync(join(dir, f))).toBe(false);
  });
});
