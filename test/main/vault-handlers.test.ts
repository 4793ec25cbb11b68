/**
 * The studio:vault.* and studio:settings.* channels: the real services and the real gateway, the vault's keys in
 * a real gnome-keyring (private D-Bus session); only the native save dialog is scripted.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFormat } from '../../electron/common/dto/inspect';
import type { AppSettings } from '../../electron/common/dto/settings';
import type { IdentityDetails, IdentityList, ImportedIdentity } from '../../electron/common/dto/vault';
import { useKeyring } from '../helpers/keyring';
import { makeTestPki, openssl, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { privateKeyEncodings } from '../helpers/vault';
import { appGateway } from './app-gateway';

const dir = useTempDir();
const keyring = useKeyring();
let pki: TestPki;
let other: TestPki;

beforeAll(() => {
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  pki = makeTestPki(join(dir, 'a'), undefined, 'Partner A');
  other = makeTestPki(join(dir, 'b'), undefined, 'Partner B');
});

function studio(home: string) {
  const saves: { name: string; format: OutputFormat }[] = [];
  const dialogs = {
    savePath: null as string | null,
    pickFiles: async () => [],
    chooseSavePath: async (name: string, format: OutputFormat) => {
      saves.push({ name, format });
      return dialogs.savePath;
    },
    chooseReportPath: async () => dialogs.savePath,
    pickFile: async () => null,
    chooseFileSavePath: async () => null,
    chooseNewFolder: async () => null,
  };
  const { call, value } = appGateway(home, dialogs);
  const importFiles = async (paths: string[], name?: string) => {
    const { inspectionId } = await value<{ inspectionId: string }>('studio:files.inspect', { paths });
    return call<ImportedIdentity>('studio:vault.import', name === undefined ? { inspectionId } : { inspectionId, name });
  };
  return { call, value, importFiles, dialogs, saves };
}

describe('studio:vault.* behind the gateway', () => {
  it('imports what files.inspect read, lists and shows it — without a byte of the key in any answer', async () => {
    const { value, importFiles } = studio(join(dir, 'home-import'));
    const imported = await importFiles([pki.leafCert, pki.leafKey, pki.intermediateCert, pki.rootCert]);
    expect(imported).toMatchObject({ ok: true, value: { name: 'Partner A', certificateSha256: opensslFingerprint(pki.leafCert) } });
    const id = (imported as { value: ImportedIdentity }).value.id;

    const list = await value<IdentityList>('studio:vault.list', { sort: 'expiry' });
    expect(list.identities.map((identity) => [identity.id, identity.subjectCommonName, identity.issuerCommonName, identity.keyAlgorithm])).toEqual([
      [id, 'Partner A', 'Test Intermediate CA', 'EC P-256'],
    ]);
    const details = await value<IdentityDetails>('studio:vault.show', id);
    expect(details.certificates.map((certificate) => certificate.commonName)).toEqual(['Partner A', 'Test Intermediate CA', 'Test Root CA']);
    expect(details.chainInfo?.complete).toBe(true);
    expect(details.history.map((entry) => entry.action)).toEqual(['imported']);

    const answers = JSON.stringify([imported, list, details]);
    for (const form of privateKeyEncodings(pki.leafKey)) expect(answers.includes(form.bytes.toString('latin1')), form.name).toBe(false);
    expect(answers).not.toMatch(/PRIVATE KEY/);
  });

  it('names the identity that already holds a duplicate import', async () => {
    const { importFiles } = studio(join(dir, 'home-duplicate'));
    await importFiles([pki.leafCert, pki.leafKey], 'Partner A production');
    const again = await importFiles([pki.leafKey, pki.leafCert]);
    expect(again).toMatchObject({ ok: false, error: { code: 'IDENTITY_EXISTS', params: { name: 'Partner A production' } } });
  });

  it('exports a PKCS#12 through the save dialog that openssl opens, and records it in the history', async () => {
    const home = join(dir, 'home-export');
    const { call, value, importFiles, dialogs, saves } = studio(home);
    const { id } = (await importFiles([pki.leafCert, pki.leafKey, pki.intermediateCert, pki.rootCert]) as { value: ImportedIdentity }).value;

    // dismissed dialog: nothing written, nothing recorded
    expect(await call('studio:vault.export', { id, format: 'p12', profile: 'compat', outPassword: 'out-pw-1234', includeKey: true })).toEqual({
      ok: true,
      value: { saved: false, written: [], warnings: [], keyExported: false },
    });
    const out = join(dir, 'exported.p12');
    dialogs.savePath = out;
    const saved = await value<{ saved: boolean; written: string[]; keyExported: boolean }>('studio:vault.export', { id, format: 'p12', profile: 'compat', outPassword: 'out-pw-1234', includeKey: true });
    expect(saved).toMatchObject({ saved: true, written: [out], keyExported: true });
    expect(saves).toEqual([
      { name: 'Partner A.p12', format: 'p12' },
      { name: 'Partner A.p12', format: 'p12' },
    ]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    writeFileSync(join(dir, 'export-key.pem'), openssl(['pkcs12', '-in', out, '-passin', 'pass:out-pw-1234', '-nocerts', '-nodes', '-legacy']));
    expect(openssl(['pkey', '-in', join(dir, 'export-key.pem'), '-pubout'])).toBe(openssl(['pkey', '-in', pki.leafKey, '-pubout']));
    const certs = openssl(['pkcs12', '-in', out, '-passin', 'pass:out-pw-1234', '-nokeys', '-legacy']);
    expect(certs.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);

    const history = (await value<IdentityDetails>('studio:vault.show', id)).history;
    expect(history.map((entry) => entry.action)).toEqual(['imported', 'exported']);
    expect(history[1]!.details).toMatchObject({ format: 'p12', profile: 'compat', keyIncluded: true, keyEncrypted: true });
    expect(JSON.stringify(history)).not.toContain('out-pw-1234');
  });

  it('lets the key out only when asked: PKCS#12 without it is refused before the dialog, PEM without it needs no keychain entry', async () => {
    const { call, value, importFiles, dialogs, saves } = studio(join(dir, 'home-explicit'));
    const { id } = (await importFiles([pki.leafCert, pki.leafKey]) as { value: ImportedIdentity }).value;
    expect(await call('studio:vault.export', { id, format: 'p12', outPassword: 'x-1234567', includeKey: false })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call('studio:vault.export', { id, format: 'acm' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(saves).toEqual([]);

    const out = join(dir, 'certificates.pem');
    dialogs.savePath = out;
    expect(await value('studio:vault.export', { id, format: 'pem', includeKey: false })).toMatchObject({ saved: true, keyExported: false });
    expect(readFileSync(out, 'utf8')).not.toMatch(/PRIVATE KEY/);
    expect((await value<IdentityDetails>('studio:vault.show', id)).history.map((entry) => entry.action)).toEqual(['imported']);
  });

  it('renames, labels, binds host rules with conflicts, and answers which identity a URL uses', async () => {
    const { call, value, importFiles } = studio(join(dir, 'home-rules'));
    const a = (await importFiles([pki.leafCert, pki.leafKey]) as { value: ImportedIdentity }).value.id;
    const b = (await importFiles([other.leafCert, other.leafKey]) as { value: ImportedIdentity }).value.id;

    expect(await value('studio:vault.rename', a, 'Partner A production')).toMatchObject({ id: a, name: 'Partner A production' });
    expect(await call('studio:vault.rename', b, 'partner a PRODUCTION')).toMatchObject({ ok: false, error: { code: 'IDENTITY_EXISTS' } });
    expect(await value('studio:vault.label', a, { add: ['production', 'eu'] })).toMatchObject({ labels: ['production', 'eu'] });
    expect(await value('studio:vault.label', a, { remove: ['eu'] })).toMatchObject({ labels: ['production'] });

    expect(await value('studio:vault.bind', a, '*.Partner.example')).toMatchObject({ pattern: '*.partner.example', conflicts: [] });
    expect(await value('studio:vault.bind', b, 'api.partner.example:8443')).toMatchObject({ conflicts: [] });
    const clash = await value<{ conflicts: { pattern: string; identities: { id: string }[] }[] }>('studio:vault.bind', b, '*.partner.example');
    expect(clash.conflicts.map((conflict) => [conflict.pattern, conflict.identities.map((identity) => identity.id).sort()])).toEqual([['*.partner.example', [a, b].sort()]]);
    expect((await value<IdentityList>('studio:vault.list', {})).conflicts).toHaveLength(1);

    expect(await value('studio:vault.match', 'https://api.partner.example:8443/health')).toMatchObject({ identity: { id: b }, kind: 'exact-host-port', port: 8443 });
    expect(await value('studio:vault.match', 'https://www.partner.example/')).toMatchObject({ identity: null, conflict: { pattern: '*.partner.example' } });
    await value('studio:vault.unbind', b, '*.partner.example');
    expect(await value('studio:vault.match', 'https://www.partner.example/')).toMatchObject({ identity: { id: a }, kind: 'wildcard', pattern: '*.partner.example' });
    expect(await call('studio:vault.bind', a, 'https://not a pattern')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('removes an identity only with its exact name typed, and its keychain entry goes with it', async () => {
    const { call, value, importFiles } = studio(join(dir, 'home-remove'));
    const { id } = (await importFiles([pki.leafCert, pki.leafKey], 'Partner A') as { value: ImportedIdentity }).value;
    expect(keyring.accounts('mtls-studio')).toContain(id);
    expect(await call('studio:vault.remove', { id, confirmName: 'Partner' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', params: { name: 'Partner A' } } });
    expect((await value<IdentityList>('studio:vault.list', {})).identities).toHaveLength(1);
    expect(await value('studio:vault.remove', { id, confirmName: 'Partner A' })).toEqual({ id, name: 'Partner A' });
    expect((await value<IdentityList>('studio:vault.list', {})).identities).toEqual([]);
    expect(keyring.accounts('mtls-studio')).not.toContain(id);
    expect(await call('studio:vault.show', id)).toMatchObject({ ok: false, error: { code: 'IDENTITY_NOT_FOUND' } });
  });

  // last in this file: the keyring of this process cannot be restarted once its session bus is gone
  it('fails with KEYCHAIN_UNAVAILABLE and its hint once the Secret Service is gone, while listing and showing still work', async () => {
    const { call, value, importFiles, dialogs } = studio(join(dir, 'home-no-keychain'));
    const { id } = (await importFiles([pki.leafCert, pki.leafKey]) as { value: ImportedIdentity }).value;
    keyring.stop();
    const failed = await importFiles([other.leafCert, other.leafKey]);
    expect(failed).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringContaining('Secret Service'), hint: expect.stringContaining('gnome-keyring-daemon') } });
    expect(await call('studio:vault.remove', { id, confirmName: 'Partner A' })).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    dialogs.savePath = join(dir, 'never-written.p12');
    expect(await call('studio:vault.export', { id, format: 'p12', outPassword: 'out-pw-1234', includeKey: true })).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(existsSync(dialogs.savePath)).toBe(false);
    expect((await value<IdentityDetails>('studio:vault.show', id)).history.map((entry) => entry.action)).toEqual(['imported']);
    expect((await value<IdentityList>('studio:vault.list', {})).identities.map((identity) => identity.name)).toEqual(['Partner A']);
    expect((await value<IdentityDetails>('studio:vault.show', id)).certificates[0]?.commonName).toBe('Partner A');
  });
});

describe('studio:settings.*', () => {
  it('starts with a 30-day reminder, keeps changes in settings.json (0600), and refuses thresholds out of range', async () => {
    const home = join(dir, 'home-settings');
    const first = studio(home);
    expect(await first.value<AppSettings>('studio:settings.get')).toEqual({ expiry: { notify: true, thresholdDays: 30 }, language: null });
    expect(existsSync(join(home, 'settings.json'))).toBe(false);
    expect(await first.value('studio:settings.update', { expiryThresholdDays: 45, language: 'zh-TW' })).toEqual({ expiry: { notify: true, thresholdDays: 45 }, language: 'zh-TW' });
    expect(await first.value('studio:settings.update', { expiryNotify: false })).toEqual({ expiry: { notify: false, thresholdDays: 45 }, language: 'zh-TW' });
    expect(statSync(join(home, 'settings.json')).mode & 0o777).toBe(0o600);
    // another start of the app reads the same settings
    expect(await studio(home).value('studio:settings.get')).toEqual({ expiry: { notify: false, thresholdDays: 45 }, language: 'zh-TW' });
    for (const bad of [0, 366, 1.5, -3]) expect(await first.call('studio:settings.update', { expiryThresholdDays: bad })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await first.call('studio:settings.update', { language: 'de' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('falls back to the defaults when settings.json is damaged or tampered with', async () => {
    const home = join(dir, 'home-settings-bad');
    mkdirSync(home, { recursive: true });
    for (const text of ['{not json', JSON.stringify({ version: 1, expiry: { notify: 'yes', thresholdDays: 30 }, language: null }), JSON.stringify({ version: 1, expiry: { notify: true, thresholdDays: 100000 }, language: null })]) {
      writeFileSync(join(home, 'settings.json'), text);
      expect(await studio(home).value('studio:settings.get')).toEqual({ expiry: { notify: true, thresholdDays: 30 }, language: null });
    }
  });
});
