import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli';
import { useKeyring } from '../helpers/keyring';
import { makeTestPki, openssl, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';

const keyring = useKeyring();
const dir = useTempDir();
const home = join(dir, 'home');
let pki: TestPki;
let chain: string;
const OUT_PW = 'Export-Pässword-2026';

/** the CLI with this file's vault and keyring */
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { MTLS_STUDIO_HOME: home, ...keyring.env, ...env } });
/** the CLI with this file's vault but no D-Bus session, hence no Secret Service */
const cliWithoutKeychain = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { MTLS_STUDIO_HOME: home, ...env } });

/** the CLI on a pseudo-terminal (util-linux `script`), answering `answer` to its question */
function cliOnTerminal(args: string[], answer: string) {
  const quoted = [process.execPath, CLI, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const run = spawnSync('script', ['-qec', quoted, '/dev/null'], {
    input: answer,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, MTLS_STUDIO_HOME: home, NO_COLOR: '1', ...keyring.env },
    timeout: 30_000,
  });
  return { status: run.status, output: run.stdout };
}

beforeAll(() => {
  pki = makeTestPki(dir, undefined, 'CLI Client');
  chain = join(dir, 'chain.pem');
  writeFileSync(chain, readFileSync(pki.intermediateCert, 'utf8') + readFileSync(pki.rootCert, 'utf8'));
});

describe('mtls-studio identity', () => {
  it('import --json prints the issue\'s shape', () => {
    const run = cli(['identity', 'import', pki.leafCert, pki.leafKey, chain, '--name', 'Partner A', '--json']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const { identity } = run.json();
    expect(Object.keys(identity).sort()).toEqual(['certificateSha256', 'chain', 'id', 'issuer', 'name', 'notAfter', 'subject']);
    expect(identity).toMatchObject({ name: 'Partner A', certificateSha256: opensslFingerprint(pki.leafCert) });
    expect(identity.chain).toEqual([opensslFingerprint(pki.intermediateCert), opensslFingerprint(pki.rootCert)]);
    expect(keyring.accounts('mtls-studio')).toEqual([identity.id]);
  });

  it('reads a PKCS#12 with --password-env and names a duplicate', () => {
    const p12 = join(dir, 'second.p12');
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'second.key'), '-out', join(dir, 'second.crt'), '-subj', '/CN=Soon Expiring', '-days', '10']);
    openssl(['pkcs12', '-export', '-in', join(dir, 'second.crt'), '-inkey', join(dir, 'second.key'), '-out', p12, '-passout', 'env:P12_PW'], { env: { P12_PW: 'in-pw' } });
    const imported = cli(['identity', 'import', p12, '--password-env', 'P12_PW', '--json'], { P12_PW: 'in-pw' });
    expect(imported.status, imported.stdout).toBe(0);
    expect(imported.json().identity.name).toBe('Soon Expiring');
    expect(imported.stderr).toMatch(/warning: 'Soon Expiring' expires in/);
    const again = cli(['identity', 'import', p12, '--password-env', 'P12_PW', '--json'], { P12_PW: 'in-pw' });
    expect(again.status).toBe(2);
    expect(again.json().error).toMatchObject({ code: 'IDENTITY_EXISTS', message: "this certificate and key are already in the vault as 'Soon Expiring'" });
  });

  it('list --json prints the issue\'s fields; --expiring exits 1 when something expires within DAYS', () => {
    const run = cli(['identity', 'list', '--json']);
    expect(run.status).toBe(0);
    const { identities } = run.json();
    expect(identities.map((identity: { name: string }) => identity.name)).toEqual(['Partner A', 'Soon Expiring']);
    for (const field of ['id', 'name', 'subject', 'issuer', 'notAfter', 'daysLeft', 'certificateSha256', 'keyAlgorithm', 'hosts']) expect(identities[0]).toHaveProperty(field);
    expect(identities[0]).toMatchObject({ daysLeft: 364, keyAlgorithm: 'EC P-256', hosts: [] });

    const expiring = cli(['identity', 'list', '--expiring', '30', '--json']);
    expect(expiring.status).toBe(1);
    expect(expiring.json().identities.map((identity: { name: string }) => identity.name)).toEqual(['Soon Expiring']);
    const quiet = cli(['identity', 'list', '--expiring', '5']);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toContain('No identity expires within 5 days.');
    expect(cli(['identity', 'list', '--expiring', 'soon', '--json']).json().error.code).toBe('USAGE');
    const text = cli(['identity', 'list', '--sort', 'expiry']);
    expect(text.stdout.split('\n')[1]).toMatch(/^Soon Expiring\s+in \d+ days/);
  });

  it('show, rename, label', () => {
    const shown = cli(['identity', 'show', 'partner a', '--json']);
    expect(shown.status).toBe(0);
    expect(shown.json().identity).toMatchObject({ name: 'Partner A', chainInfo: { complete: true }, history: [{ action: 'imported' }] });
    expect(cli(['identity', 'show', 'Partner A']).stdout).toMatch(/Chain\s+Test Intermediate CA → Test Root CA \(complete\)/);
    const missing = cli(['identity', 'show', 'Nobody', '--json']);
    expect(missing.status).toBe(2);
    expect(missing.json().error).toMatchObject({ code: 'IDENTITY_NOT_FOUND', message: "no identity named 'Nobody' in the vault" });

    expect(cli(['identity', 'rename', 'Soon Expiring', 'Short Lived', '--json']).json().identity.name).toBe('Short Lived');
    expect(cli(['identity', 'rename', 'Short Lived', 'partner A', '--json']).json().error.code).toBe('IDENTITY_EXISTS');
    expect(cli(['identity', 'label', 'Partner A', '--add', 'production', '--add', 'partner-a', '--json']).json().identity.labels).toEqual(['production', 'partner-a']);
    expect(cli(['identity', 'label', 'Partner A', '--json']).json().error.code).toBe('USAGE');
  });

  it('bind, match, unbind', () => {
    const bound = cli(['identity', 'bind', 'Partner A', '*.Partner-A.example', '--json']);
    expect(bound.status).toBe(0);
    expect(bound.json()).toMatchObject({ pattern: '*.partner-a.example', conflicts: [], identity: { hosts: ['*.partner-a.example'] } });
    expect(cli(['identity', 'bind', 'Short Lived', 'api.partner-a.example:8443']).status).toBe(0);

    const exact = cli(['identity', 'match', 'https://api.partner-a.example:8443/health', '--json']);
    expect(exact.status).toBe(0);
    expect(exact.json()).toMatchObject({ host: 'api.partner-a.example', port: 8443, identity: { name: 'Short Lived' }, kind: 'exact-host-port' });
    const wildcard = cli(['identity', 'match', 'api.partner-a.example']);
    expect(wildcard.status).toBe(0);
    expect(wildcard.stdout).toContain('→ Partner A');
    expect(wildcard.stdout).toContain('the longest wildcard that matches api.partner-a.example:443');
    const none = cli(['identity', 'match', 'https://partner-a.example/', '--json']);
    expect(none.status).toBe(1);
    expect(none.json()).toMatchObject({ identity: null, reason: 'no host rule matches partner-a.example:443' });

    const conflict = cli(['identity', 'bind', 'Short Lived', '*.partner-a.example']);
    expect(conflict.status).toBe(0);
    expect(conflict.stderr).toContain("warning: '*.partner-a.example' is also bound to 'Partner A'");
    expect(cli(['identity', 'match', 'www.partner-a.example']).status).toBe(1);
    expect(cli(['identity', 'unbind', 'Short Lived', '*.PARTNER-A.example.']).status).toBe(0);
    expect(cli(['identity', 'match', 'www.partner-a.example']).status).toBe(0);
    expect(cli(['identity', 'bind', 'Partner A', 'https://x.example/', '--json']).json().error.code).toBe('INVALID_ARGUMENT');
  });

  it('export writes a PKCS#12 that OpenSSL opens, with the same key and chain', () => {
    const out = join(dir, 'exported.p12');
    const run = cli(['identity', 'export', 'Partner A', '--to', 'p12', '--out', out, '--out-password-env', 'OUT_PW', '--json'], { OUT_PW });
    expect(run.status, run.stdout).toBe(0);
    expect(run.json()).toEqual({ written: [out], warnings: [], keyExported: true });
    const dumped = openssl(['pkcs12', '-in', out, '-passin', 'env:OUT_PW', '-nodes'], { env: { OUT_PW } });
    writeFileSync(join(dir, 'dumped.pem'), dumped);
    expect(openssl(['pkey', '-in', join(dir, 'dumped.pem'), '-pubout'])).toBe(openssl(['pkey', '-in', pki.leafKey, '-pubout']));
    expect(dumped.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
    const verify = openssl(['verify', '-CAfile', pki.rootCert, '-untrusted', join(dir, 'dumped.pem'), join(dir, 'dumped.pem')]);
    expect(verify).toMatch(/OK/);
    expect(cli(['identity', 'show', 'Partner A', '--json']).json().identity.history.at(-1)).toMatchObject({ action: 'exported', details: { file: out, keyEncrypted: true } });

    const noPassword = cli(['identity', 'export', 'Partner A', '--to', 'p12', '--out', join(dir, 'nopw.p12'), '--json']);
    expect(noPassword.json().error.code).toBe('PASSWORD_REQUIRED');
    expect(existsSync(join(dir, 'nopw.p12'))).toBe(false);
    const acm = cli(['identity', 'export', 'Partner A', '--to', 'acm', '--out', join(dir, 'acm'), '--json']);
    expect(acm.status).toBe(0);
    expect(acm.stderr).toMatch(/warning:/);
  });

  it('remove refuses without --yes and without a terminal (exit 2), asks on a terminal', () => {
    const refused = cli(['identity', 'remove', 'Short Lived', '--json']);
    expect(refused.status).toBe(2);
    expect(refused.json().error).toMatchObject({ code: 'USAGE', hint: expect.stringContaining('--yes') });
    expect(cli(['identity', 'show', 'Short Lived']).status).toBe(0);

    const declined = cliOnTerminal(['identity', 'remove', 'Short Lived'], 'n\n');
    expect(declined.output).toContain("Remove 'Short Lived'");
    expect(declined.status).toBe(2);
    expect(cli(['identity', 'show', 'Short Lived']).status).toBe(0);

    const accepted = cliOnTerminal(['identity', 'remove', 'Short Lived'], 'y\n');
    expect(accepted.status, accepted.output).toBe(0);
    expect(accepted.output).toContain("removed 'Short Lived'");
    expect(cli(['identity', 'show', 'Short Lived']).status).toBe(2);
    expect(keyring.accounts('mtls-studio')).toHaveLength(1);
  });

  it('help for the command and each subcommand; unknown subcommands are usage errors', () => {
    expect(cli(['identity', '--help']).stdout).toMatch(/Subcommands:[\s\S]*import[\s\S]*match/);
    expect(cli(['identity', 'export', '--help']).stdout).toContain('Usage: mtls-studio identity export NAME --to p12|pem|acm');
    expect(cli(['help', 'identity', 'bind']).stdout).toContain('Precedence: exact host and port > exact host > the longest');
    expect(cli(['vault', '--help']).stdout).toContain('Usage: mtls-studio vault doctor');
    const unknown = cli(['identity', 'frobnicate', '--json']);
    expect(unknown.status).toBe(2);
    expect(unknown.json().error.code).toBe('USAGE');
  });
});

describe('without a keychain (no D-Bus session, so no Secret Service)', () => {
  it('refuses everything that needs a key with KEYCHAIN_UNAVAILABLE and a hint naming the service; list and show still work', () => {
    const before = readFileSync(join(home, 'vault', 'vault.json'), 'utf8');
    const imported = cliWithoutKeychain(['identity', 'import', join(dir, 'second.crt'), join(dir, 'second.key'), '--name', 'Blocked', '--json']);
    expect(imported.status).toBe(2);
    const { error } = imported.json();
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toMatch(/cannot store the key of 'Blocked': the Secret Service .* is not available \(no D-Bus session bus is running\)/);
    expect(error.hint).toContain('org.freedesktop.secrets');
    expect(error.hint).toContain('gnome-keyring-daemon --unlock --components=secrets');
    expect(readFileSync(join(home, 'vault', 'vault.json'), 'utf8')).toBe(before);

    expect(cliWithoutKeychain(['identity', 'list', '--json']).json().identities.map((identity: { name: string }) => identity.name)).toEqual(['Partner A']);
    expect(cliWithoutKeychain(['identity', 'show', 'Partner A', '--json']).json().identity.certificates).toHaveLength(3);
    expect(cliWithoutKeychain(['identity', 'match', 'x.partner-a.example']).status).toBe(0);

    const exported = cliWithoutKeychain(['identity', 'export', 'Partner A', '--to', 'p12', '--out', join(dir, 'blocked.p12'), '--out-password-env', 'OUT_PW', '--json'], { OUT_PW });
    expect(exported.json().error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(existsSync(join(dir, 'blocked.p12'))).toBe(false);
    expect(cliWithoutKeychain(['identity', 'export', 'Partner A', '--to', 'pem', '--no-key', '--out', join(dir, 'certs.pem')]).status).toBe(0);

    const removed = cliWithoutKeychain(['identity', 'remove', 'Partner A', '--yes', '--json']);
    expect(removed.json().error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(cliWithoutKeychain(['identity', 'show', 'Partner A']).status).toBe(0);
    expect(cliWithoutKeychain(['vault', 'doctor', '--json']).json().error.code).toBe('KEYCHAIN_UNAVAILABLE');
  });
});

describe('vault doctor and the writers lock', () => {
  it('doctor exits 0 when all agrees, 1 with orphans, 0 after --repair', () => {
    expect(cli(['vault', 'doctor', '--json']).json()).toEqual({ ok: true, identities: 1, problems: [] });
    keyring.secretTool(['store', '--label=orphan', 'service', 'mtls-studio', 'username', '0f7d2a9e-1111-4222-8333-944445555666'], 'x');
    const found = cli(['vault', 'doctor']);
    expect(found.status).toBe(1);
    expect(found.stdout).toContain('[keychain-entry-without-identity]');
    expect(found.stdout).toContain('vault doctor --repair');
    const repaired = cli(['vault', 'doctor', '--repair', '--json']);
    expect(repaired.status).toBe(0);
    expect(repaired.json().problems).toEqual([expect.objectContaining({ kind: 'keychain-entry-without-identity', repaired: true })]);
    expect(keyring.accounts('mtls-studio')).toHaveLength(1);
  });

  it('a writer waits for the lock and gives up with VAULT_LOCKED; a stale lock (dead process) is taken over', () => {
    const lock = join(home, 'vault', 'vault.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: 'test' }));
    const locked = cli(['identity', 'rename', 'Partner A', 'Partner B', '--json'], { MTLS_STUDIO_LOCK_TIMEOUT_MS: '300' });
    expect(locked.status).toBe(2);
    expect(locked.json().error).toMatchObject({ code: 'VAULT_LOCKED', message: expect.stringContaining(`process ${process.pid}`) });
    expect(cli(['identity', 'list', '--json']).status).toBe(0);

    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(lock, JSON.stringify({ pid: dead, host: hostname(), since: new Date().toISOString(), nonce: 'test' }));
    const renamed = cli(['identity', 'rename', 'Partner A', 'Partner B', '--json'], { MTLS_STUDIO_LOCK_TIMEOUT_MS: '300' });
    expect(renamed.status, renamed.stdout).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});
