import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { useKeyring } from '../helpers/keyring';
import { makeTestPki, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';

const keyring = useKeyring();
const dir = useTempDir('mtls-studio-cli-install-');
const data = join(dir, 'data');
const userHome = join(dir, 'user');
const sharedDb = join(userHome, '.pki', 'nssdb');
let pki: TestPki;

/** the CLI with this file's vault and keyring, and a temporary HOME (its ~/.pki/nssdb and Firefox profiles) */
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { MTLS_STUDIO_HOME: data, HOME: userHome, NO_COLOR: '1', ...keyring.env, ...env } });
const certutilList = (db: string) => spawnSync('certutil', ['-L', '-d', `sql:${db}`], { encoding: 'utf8' }).stdout;

beforeAll(() => {
  mkdirSync(userHome, { recursive: true });
  pki = makeTestPki(dir, undefined, 'CLI Install Client');
  const chain = join(dir, 'chain.pem');
  writeFileSync(chain, readFileSync(pki.intermediateCert, 'utf8') + readFileSync(pki.rootCert, 'utf8'));
  const imported = cli(['identity', 'import', pki.leafCert, pki.leafKey, chain, '--name', 'Partner A']);
  expect(imported.status, imported.stderr).toBe(0);
  const profile = join(userHome, '.mozilla', 'firefox', 'x1.default');
  mkdirSync(profile, { recursive: true });
  writeFileSync(join(userHome, '.mozilla', 'firefox', 'profiles.ini'), '[Profile0]\nName=default\nIsRelative=1\nPath=x1.default\n');
});

describe('mtls-studio install / uninstall / stores', () => {
  it('stores --json lists the shared NSS database and the Firefox profile, with nothing of ours yet', () => {
    const run = cli(['stores', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const { stores } = run.json();
    expect(stores.map((item: { store: { kind: string; location: string } }) => [item.store.kind, item.store.location])).toEqual([
      ['nss', sharedDb],
      ['firefox', join(userHome, '.mozilla', 'firefox', 'x1.default')],
    ]);
    expect(stores.every((item: { identities: unknown[]; store: { usable: boolean } }) => item.identities.length === 0 && item.store.usable)).toBe(true);
  });

  it('install --store nss --json installs it; certutil lists it; stores shows it', () => {
    const run = cli(['install', 'Partner A', '--store', 'nss', '--json']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const result = run.json();
    expect(result.identity).toMatchObject({ name: 'Partner A', certificateSha256: opensslFingerprint(pki.leafCert) });
    expect(result.stores).toEqual([{ store: expect.objectContaining({ kind: 'nss', location: sharedDb }), nickname: expect.stringContaining('Partner A (mTLS Studio '), caTrusted: false }]);
    expect(certutilList(sharedDb)).toContain(result.stores[0].nickname);

    const text = cli(['stores']);
    expect(text.stdout).toMatch(new RegExp(`Shared NSS database — ${sharedDb.replace(/[.]/g, '\\.')}\\n  Partner A \\(as 'Partner A \\(mTLS Studio [0-9a-f]{8}\\)'\\)`));
  });

  it('install --store firefox (text) names the profile; uninstall takes it out of both stores', () => {
    const run = cli(['install', 'Partner A', '--store', 'firefox']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^installed 'Partner A' into Firefox \(default\) — .*x1\.default as 'Partner A \(mTLS Studio [0-9a-f]{8}\)'\n$/);
    for (const store of ['nss', 'firefox']) {
      const removed = cli(['uninstall', 'Partner A', '--store', store, '--json']);
      expect(removed.status, removed.stderr).toBe(0);
      expect(removed.json().stores[0].removed).toBe(true);
    }
    expect(certutilList(sharedDb)).not.toContain('Partner A');
    expect(cli(['uninstall', 'Partner A', '--store', 'nss']).stdout).toContain("'Partner A' was not in Shared NSS database");
  });

  it('bad input exits 2 with a JSON error: unknown store, missing --store, other systems, missing tools', () => {
    const unknown = cli(['install', 'Partner A', '--store', 'chrome', '--json']);
    expect(unknown.status).toBe(2);
    expect(unknown.json().error).toMatchObject({ code: 'USAGE', message: expect.stringContaining('--store must be one of nss, firefox, macos, windows') });
    expect(cli(['install', 'Partner A']).status).toBe(2);
    expect(cli(['install', 'Partner A', '--store', 'windows', '--json']).json().error.code).toBe('STORE_UNAVAILABLE');
    const noTools = cli(['install', 'Partner A', '--store', 'nss', '--json'], { PATH: join(dir, 'empty-path') });
    expect(noTools.status).toBe(2);
    expect(noTools.json().error).toMatchObject({ code: 'STORE_UNAVAILABLE', hint: expect.stringContaining('libnss3-tools') });
    expect(cli(['install', 'Nobody', '--store', 'nss', '--json']).json().error.code).toBe('IDENTITY_NOT_FOUND');
  });
});
