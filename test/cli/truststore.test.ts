import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRUSTSTORE_TARGETS } from '../../electron/common/dto/truststore';
import { runCli } from '../helpers/cli';
import { openssl } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { makeCert, type MadeCert } from '../unit/chain/truststore/truststore-fixtures';

const dir = useTempDir('truststore-cli-');
const env = { MTLS_STUDIO_HOME: join(dir, 'home') };
const cli = (args: string[]) => runCli(args, { env });
const file = (name: string) => join(dir, name);
const pem = (made: MadeCert) => readFileSync(made.cert, 'utf8');

let root: MadeCert;
let issuing: MadeCert;
let partner: MadeCert;
let stranger: MadeCert;
let partnerChain: string;

beforeAll(() => {
  root = makeCert(dir, 'CLI Root CA');
  issuing = makeCert(dir, 'CLI Issuing CA', { issuer: root });
  partner = makeCert(dir, 'CLI Partner', { issuer: issuing, leaf: true });
  stranger = makeCert(dir, 'CLI Stranger', { issuer: makeCert(dir, 'CLI Other Root'), leaf: true });
  partnerChain = file('partner-chain.pem');
  writeFileSync(partnerChain, pem(partner) + pem(issuing));
});

describe('mtls-studio truststore build', () => {
  it.each(TRUSTSTORE_TARGETS)(
    'writes a %s bundle that check passes and openssl verify accepts the partner chain with',
    (target) => {
      const out = file(`cli-${target}.pem`);
      const cas = target === 'clb-alibaba' ? [root.cert] : [issuing.cert, partner.cert, root.cert];
      const run = cli(['truststore', 'build', ...cas, '--target', target, '--out', out, '--json']);
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const result = run.json();
      expect(result).toMatchObject({ target, passes: true, written: out });
      expect(result.certificates.map((cert: { commonName: string }) => cert.commonName)).toEqual(
        target === 'clb-alibaba' ? ['CLI Root CA'] : ['CLI Root CA', 'CLI Issuing CA'],
      );
      expect(statSync(out).mode & 0o777).toBe(0o644);
      expect(openssl(['verify', '-CAfile', out, '-untrusted', issuing.cert, partner.cert])).toContain('OK');

      const checked = cli([
        'truststore',
        'check',
        out,
        '--target',
        target,
        '--client-cert',
        partnerChain,
        '--json',
      ]);
      expect(checked.status, checked.stdout).toBe(0);
      expect(checked.json().clients[0]).toMatchObject({ source: 'partner-chain.pem', accepted: true });
      expect(checked.json().clients[0].path).toHaveLength(3);
    },
  );

  it('prints the bundle and what was left out in text mode, and refuses to replace a file without --force', () => {
    const out = file('text-mode.pem');
    const run = cli(['truststore', 'build', root.cert, partner.cert, '--target', 'alb', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('CLI Root CA');
    expect(run.stdout).toMatch(
      /warning TRUSTSTORE_NOT_A_CA: 'CLI Partner' from CLI Partner\.pem is not a CA certificate/,
    );
    expect(run.stdout).toContain(`wrote ${out}`);
    const again = cli(['truststore', 'build', root.cert, '--target', 'alb', '--out', out, '--json']);
    expect(again.status).toBe(2);
    expect(again.json().error.code).toBe('OUTPUT_EXISTS');
    expect(again.json().error.hint).toMatch(/--force/);
    expect(
      cli(['truststore', 'build', root.cert, issuing.cert, '--target', 'alb', '--out', out, '--force'])
        .status,
    ).toBe(0);
    expect(readFileSync(out, 'utf8').match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
  });

  it('exits 1 and writes nothing when violations are left', () => {
    const weak = makeCert(dir, 'CLI Weak Root', { key: 'rsa1024', md: 'md5', v1: true });
    const out = file('weak.pem');
    const run = cli(['truststore', 'build', weak.cert, '--target', 'apigw', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/error TRUSTSTORE_WEAK_SIGNATURE: 'CLI Weak Root' is signed with MD5/);
    expect(run.stdout).toMatch(/fix: Reissue the CA certificate with SHA-256/);
    expect(run.stdout).toContain('not written');
    expect(() => statSync(out)).toThrow();
  });
});

describe('mtls-studio truststore check', () => {
  it('exits 1 for a rejected client and says why', () => {
    const bundle = file('check-bundle.pem');
    writeFileSync(bundle, pem(root) + pem(issuing));
    const run = cli([
      'truststore',
      'check',
      bundle,
      '--target',
      'alb',
      '--client-cert',
      partner.cert,
      '--client-cert',
      stranger.cert,
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/client CLI Partner\.pem: ACCEPTED/);
    expect(run.stdout).toMatch(/client CLI Stranger\.pem: REJECTED/);
    expect(run.stdout).toMatch(/PATH_NOT_FOUND/);
    expect(run.stdout).toContain('the bundle passes the alb rules');
  });

  it('exits 1 for a bundle that breaks the rules, listing every violation with its fix', () => {
    const bundle = file('broken.pem');
    writeFileSync(bundle, `# partner-a CAs\n${pem(root)}\n${pem(partner)}`);
    const run = cli(['truststore', 'check', bundle, '--target', 'alb', '--json']);
    expect(run.status).toBe(1);
    const result = run.json();
    expect(result.passes).toBe(false);
    expect(result.findings.map((finding: { code: string }) => finding.code).sort()).toEqual([
      'TRUSTSTORE_BAD_COMMENT',
      'TRUSTSTORE_BLANK_LINE',
      'TRUSTSTORE_NOT_A_CA',
    ]);
    for (const finding of result.findings) expect(finding.hint.length).toBeGreaterThan(10);
    expect(result.clients).toEqual([]);
  });

  it('exits 2 on usage errors and unreadable files', () => {
    expect(cli(['truststore', 'check', file('check-bundle.pem'), '--target', 'nlb']).status).toBe(2);
    expect(cli(['truststore', 'check', '--target', 'alb']).status).toBe(2);
    expect(cli(['truststore', 'build', root.cert, '--target', 'alb']).status).toBe(2);
    const missing = cli(['truststore', 'check', file('nope.pem'), '--target', 'alb', '--json']);
    expect(missing.status).toBe(2);
    expect(missing.json().error.code).toBe('FILE_NOT_FOUND');
    const help = cli(['truststore', 'check', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });
});
