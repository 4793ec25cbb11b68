import { spawnSync } from 'node:child_process';
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTestPki, openssl, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';

const dir = useTempDir();
let pki: TestPki;
const P12_PASSWORD = 'correct horse 密码';

beforeAll(() => {
  pki = makeTestPki(dir, ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
  writeFileSync(join(dir, 'chain.pem'), openssl(['x509', '-in', pki.intermediateCert]) + openssl(['x509', '-in', pki.rootCert]));
  openssl(['pkcs12', '-export', '-in', pki.leafCert, '-inkey', pki.leafKey, '-certfile', join(dir, 'chain.pem'), '-name', 'partner', '-out', join(dir, 'client.p12'), '-passout', 'env:PW'], { env: { PW: P12_PASSWORD } });
  writeFileSync(join(dir, 'garbage.bin'), Buffer.from('this is not a certificate at all\u0000\u0001\u0002'));
});

describe('mtls-studio inspect', () => {
  it('reads leaf, key and chain together and prints the documented JSON', () => {
    const run = runCli(['inspect', pki.leafCert, pki.leafKey, join(dir, 'chain.pem'), '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = run.json();
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([pki.leafCert, pki.leafKey, join(dir, 'chain.pem')]);
    expect(report.certificates.map((c: { sha256: string }) => c.sha256)).toEqual([
      opensslFingerprint(pki.leafCert),
      opensslFingerprint(pki.intermediateCert),
      opensslFingerprint(pki.rootCert),
    ]);
    const leaf = report.certificates[0];
    for (const field of ['subject', 'issuer', 'serialNumber', 'notBefore', 'notAfter', 'sha256', 'sha1', 'isCA', 'selfSigned', 'signatureAlgorithm', 'publicKey', 'subjectAltNames', 'keyUsage', 'extendedKeyUsage', 'friendlyName']) {
      expect(leaf, field).toHaveProperty(field);
    }
    expect(leaf.publicKey).toEqual({ algorithm: 'RSA', bits: 2048, curve: null });
    expect(leaf.extendedKeyUsage).toEqual(['clientAuth']);
    expect(leaf.notAfter).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(report.privateKeys).toEqual([expect.objectContaining({ algorithm: 'RSA', bits: 2048, curve: null, certificateSha256: leaf.sha256 })]);
    expect(report.findings.map((f: { code: string }) => f.code)).not.toContain('CHAIN_INCOMPLETE');
  });

  it('reads a PKCS#12 with the password from an environment variable', () => {
    const run = runCli(['inspect', join(dir, 'client.p12'), '--password-env', 'P12', '--json'], { env: { P12: P12_PASSWORD } });
    expect(run.status).toBe(0);
    const report = run.json();
    expect(report.files).toEqual([{ path: join(dir, 'client.p12'), format: 'pkcs12' }]);
    expect(report.certificates[0].sha256).toBe(opensslFingerprint(pki.leafCert));
    expect(report.certificates[0].friendlyName).toBe('partner');
  });

  it('reads the password from a file, dropping one trailing newline', () => {
    writeFileSync(join(dir, 'pw.txt'), `${P12_PASSWORD}\n`);
    expect(runCli(['inspect', join(dir, 'client.p12'), '--password-file', join(dir, 'pw.txt'), '--json']).status).toBe(0);
  });

  it('says WRONG_PASSWORD without echoing the password', () => {
    const run = runCli(['inspect', join(dir, 'client.p12'), '--password-env', 'P12', '--json'], { env: { P12: 'hunter2-wrong' } });
    expect(run.status).toBe(2);
    expect(run.json().error.code).toBe('WRONG_PASSWORD');
    expect(run.json().error.message).toContain('client.p12');
    expect(run.stdout + run.stderr).not.toContain('hunter2-wrong');
  });

  it('says PASSWORD_REQUIRED when no password is given and nobody can be asked', () => {
    const run = runCli(['inspect', join(dir, 'client.p12'), '--json']);
    expect(run.status).toBe(2);
    expect(run.json()).toEqual({ error: { code: 'PASSWORD_REQUIRED', message: expect.any(String), hint: expect.any(String) } });
  });

  it.each([
    ['a missing file', () => [join(dir, 'nope.p12')], 'FILE_NOT_FOUND'],
    ['garbage', () => [join(dir, 'garbage.bin')], 'UNSUPPORTED_FORMAT'],
    ['a 200 MB file', () => {
      const big = join(dir, 'big.p12');
      const fd = openSync(big, 'w');
      ftruncateSync(fd, 200 * 1024 * 1024);
      closeSync(fd);
      return [big];
    }, 'FILE_TOO_LARGE'],
  ])('refuses %s with a typed error and exit 2', (_label, files, code) => {
    const run = runCli(['inspect', ...files(), '--json']);
    expect(run.status).toBe(2);
    expect(run.json().error.code).toBe(code);
    expect(run.json().error.hint).toBeTruthy();
  });

  it('prints a readable text report without colour codes when not on a terminal', () => {
    const run = runCli(['inspect', pki.leafCert, join(dir, 'chain.pem')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Test Client');
    expect(run.stdout).toContain(opensslFingerprint(pki.leafCert));
    expect(run.stdout).toMatch(/Chain\s+Test Client → Test Intermediate CA → Test Root CA/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('exits 1 when a finding is an error (an expired certificate)', () => {
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'old.key'), '-out', join(dir, 'old.crt'), '-subj', '/CN=Old', '-days', '1', '-set_serial', '5']);
    // re-sign with a validity in the past
    openssl(['x509', '-in', join(dir, 'old.crt'), '-signkey', join(dir, 'old.key'), '-out', join(dir, 'expired.crt'), '-days', '-1']);
    const run = runCli(['inspect', join(dir, 'expired.crt'), '--json']);
    expect(run.json().findings.map((f: { code: string }) => f.code)).toContain('CERT_EXPIRED');
    expect(run.status).toBe(1);
  });

  it('refuses a password on the command line and unknown options (exit 2)', () => {
    for (const args of [['inspect', pki.leafCert, '--password', 'secret'], ['inspect', pki.leafCert, '--frobnicate'], ['frobnicate'], ['inspect']]) {
      const run = runCli([...args, '--json']);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.json().error.code).toBe('USAGE');
    }
  });

  it('documents every command with examples', () => {
    const overview = runCli(['--help']);
    expect(overview.status).toBe(0);
    expect(overview.stdout).toMatch(/inspect.*\n.*convert/s);
    for (const command of ['inspect', 'convert']) {
      const help = runCli([command, '--help']);
      expect(help.stdout).toContain('Examples:');
      expect(help.stdout).toContain(`mtls-studio ${command}`);
    }
  });

  it('runs from a checkout with npm run --silent cli, JSON only on stdout', () => {
    const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'inspect', pki.leafCert, '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).certificates[0].sha256).toBe(opensslFingerprint(pki.leafCert));
  });
});
