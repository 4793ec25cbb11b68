import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import { runCli } from '../helpers/cli';
import { openssl, opensslFingerprint } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { crlOf, intermediate, leaf, NOW, root, writePem } from '../unit/chain/chain-fixtures';

const dir = useTempDir('chain-cli-');
const files = { root: '', issuing: '', client: '', server: '', fullchain: '', p7b: '', clientDer: '', crlRevoked: '', crlRoot: '', otherRoot: '' };
const AT = NOW.toISOString();

beforeAll(async () => {
  const rootCa = await root('CLI Root CA');
  const issuing = await intermediate('CLI Issuing CA', rootCa);
  const client = await leaf('partner-a.example', issuing);
  const server = await leaf('api.example', issuing, { eku: ['1.3.6.1.5.5.7.3.1'] });
  files.root = writePem(dir, 'root.pem', rootCa);
  files.otherRoot = writePem(dir, 'other-root.pem', await root('CLI Other Root'));
  files.issuing = writePem(dir, 'issuing.pem', issuing);
  files.client = writePem(dir, 'client.pem', client);
  files.server = writePem(dir, 'server.pem', server);
  files.fullchain = writePem(dir, 'fullchain.pem', client, issuing);
  files.clientDer = join(dir, 'client.cer');
  writeFileSync(files.clientDer, client.der);
  files.p7b = join(dir, 'chain.p7b');
  openssl(['crl2pkcs7', '-nocrl', '-certfile', files.issuing, '-outform', 'DER', '-out', files.p7b]);
  files.crlRevoked = writePem(dir, 'issuing.crl', await crlOf(issuing, [{ cert: client, reason: x509.X509CrlReason.superseded }]));
  files.crlRoot = join(dir, 'root.crl');
  writeFileSync(files.crlRoot, (await crlOf(rootCa, [])).der);
});

describe('mtls-studio chain verify', () => {
  it('prints the documented JSON for a valid chain: path leaf → anchor as sha256, exit 0', () => {
    const run = runCli(['chain', 'verify', files.client, '--untrusted', files.issuing, '--trust', files.root, '--at', AT, '--purpose', 'client', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.json()).toEqual({ valid: true, path: [opensslFingerprint(files.client), opensslFingerprint(files.issuing), opensslFingerprint(files.root)], findings: [] });
  });

  it('draws the path with names in text mode', () => {
    const run = runCli(['chain', 'verify', files.client, '--untrusted', files.issuing, '--trust', files.root, '--at', AT]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain('partner-a.example');
    expect(lines[1]).toMatch(/└─ CLI Issuing CA/);
    expect(lines[2]).toMatch(/└─ CLI Root CA .*trust anchor/);
    expect(run.stdout).toContain('valid: the chain reaches a trusted certificate');
  });

  it('reads a full-chain PEM as leaf + intermediates, a DER leaf and a PKCS#7 bundle', () => {
    expect(runCli(['chain', 'verify', files.fullchain, '--trust', files.root, '--at', AT]).status).toBe(0);
    expect(runCli(['chain', 'verify', files.clientDer, '--untrusted', files.p7b, '--trust', files.root, '--at', AT]).status).toBe(0);
  });

  it('exit 1 with CERT_EXPIRED, naming the certificate and giving a hint', () => {
    const run = runCli(['chain', 'verify', files.client, '--untrusted', files.issuing, '--trust', files.root, '--at', '2030-01-01', '--json']);
    expect(run.status).toBe(1);
    const result = run.json();
    expect(result.valid).toBe(false);
    expect(result.findings[0]).toEqual({ code: 'CERT_EXPIRED', severity: 'error', message: expect.stringContaining("'partner-a.example' expired on"), hint: expect.any(String), certificateSha256: opensslFingerprint(files.client) });
  });

  it('exit 1 with WRONG_PURPOSE for a server certificate checked as a client', () => {
    const run = runCli(['chain', 'verify', files.server, '--untrusted', files.issuing, '--trust', files.root, '--at', AT, '--purpose', 'client', '--json']);
    expect(run.status).toBe(1);
    expect(run.json().findings.map((f: { code: string }) => f.code)).toEqual(['WRONG_PURPOSE']);
  });

  it('exit 1 with PATH_NOT_FOUND / UNTRUSTED_ROOT, and findings in text mode', () => {
    const missing = runCli(['chain', 'verify', files.client, '--trust', files.root, '--at', AT]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('invalid');
    expect(missing.stdout).toMatch(/error PATH_NOT_FOUND: no issuer of 'partner-a.example'/);
    expect(missing.stdout).toContain('hint:');
    const untrusted = runCli(['chain', 'verify', files.client, '--untrusted', files.issuing, '--untrusted', files.root, '--trust', files.otherRoot, '--at', AT, '--json']);
    expect(untrusted.json().findings.map((f: { code: string }) => f.code)).toEqual(['UNTRUSTED_ROOT']);
  });

  it('checks CRLs given with --crl (PEM and DER): REVOKED with the reason', () => {
    const run = runCli(['chain', 'verify', files.client, '--untrusted', files.issuing, '--trust', files.root, '--at', AT, '--crl', files.crlRevoked, '--crl', files.crlRoot, '--json']);
    expect(run.status).toBe(1);
    const [finding] = run.json().findings;
    expect(finding.code).toBe('REVOKED');
    expect(finding.message).toContain('superseded');
  });

  it('exit 2 on bad usage and unreadable input, with a JSON error', () => {
    const cases: [string[], string][] = [
      [['chain', 'verify', files.client, '--json'], 'USAGE'],
      [['chain', 'verify', '--trust', files.root, '--json'], 'USAGE'],
      [['chain', 'verify', files.client, '--trust', files.root, '--purpose', 'email', '--json'], 'USAGE'],
      [['chain', 'verify', files.client, '--trust', files.root, '--at', 'yesterday', '--json'], 'USAGE'],
      [['chain', 'verify', files.client, '--trust', files.root, '--bogus', '--json'], 'USAGE'],
      [['chain', 'verify', join(dir, 'nope.pem'), '--trust', files.root, '--json'], 'FILE_NOT_FOUND'],
      [['chain', 'verify', files.client, '--trust', files.crlRoot, '--json'], 'NO_CERTIFICATE'],
      [['chain', 'verify', files.client, '--trust', files.root, '--crl', files.root, '--json'], 'NO_CERTIFICATE'],
      [['chain', 'frobnicate', '--json'], 'USAGE'],
    ];
    for (const [args, code] of cases) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.json().error.code, args.join(' ')).toBe(code);
    }
  });

  it('has help with examples', () => {
    const run = runCli(['chain', 'verify', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: mtls-studio chain verify CERT');
    expect(run.stdout).toContain('Examples:');
    expect(runCli(['--help']).stdout).toMatch(/chain\s+verify certificate chains/);
  });
});
