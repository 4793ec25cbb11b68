import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli';
import { useKeyring } from '../helpers/keyring';
import { openssl } from '../helpers/openssl';
import { makeProbePki, type ProbePki } from '../helpers/probe-pki';
import { startNginx, startSServer, stopAllServers, type RunningServer } from '../helpers/tls-servers';
import { useTempDir } from '../helpers/tmp';

/** `mtls-studio probe` as a user runs it, against openssl s_server and nginx child processes on loopback. */

const keyring = useKeyring();
const dir = useTempDir('mtls-cli-probe-');
const home = join(dir, 'home');
let pki: ProbePki;
let strict13: RunningServer;
let nginx: RunningServer;
const P12_PASSWORD = 'pässwörd with spaces';
const KEY_PASSWORD = 'key-pass-2026';

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { MTLS_STUDIO_HOME: home, ...keyring.env, ...env } });

beforeAll(async () => {
  pki = makeProbePki(dir);
  openssl(['pkcs12', '-export', '-in', pki.client.cert, '-inkey', pki.client.key, '-certfile', pki.clientIntermediate.cert, '-out', join(dir, 'client.p12'), '-passout', 'env:PW'], { env: { PW: P12_PASSWORD } });
  openssl(['pkey', '-in', pki.client.key, '-aes256', '-out', join(dir, 'client-encrypted.key'), '-passout', 'env:PW'], { env: { PW: KEY_PASSWORD } });
  strict13 = await startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www', '-Verify', '4', '-verify_return_error', '-CAfile', pki.clientRoot.cert, '-tls1_3']);
  nginx = await startNginx(dir, { cert: pki.server.cert, key: pki.server.key, clientCa: pki.clientRoot.cert, verify: 'on' });
});
afterAll(stopAllServers);

const url = (server: RunningServer, path = '/') => `https://localhost:${server.port}${path}`;
const trust = () => ['--ca', pki.serverRoot.cert];

describe('mtls-studio probe --json', () => {
  it('prints the issue’s JSON shape, nothing else, and exits 0 on mutual TLS OK', () => {
    const run = cli(['probe', url(strict13), '--cert', pki.clientChain, '--key', pki.client.key, ...trust(), '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = run.json();
    for (const key of ['url', 'target', 'outcome', 'address', 'timings', 'tls', 'http', 'diagnosis', 'reproduce']) expect(result).toHaveProperty(key);
    expect(result).toMatchObject({ url: url(strict13), target: 'generic', outcome: 'success', address: '127.0.0.1' });
    expect(Object.keys(result.timings).sort()).toEqual(['dnsMs', 'tcpMs', 'tlsMs', 'totalMs', 'ttfbMs']);
    for (const key of ['protocol', 'cipher', 'alpn', 'sessionReused', 'serverCertificates', 'serverTrusted', 'certificateRequest', 'clientCertificatesSent', 'alert']) expect(result.tls).toHaveProperty(key);
    expect(Object.keys(result.tls.serverCertificates[0])).toEqual(expect.arrayContaining(['subject', 'issuer', 'sha256', 'notAfter']));
    expect(result.tls.certificateRequest).toMatchObject({ requested: true, acceptableCAs: ['O=mTLS Studio Tests,CN=Probe Client Root CA'] });
    expect(result.tls.certificateRequest.signatureAlgorithms.length).toBeGreaterThan(0);
    expect(result.tls.clientCertificatesSent).toHaveLength(2);
    expect(result.tls.alert).toBeNull();
    expect(Object.keys(result.http)).toEqual(expect.arrayContaining(['status', 'headers', 'bodyBytes', 'bodyPreview']));
    expect(result.diagnosis).toEqual([expect.objectContaining({ code: 'MTLS_OK', severity: 'info', title: 'Mutual TLS OK' })]);
    for (const key of ['code', 'severity', 'title', 'detail', 'fix']) expect(result.diagnosis[0]).toHaveProperty(key);
    expect(Object.keys(result.reproduce).sort()).toEqual(['curl', 'openssl']);
  });

  it('exits 1 and names the TLS 1.3 late alert when no certificate is sent', () => {
    const run = cli(['probe', url(strict13), ...trust(), '--json']);
    expect(run.status).toBe(1);
    const result = run.json();
    expect(result.outcome).toBe('tls-error');
    expect(result.tls.alert).toMatchObject({ code: 116, name: 'certificate_required', from: 'server' });
    expect(result.diagnosis.map((f: { code: string }) => f.code)).toEqual(['CLIENT_CERT_MISSING']);
  });

  it('reads a PKCS#12 and an encrypted key with passwords from the environment, and never prints them', () => {
    const p12 = cli(['probe', url(strict13), '--p12', join(dir, 'client.p12'), '--password-env', 'P12_PW', ...trust(), '--json'], { P12_PW: P12_PASSWORD });
    expect(p12.status, p12.stdout + p12.stderr).toBe(0);
    expect(p12.stdout).not.toContain(P12_PASSWORD);
    expect(p12.json().reproduce.curl).toContain('--cert-type P12 --cert "client.p12:$P12_PW"');
    expect(p12.json().reproduce.openssl).toContain('-pass env:P12_PW');

    const key = cli(['probe', url(strict13), '--cert', pki.clientChain, '--key', join(dir, 'client-encrypted.key'), '--key-password-env', 'KEY_PW', ...trust(), '--json'], { KEY_PW: KEY_PASSWORD });
    expect(key.status, key.stdout + key.stderr).toBe(0);
    expect(key.stdout).not.toContain(KEY_PASSWORD);
    expect(key.json().reproduce.curl).toContain('--pass "$KEY_PW"');

    const wrong = cli(['probe', url(strict13), '--p12', join(dir, 'client.p12'), '--password-env', 'P12_PW', ...trust(), '--json'], { P12_PW: 'not it' });
    expect(wrong.status).toBe(2);
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
  });

  it('asks for the PKCS#12 password on a terminal when no option gives it', () => {
    const command = [process.execPath, CLI, 'probe', url(strict13), '--p12', join(dir, 'client.p12'), ...trust()].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { input: `${P12_PASSWORD}\n`, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir, MTLS_STUDIO_HOME: home, NO_COLOR: '1' }, timeout: 30_000 });
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain("Password for '");
    expect(run.stdout).toContain('Mutual TLS OK');
    // the pseudo-terminal echoes what was typed before the prompt turned echo off; after it, never
    expect(run.stdout.split("Password for '")[1]).not.toContain(P12_PASSWORD);
  });

  it('uses an identity from the vault with --identity NAME', () => {
    const imported = cli(['identity', 'import', pki.clientChain, pki.client.key, '--name', 'Probe Partner', '--json']);
    expect(imported.status, imported.stdout + imported.stderr).toBe(0);
    const run = cli(['probe', url(strict13), '--identity', 'Probe Partner', ...trust(), '--json']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const result = run.json();
    expect(result.identity.source).toBe('vault: Probe Partner');
    expect(result.diagnosis.map((f: { code: string }) => f.code)).toEqual(['MTLS_OK']);
    expect(cli(['probe', url(strict13), '--identity', 'Nobody', '--json']).json().error.code).toBe('IDENTITY_NOT_FOUND');
  });

  it('compares every address (--resolve, --all-addresses) and exits 1 when one node differs', async () => {
    const other = await startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www', '-Verify', '4', '-verify_return_error', '-CAfile', pki.otherCa.root, '-tls1_3'], { host: '127.0.0.2', port: strict13.port });
    const run = cli(['probe', `https://partner.test:${strict13.port}/`, '--servername', 'localhost', '--resolve', `partner.test:${strict13.port}:127.0.0.1,127.0.0.2`, '--all-addresses', '--cert', pki.clientFullChain, '--key', pki.client.key, ...trust(), '--json']);
    await other.stop();
    expect(run.status).toBe(1);
    const result = run.json();
    expect(result.addresses.map((entry: { address: string; primaryCode: string }) => `${entry.address} ${entry.primaryCode}`)).toEqual(['127.0.0.1 MTLS_OK', '127.0.0.2 CLIENT_CERT_UNTRUSTED']);
    expect(result.diagnosis[0].code).toBe('ADDRESSES_DISAGREE');
  });

  it('--repeat N --concurrency C summarises success rate and latency', () => {
    const run = cli(['probe', url(nginx), '--cert', pki.clientChain, '--key', pki.client.key, ...trust(), '--repeat', '8', '--concurrency', '2', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const { repeat } = run.json();
    expect(repeat).toMatchObject({ requests: 8, concurrency: 2, succeeded: 8, successRate: 1, errorsByCode: {} });
    expect(repeat.latencyMs.p50).toBeGreaterThan(0);
  });
});

describe('mtls-studio probe, text and reports', () => {
  it('prints an aligned report without colour when stdout is not a terminal', () => {
    const run = cli(['probe', url(nginx), ...trust(), '-H', 'Authorization: Bearer t0ken-value']);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout).toContain('✘ The server requires a client certificate and none was sent');
    expect(run.stdout).toMatch(/^ {2}Cert request {2}yes — acceptable CAs:$/m);
    expect(run.stdout).toMatch(/^ {2}HTTP {10}400 Bad Request/m);
    expect(run.stdout).toContain('CLIENT_CERT_MISSING');
    expect(run.stdout).not.toContain('t0ken-value');
  });

  it('--report writes a redacted Markdown report for the ticket', () => {
    const report = join(dir, 'ticket.md');
    const run = cli(['probe', url(nginx, '/api'), '--cert', pki.client.cert, '--key', pki.client.key, ...trust(), '-X', 'POST', '-H', 'Authorization: Bearer t0ken-value', '--data', '{"x":1}', '--report', report]);
    expect(run.status).toBe(1);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain(`# mTLS probe: ${url(nginx, '/api')}`);
    expect(text).toContain('## Diagnosis');
    expect(text).toContain('`HTTP_CLIENT_CERT_ERROR`');
    expect(text).toContain('## Reproduce');
    expect(text).toContain('Bearer <redacted>');
    expect(text).not.toContain('t0ken-value');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(dir);
  });

  it('the reproduce command lines do the same request (run where the files are)', () => {
    writeFileSync(join(dir, 'body.txt'), 'hello body');
    const run = cli(['probe', url(nginx, '/reproduce?q=1'), '--cert', pki.clientChain, '--key', pki.client.key, ...trust(), '--data', '@' + join(dir, 'body.txt'), '--json']);
    expect(run.status).toBe(0);
    const { reproduce } = run.json();
    const curl = spawnSync('sh', ['-c', reproduce.curl], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(curl.status, curl.stderr).toBe(0);
    expect(curl.stdout).toContain('verify=SUCCESS');
    const s = spawnSync('sh', ['-c', reproduce.openssl], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(s.stdout).toContain('HTTP/1.1 200 OK');
    expect(s.stdout).toContain('Acceptable client certificate CA names');
  });
});

describe('mtls-studio probe, bad usage exits 2', () => {
  const cases: [string, string[], string][] = [
    ['no URL', ['probe', '--json'], 'USAGE'],
    ['two identities', ['probe', 'https://localhost/', '--cert', 'a', '--p12', 'b', '--json'], 'USAGE'],
    ['bad TLS version', ['probe', 'https://localhost/', '--tls-min', '1.1', '--json'], 'USAGE'],
    ['--concurrency without --repeat', ['probe', 'https://localhost/', '--concurrency', '2', '--json'], 'USAGE'],
    ['bad --resolve', ['probe', 'https://localhost/', '--resolve', 'localhost:443', '--json'], 'USAGE'],
    ['unknown target', ['probe', 'https://localhost/', '--target', 'nlb', '--json'], 'USAGE'],
    ['plain http', ['probe', 'http://localhost/', '--json'], 'INVALID_ARGUMENT'],
    ['missing identity file', ['probe', 'https://localhost/', '--cert', '/nonexistent/c.pem', '--key', '/nonexistent/k.pem', '--json'], 'FILE_NOT_FOUND'],
    ['unknown flag', ['probe', 'https://localhost/', '--verbose', '--json'], 'USAGE'],
  ];
  for (const [name, args, code] of cases) {
    it(name, () => {
      const run = cli(args);
      expect(run.status).toBe(2);
      expect(run.json().error.code).toBe(code);
    });
  }
});
