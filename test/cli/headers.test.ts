import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli';
import { makeTestPki, openssl, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';

const dir = useTempDir('mtls-cli-headers-');
let pki: TestPki;
const albEncode = (pem: string) => pem.replace(/[^A-Za-z0-9+/=_.~-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const base64Of = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');

beforeAll(() => {
  pki = makeTestPki(dir, ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], 'CLI Partner');
  for (let i = 0; i < 40 && !['+', '/', '='].every((c) => base64Of(readFileSync(pki.leafCert, 'utf8')).includes(c)); i++) {
    openssl(['x509', '-req', '-in', join(dir, 'leaf.csr'), '-CA', pki.intermediateCert, '-CAkey', pki.intermediateKey, '-set_serial', String(5000 + i * 104729), '-days', '365', '-out', pki.leafCert, '-extfile', join(dir, 'ext.cnf'), '-extensions', 'leaf']);
  }
  const leaf = readFileSync(pki.leafCert, 'utf8');
  const serial = openssl(['x509', '-in', pki.leafCert, '-noout', '-serial']).trim().split('=')[1]!;
  writeFileSync(join(dir, 'verify.txt'), `Host: api.example.com\nX-Amzn-Mtls-Clientcert-Serial-Number: ${serial}\nX-Amzn-Mtls-Clientcert-Leaf: ${albEncode(leaf)}\n`);
  writeFileSync(join(dir, 'passthrough.json'), JSON.stringify({ headers: { 'x-amzn-mtls-clientcert': albEncode(leaf + readFileSync(pki.intermediateCert, 'utf8')) } }));
  writeFileSync(join(dir, 'plain.txt'), 'Host: a\nAccept: */*\n');
  writeFileSync(join(dir, 'liar.txt'), `X-Amzn-Mtls-Clientcert-Serial-Number: 01\nX-Amzn-Mtls-Clientcert-Leaf: ${albEncode(leaf)}\n`);
}, 60_000);

describe('mtls-studio headers decode', () => {
  it('ALB verify headers from a file: --json with the decoded leaf (base64 with + / = intact)', () => {
    expect(['+', '/', '='].every((c) => base64Of(readFileSync(pki.leafCert, 'utf8')).includes(c))).toBe(true);
    const run = runCli(['headers', 'decode', join(dir, 'verify.txt'), '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = run.json();
    expect(report.verdict).toBe('alb-verified');
    expect(report.certificates[0].sha256).toBe(opensslFingerprint(pki.leafCert));
    expect(report.fields.find((f: { field: string }) => f.field === 'leaf').decoded).toBe(readFileSync(pki.leafCert, 'utf8'));
    expect(report.crossChecks).toEqual([expect.objectContaining({ header: 'X-Amzn-Mtls-Clientcert-Serial-Number', agrees: true })]);
    expect(report.otherHeaders).toEqual(['Host']);
  });

  it('reads stdin with -, and says in text that passthrough was not verified', () => {
    const run = spawnSync(process.execPath, [CLI, 'headers', 'decode', '-'], { input: readFileSync(join(dir, 'passthrough.json')), encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('WITHOUT verifying');
    // as sent: the leaf first, then its issuer
    expect(run.stdout).toMatch(/1\. O=mTLS Studio Tests,CN=CLI Partner[\s\S]*2\. O=mTLS Studio Tests,CN=Test Intermediate CA/);
  });

  it('exit 1 when no mTLS header is there, or a header claims another serial', () => {
    const none = runCli(['headers', 'decode', join(dir, 'plain.txt'), '--json']);
    expect([none.status, none.json().verdict]).toEqual([1, 'none']);
    const liar = runCli(['headers', 'decode', join(dir, 'liar.txt')]);
    expect(liar.status).toBe(1);
    expect(liar.stdout).toMatch(/DIFFERS .*X-Amzn-Mtls-Clientcert-Serial-Number: 01 \(certificate: /);
  });

  it('exit 2 with a JSON error for bad input and usage', () => {
    const missing = runCli(['headers', 'decode', join(dir, 'nope.txt'), '--json']);
    expect(missing.status).toBe(2);
    expect(missing.json().error.code).toBe('FILE_NOT_FOUND');
    writeFileSync(join(dir, 'bad.txt'), 'X-Amzn-Mtls-Clientcert-Leaf: %ZZ\n');
    const bad = runCli(['headers', 'decode', join(dir, 'bad.txt'), '--json']);
    expect([bad.status, bad.json().error.code]).toEqual([2, 'CORRUPT_INPUT']);
    expect(runCli(['headers', 'decode']).status).toBe(2);
    expect(runCli(['headers', 'frobnicate']).status).toBe(2);
    const help = runCli(['headers', 'decode', '--help']);
    expect([help.status, help.stdout.includes('never form decoding')]).toEqual([0, true]);
  });
});
