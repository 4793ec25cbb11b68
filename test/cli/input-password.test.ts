import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli';
import { openssl, opensslFingerprint } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { makeCert, type MadeCert } from '../unit/chain/truststore/truststore-fixtures';

/** `truststore build|check` and `chain verify` read encrypted PKCS#12 inputs with --password-env / --password-file. */

const dir = useTempDir('input-password-cli-');
const file = (name: string) => join(dir, name);
const PASSWORD = 'Tr0ub4dor&3-p12 input';
const WRONG = 'hunter2-not-it';
const home = { MTLS_STUDIO_HOME: join(dir, 'home') };
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { ...home, ...env } });
/** `truststore build <the encrypted CA p12> --target TARGET --out OUT …` */
const buildCa = (target: string, out: string, ...rest: string[]) => [
  'truststore',
  'build',
  caP12,
  '--target',
  target,
  '--out',
  out,
  ...rest,
];

let root: MadeCert;
let issuing: MadeCert;
let partner: MadeCert;
/** the issuing CA with its key and the root, as a CA exports itself: `openssl pkcs12 -export` with a password */
let caP12: string;
/** the root alone, no key */
let rootP12: string;
/** a client identity: partner certificate, key and the issuing CA */
let clientP12: string;

function exportP12(out: string, args: string[]): string {
  openssl(['pkcs12', '-export', ...args, '-out', out, '-passout', 'env:PW'], { env: { PW: PASSWORD } });
  return out;
}

/** The CLI's error JSON, after checking the exit code and that no password leaked into either stream. */
function failed(run: CliRun): { code: string; message: string; hint: string } {
  expect(run.status, run.stdout + run.stderr).toBe(2);
  expect(run.stdout + run.stderr).not.toContain(PASSWORD);
  expect(run.stdout + run.stderr).not.toContain(WRONG);
  return run.json().error;
}

beforeAll(() => {
  root = makeCert(dir, 'P12 Root CA');
  issuing = makeCert(dir, 'P12 Issuing CA', { issuer: root });
  partner = makeCert(dir, 'P12 Partner', { issuer: issuing, leaf: true });
  caP12 = exportP12(file('issuing-ca.p12'), [
    '-in',
    issuing.cert,
    '-inkey',
    issuing.key,
    '-certfile',
    root.cert,
  ]);
  rootP12 = exportP12(file('root-ca.p12'), ['-nokeys', '-in', root.cert]);
  clientP12 = exportP12(file('partner.p12'), [
    '-in',
    partner.cert,
    '-inkey',
    partner.key,
    '-certfile',
    issuing.cert,
  ]);
  writeFileSync(file('password.txt'), `${PASSWORD}\n`);
  writeFileSync(file('wrong.txt'), `${WRONG}\n`);
});

describe('truststore build with an encrypted PKCS#12 CA file', () => {
  it('without a password: PASSWORD_REQUIRED (exit 2) naming the file, a hint naming the options, nothing written', () => {
    const out = file('no-password.pem');
    const error = failed(cli(buildCa('alb', out, '--json')));
    expect(error.code).toBe('PASSWORD_REQUIRED');
    expect(error.message).toContain('issuing-ca.p12');
    expect(error.hint).toContain('--password-env VAR');
    expect(error.hint).toContain('--password-file FILE');
    // these commands do not prompt, so the hint must not offer it
    expect(error.hint).not.toMatch(/when asked/);
    expect(existsSync(out)).toBe(false);
  });

  it('with --password-env: writes a bundle of both CAs (no key) that openssl verify -CAfile accepts the partner with', () => {
    const out = file('env.pem');
    const run = cli(buildCa('alb', out, '--password-env', 'CA_P12_PW'), { CA_P12_PW: PASSWORD });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote ${out}`);
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    const bundle = readFileSync(out, 'utf8');
    expect(bundle.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    expect(bundle).not.toContain('PRIVATE KEY');
    expect(openssl(['verify', '-CAfile', out, partner.cert])).toBe(`${partner.cert}: OK\n`);
  });

  it('with --password-file (trailing newline dropped): the same bundle, in JSON', () => {
    const out = file('from-file.pem');
    const run = cli(buildCa('apigw', out, '--password-file', file('password.txt'), '--json'));
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    const result = run.json();
    expect(result).toMatchObject({ target: 'apigw', passes: true, written: out });
    expect(result.certificates.map((cert: { commonName: string }) => cert.commonName)).toEqual([
      'P12 Root CA',
      'P12 Issuing CA',
    ]);
    expect(result.certificates.map((cert: { sha256: string }) => cert.sha256)).toEqual([
      opensslFingerprint(root.cert),
      opensslFingerprint(issuing.cert),
    ]);
    expect(openssl(['verify', '-CAfile', out, partner.cert])).toContain('OK');
  });

  it('with a wrong password: the WRONG_PASSWORD that inspect gives (code, message, hint, exit 2), and no file is touched', () => {
    const inspected = failed(cli(['inspect', caP12, '--password-env', 'PW', '--json'], { PW: WRONG }));
    expect(inspected.code).toBe('WRONG_PASSWORD');

    const out = file('wrong.pem');
    expect(failed(cli(buildCa('alb', out, '--password-env', 'PW', '--json'), { PW: WRONG }))).toEqual(
      inspected,
    );
    expect(failed(cli(buildCa('alb', out, '--password-file', file('wrong.txt'), '--json')))).toEqual(
      inspected,
    );
    expect(existsSync(out)).toBe(false);

    const existing = file('existing.pem');
    writeFileSync(existing, 'kept as it was\n');
    const text = cli(buildCa('alb', existing, '--force', '--password-env', 'PW'), { PW: WRONG });
    expect(text.status).toBe(2);
    expect(text.stderr).toContain("cannot read 'issuing-ca.p12': wrong password [WRONG_PASSWORD]");
    expect(text.stdout + text.stderr).not.toContain(WRONG);
    expect(readFileSync(existing, 'utf8')).toBe('kept as it was\n');
  });

  it('refuses both options at once, an unset variable and a password on the command line (exit 2, USAGE)', () => {
    const out = file('usage.pem');
    const both = failed(
      cli(buildCa('alb', out, '--password-env', 'PW', '--password-file', file('password.txt'), '--json'), {
        PW: PASSWORD,
      }),
    );
    expect(both.code).toBe('USAGE');
    const unset = failed(cli(buildCa('alb', out, '--password-env', 'NOT_SET', '--json')));
    expect(unset).toMatchObject({ code: 'USAGE', message: 'environment variable NOT_SET is not set' });
    expect(failed(cli(buildCa('alb', out, '--password', WRONG, '--json'))).code).toBe('USAGE');
    expect(existsSync(out)).toBe(false);
  });
});

describe('truststore check with encrypted PKCS#12 inputs', () => {
  it('reads a PKCS#12 client file with the password; without it, PASSWORD_REQUIRED with the options in the hint', () => {
    const bundle = file('check-bundle.pem');
    writeFileSync(bundle, readFileSync(root.cert, 'utf8') + readFileSync(issuing.cert, 'utf8'));
    const run = cli(
      [
        'truststore',
        'check',
        bundle,
        '--target',
        'alb',
        '--client-cert',
        clientP12,
        '--password-env',
        'PW',
        '--json',
      ],
      { PW: PASSWORD },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toContain(PASSWORD);
    expect(run.json().clients[0]).toMatchObject({
      source: 'partner.p12',
      accepted: true,
      certificateSha256: opensslFingerprint(partner.cert),
    });
    expect(run.json().clients[0].path).toHaveLength(3);

    const missing = failed(
      cli(['truststore', 'check', bundle, '--target', 'alb', '--client-cert', clientP12, '--json']),
    );
    expect(missing.code).toBe('PASSWORD_REQUIRED');
    expect(missing.message).toContain('partner.p12');
    expect(missing.hint).toMatch(/--password-env VAR or --password-file FILE/);
    expect(
      failed(
        cli([
          'truststore',
          'check',
          bundle,
          '--target',
          'alb',
          '--client-cert',
          clientP12,
          '--password-file',
          file('wrong.txt'),
          '--json',
        ]),
      ).code,
    ).toBe('WRONG_PASSWORD');
  });

  it('opens a bundle given as PKCS#12 and reports that the target wants PEM', () => {
    const run = cli([
      'truststore',
      'check',
      rootP12,
      '--target',
      'alb',
      '--password-file',
      file('password.txt'),
      '--json',
    ]);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    const result = run.json();
    expect(result.certificates.map((cert: { sha256: string }) => cert.sha256)).toEqual([
      opensslFingerprint(root.cert),
    ]);
    expect(result.findings.map((finding: { code: string }) => finding.code)).toContain('TRUSTSTORE_NOT_PEM');
  });
});

describe('chain verify with encrypted PKCS#12 inputs', () => {
  it('verifies a PKCS#12 leaf (its chain as intermediates) against a PKCS#12 root with --password-env', () => {
    const run = cli(
      [
        'chain',
        'verify',
        clientP12,
        '--trust',
        rootP12,
        '--purpose',
        'client',
        '--password-env',
        'PW',
        '--json',
      ],
      { PW: PASSWORD },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.json()).toEqual({
      valid: true,
      path: [
        opensslFingerprint(partner.cert),
        opensslFingerprint(issuing.cert),
        opensslFingerprint(root.cert),
      ],
      findings: [],
    });
    expect(run.stdout).not.toContain(PASSWORD);
    const text = cli([
      'chain',
      'verify',
      clientP12,
      '--trust',
      rootP12,
      '--password-file',
      file('password.txt'),
    ]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('valid: the chain reaches a trusted certificate');
    expect(text.stdout + text.stderr).not.toContain(PASSWORD);
  });

  it('without a password: PASSWORD_REQUIRED naming the options; with a wrong one: the WRONG_PASSWORD inspect gives', () => {
    const missing = failed(
      cli(['chain', 'verify', partner.cert, '--untrusted', issuing.cert, '--trust', rootP12, '--json']),
    );
    expect(missing.code).toBe('PASSWORD_REQUIRED');
    expect(missing.message).toContain('root-ca.p12');
    expect(missing.hint).toMatch(/--password-env VAR or --password-file FILE/);
    const text = cli(['chain', 'verify', partner.cert, '--untrusted', issuing.cert, '--trust', rootP12]);
    expect(text.status).toBe(2);
    expect(text.stderr).toMatch(/hint: .*--password-env VAR or --password-file FILE/);

    const inspected = failed(cli(['inspect', rootP12, '--password-env', 'PW', '--json'], { PW: WRONG }));
    const wrong = failed(
      cli(
        [
          'chain',
          'verify',
          partner.cert,
          '--untrusted',
          issuing.cert,
          '--trust',
          rootP12,
          '--password-env',
          'PW',
          '--json',
        ],
        { PW: WRONG },
      ),
    );
    expect(wrong).toEqual(inspected);
    expect(wrong.code).toBe('WRONG_PASSWORD');
  });
});

describe('help', () => {
  it.each([
    [['truststore', 'build'], 'mtls-studio truststore build CA_FILE...'],
    [['truststore', 'check'], 'mtls-studio truststore check BUNDLE'],
    [['chain', 'verify'], 'mtls-studio chain verify CERT'],
  ])('%j lists --password-env and --password-file in its usage and options', (command, usage) => {
    const run = cli([...command, '--help']);
    expect(run.status).toBe(0);
    const usageLine = run.stdout.split('\n').find((line) => line.startsWith(`Usage: ${usage}`));
    expect(usageLine).toContain('[--password-env VAR | --password-file FILE]');
    expect(run.stdout).toMatch(/^ {2}--password-env VAR \/ --password-file FILE$/m);
  });
});
