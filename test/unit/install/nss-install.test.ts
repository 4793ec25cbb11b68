import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/core';
import { useKeyring } from '../../helpers/keyring';
import { makeTestPki, opensslFingerprint, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { importFiles } from '../../helpers/vault';

useKeyring();
const dir = useTempDir('mtls-studio-install-');
const userHome = join(dir, 'user');
const tempRoot = join(dir, 'tmp');
const sharedDb = join(userHome, '.pki', 'nssdb');
let pki: TestPki;
let services: Services;
let leafSha256: string;

/** certutil as a user would run it: independent of our parsing */
function certutil(args: string[]): { status: number; out: string } {
  const result = spawnSync('certutil', args, { encoding: 'utf8' });
  return { status: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

/** SHA-256 of every certificate certutil exports under a nickname (PEM → openssl) */
function fingerprintsInDb(db: string, nickname: string): string[] {
  const { status, out } = certutil(['-L', '-d', `sql:${db}`, '-n', nickname, '-a']);
  if (status !== 0) return [];
  const blocks = out.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((pem, i) => {
    const file = join(dir, `exported-${i}.pem`);
    writeFileSync(file, `${pem}\n`);
    return opensslFingerprint(file);
  });
}

beforeAll(async () => {
  mkdirSync(userHome, { recursive: true });
  mkdirSync(tempRoot, { recursive: true });
  pki = makeTestPki(dir, undefined, 'Install Client');
  const chain = join(dir, 'chain.pem');
  writeFileSync(chain, readFileSync(pki.intermediateCert, 'utf8') + readFileSync(pki.rootCert, 'utf8'));
  services = createServices({ home: join(dir, 'data'), install: { machine: { home: userHome, platform: 'linux' }, tempRoot } });
  await importFiles(services, [pki.leafCert, pki.leafKey, chain], { name: 'Partner: NSS' });
  leafSha256 = opensslFingerprint(pki.leafCert);
}, 60_000);

describe('the shared NSS database (~/.pki/nssdb) with the real pk12util and certutil', () => {
  let nickname: string;

  it('creates the database when missing and installs key + certificate + chain', async () => {
    const result = await services.install.install({ identity: 'Partner: NSS', store: 'nss' });
    expect(result.stores).toHaveLength(1);
    expect(result.stores[0]!.store).toMatchObject({ kind: 'nss', location: sharedDb });
    nickname = result.stores[0]!.nickname!;
    // ':' would mean "token:nickname" to NSS
    expect(nickname).toBe(`Partner  NSS (mTLS Studio ${leafSha256.slice(0, 8)})`.replace('  ', ' '));

    expect(certutil(['-L', '-d', `sql:${sharedDb}`]).out).toContain(nickname);
    expect(fingerprintsInDb(sharedDb, nickname)).toEqual([leafSha256]);
    expect(certutil(['-K', '-d', `sql:${sharedDb}`]).out).toContain(nickname);
    // the chain came along (pk12util names CA certificates after their subject)
    const listing = certutil(['-L', '-d', `sql:${sharedDb}`]).out;
    expect(listing).toMatch(/Test Intermediate CA/);
  });

  it('reports it live: whereInstalled and stores match by SHA-256 fingerprint', async () => {
    const placements = await services.install.whereInstalled('Partner: NSS');
    const shared = placements.find((placement) => placement.store.kind === 'nss')!;
    expect(shared).toMatchObject({ installed: true, hasKey: true, nickname, error: null });
    const inventory = await services.install.stores();
    expect(inventory.find((item) => item.store.kind === 'nss')!.identities).toEqual([
      expect.objectContaining({ name: 'Partner: NSS', certificateSha256: leafSha256, hasKey: true }),
    ]);
  });

  it('removes certificate and key, and certutil proves both are gone', async () => {
    const result = await services.install.uninstall({ identity: 'Partner: NSS', store: 'nss' });
    expect(result.stores).toEqual([expect.objectContaining({ removed: true })]);
    expect(certutil(['-L', '-d', `sql:${sharedDb}`]).out).not.toContain(nickname);
    expect(fingerprintsInDb(sharedDb, nickname)).toEqual([]);
    expect(certutil(['-K', '-d', `sql:${sharedDb}`]).out).not.toContain(nickname);
    expect((await services.install.whereInstalled('Partner: NSS')).find((p) => p.store.kind === 'nss')!.installed).toBe(false);
    // a second uninstall has nothing to do
    expect((await services.install.uninstall({ identity: 'Partner: NSS', store: 'nss' })).stores[0]!.removed).toBe(false);
  });

  it('--trust-ca marks the top CA "T,," (trusted to issue client certificates)', async () => {
    await services.install.install({ identity: 'Partner: NSS', store: 'nss', trustCa: true });
    const rootNick = certutil(['-L', '-d', `sql:${sharedDb}`]).out.split('\n').filter((line) => /\bT[a-zA-Z]*,/.test(line));
    expect(rootNick).toHaveLength(1);
    const name = rootNick[0]!.replace(/\s+\S+,\S*,\S*\s*$/, '').trim();
    expect(fingerprintsInDb(sharedDb, name)).toEqual([opensslFingerprint(pki.rootCert)]);
    await services.install.uninstall({ identity: 'Partner: NSS', store: 'nss' });
  });

  it('leaves no temporary file behind, after success and after failure', async () => {
    expect(readdirSync(tempRoot)).toEqual([]);
    // a database pk12util cannot open: the install fails, and still nothing stays in the temp folder
    const broken = join(dir, 'broken-db');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'cert9.db'), 'not a database');
    writeFileSync(join(broken, 'key4.db'), 'not a database');
    await expect(services.install.install({ identity: 'Partner: NSS', store: 'nss', profile: broken })).rejects.toMatchObject({ code: 'STORE_COMMAND_FAILED' });
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});

describe('Firefox profiles found from profiles.ini', () => {
  const relative = join(userHome, '.mozilla', 'firefox', 'abcd1234.default-release');
  const snapAbsolute = join(dir, 'elsewhere', 'snap-work');

  beforeAll(() => {
    mkdirSync(relative, { recursive: true });
    mkdirSync(snapAbsolute, { recursive: true });
    writeFileSync(
      join(userHome, '.mozilla', 'firefox', 'profiles.ini'),
      '[Install4F96D1932A9F858E]\nDefault=abcd1234.default-release\n\n[Profile0]\nName=default-release\nIsRelative=1\nPath=abcd1234.default-release\nDefault=1\n\n[Profile1]\nName=gone\nIsRelative=1\nPath=missing.profile\n\n[General]\nStartWithLastProfile=1\nVersion=2\n',
    );
    const snapRoot = join(userHome, 'snap', 'firefox', 'common', '.mozilla', 'firefox');
    mkdirSync(snapRoot, { recursive: true });
    writeFileSync(join(snapRoot, 'profiles.ini'), `[Profile0]\nName=work\nIsRelative=0\nPath=${snapAbsolute}\n`);
    // Firefox creates its database on first start; this one has never run, the Snap one has
    execFileSync('certutil', ['-N', '-d', `sql:${snapAbsolute}`, '--empty-password']);
  });

  it('lists both profiles (relative and absolute Path) and skips the one whose folder is gone', async () => {
    const stores = (await services.install.stores()).map((item) => item.store).filter((store) => store.kind === 'firefox');
    expect(stores.map((store) => [store.location, store.profileName, store.flavour])).toEqual([
      [relative, 'default-release', 'Firefox'],
      [snapAbsolute, 'work', 'Firefox Snap'],
    ]);
  });

  it('installs into every profile, certutil finds it in each, uninstall takes it out of each', async () => {
    const result = await services.install.install({ identity: 'Partner: NSS', store: 'firefox' });
    expect(result.stores.map((item) => item.store.location)).toEqual([relative, snapAbsolute]);
    for (const profile of [relative, snapAbsolute]) {
      const nickname = result.stores[0]!.nickname!;
      expect(fingerprintsInDb(profile, nickname), profile).toEqual([leafSha256]);
      expect(certutil(['-K', '-d', `sql:${profile}`]).out).toContain(nickname);
    }
    const removed = await services.install.uninstall({ identity: 'Partner: NSS', store: 'firefox', profile: snapAbsolute });
    expect(removed.stores).toEqual([expect.objectContaining({ removed: true, store: expect.objectContaining({ location: snapAbsolute }) })]);
    expect(fingerprintsInDb(snapAbsolute, result.stores[0]!.nickname!)).toEqual([]);
    expect(fingerprintsInDb(relative, result.stores[0]!.nickname!)).toEqual([leafSha256]);
    await services.install.uninstall({ identity: 'Partner: NSS', store: 'firefox' });
    expect(fingerprintsInDb(relative, result.stores[0]!.nickname!)).toEqual([]);
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});

describe('a database with a primary password', () => {
  it('fails at once with the hint instead of waiting for a password prompt, and leaves no temporary file', async () => {
    const locked = join(dir, 'locked-db');
    mkdirSync(locked, { recursive: true });
    writeFileSync(join(dir, 'db-password'), 'primary password 1\n');
    execFileSync('certutil', ['-N', '-d', `sql:${locked}`, '-f', join(dir, 'db-password')]);
    const started = Date.now();
    await expect(services.install.install({ identity: 'Partner: NSS', store: 'nss', profile: locked })).rejects.toMatchObject({
      code: 'STORE_COMMAND_FAILED',
      hint: expect.stringContaining('primary password'),
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});

describe('when libnss3-tools is missing', () => {
  it('says which package to install, and the stores list shows the store as unusable', async () => {
    const bare = createServices({ home: join(dir, 'data'), install: { machine: { home: userHome, platform: 'linux', path: join(dir, 'no-tools') } } });
    await expect(bare.install.install({ identity: 'Partner: NSS', store: 'nss' })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      hint: expect.stringContaining('libnss3-tools'),
    });
    const shared = (await bare.install.stores()).find((item) => item.store.kind === 'nss')!;
    expect(shared.store).toMatchObject({ usable: false, problem: expect.stringContaining('libnss3-tools') });
  });

  it('refuses stores of other systems and unknown store names', async () => {
    await expect(services.install.install({ identity: 'Partner: NSS', store: 'macos' })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(services.install.install({ identity: 'Partner: NSS', store: 'chrome' as never })).rejects.toMatchObject({ code: 'USAGE' });
  });
});
