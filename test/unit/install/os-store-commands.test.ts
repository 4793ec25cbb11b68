import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/core';
import { macosCommands, nssCommands, withPrivateFolder, parseMacIdentities, parseWindowsList, windowsCommands, WINDOWS_SCRIPTS, type ToolRunner } from '../../../electron/core/install';
import { useKeyring } from '../../helpers/keyring';
import { makeTestPki, openssl, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { importFiles } from '../../helpers/vault';

useKeyring();
const dir = useTempDir('mtls-studio-os-stores-');
const tempRoot = join(dir, 'tmp');
let pki: TestPki;
let leafSha1: string;

const PS = ['powershell.exe', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command'];

describe('exact argv of the macOS, Windows and NSS commands', () => {
  it('macOS: security import / find-identity / delete-identity -Z', () => {
    expect(macosCommands.importP12('/Users/a/Library/Keychains/login.keychain-db', '/tmp/x/identity.p12', 'one-time', '/Applications/mTLS Studio.app')).toEqual([
      '/usr/bin/security', 'import', '/tmp/x/identity.p12', '-k', '/Users/a/Library/Keychains/login.keychain-db', '-f', 'pkcs12', '-P', 'one-time', '-T', '/Applications/mTLS Studio.app',
    ]);
    expect(macosCommands.importP12('/k', '/f.p12', 'pw', null)).toEqual(['/usr/bin/security', 'import', '/f.p12', '-k', '/k', '-f', 'pkcs12', '-P', 'pw']);
    expect(macosCommands.findIdentities('/k')).toEqual(['/usr/bin/security', 'find-identity', '-p', 'ssl-client', '/k']);
    expect(macosCommands.deleteIdentity('/k', 'ab'.repeat(20))).toEqual(['/usr/bin/security', 'delete-identity', '-Z', 'AB'.repeat(20), '/k']);
  });

  it('Windows: PowerShell with constant scripts; file, password and thumbprint only in the environment', () => {
    const install = windowsCommands.importPfx('C:\\Temp\\x\\identity.pfx', 'secret-once');
    expect(install.argv).toEqual([...PS, WINDOWS_SCRIPTS.import]);
    expect(install.env).toEqual({ MTLS_STUDIO_PFX_FILE: 'C:\\Temp\\x\\identity.pfx', MTLS_STUDIO_PFX_PASSWORD: 'secret-once' });
    expect(install.argv.join(' ')).not.toContain('secret-once');
    expect(WINDOWS_SCRIPTS.import).toContain("Import-PfxCertificate -FilePath $env:MTLS_STUDIO_PFX_FILE -CertStoreLocation 'Cert:\\CurrentUser\\My' -Password $password");
    expect(WINDOWS_SCRIPTS.import).toContain('ConvertTo-SecureString -String $env:MTLS_STUDIO_PFX_PASSWORD -AsPlainText -Force');
    expect(windowsCommands.list()).toEqual({ argv: [...PS, WINDOWS_SCRIPTS.list], env: {} });
    expect(windowsCommands.remove('cd'.repeat(20))).toEqual({ argv: [...PS, WINDOWS_SCRIPTS.remove], env: { MTLS_STUDIO_THUMBPRINT: 'CD'.repeat(20) } });
    expect(WINDOWS_SCRIPTS.remove).toContain('-DeleteKey');
    expect(() => windowsCommands.remove("x'; Remove-Item C:\\")).toThrow(/not a SHA-1 thumbprint/);
  });

  it('NSS: pk12util reads the password from a file (-w), never argv', () => {
    expect(nssCommands.importP12('/h/.pki/nssdb', '/tmp/p/identity.p12', '/tmp/p/p12-password')).toEqual(['pk12util', '-i', '/tmp/p/identity.p12', '-d', 'sql:/h/.pki/nssdb', '-w', '/tmp/p/p12-password', '-k', '/dev/null']);
    expect(nssCommands.deleteKey('/db', 'A (mTLS Studio 0123abcd)')).toEqual(['certutil', '-F', '-d', 'sql:/db', '-n', 'A (mTLS Studio 0123abcd)', '-f', '/dev/null']);
    expect(nssCommands.deleteCertificate('/db', 'A')).toEqual(['certutil', '-D', '-d', 'sql:/db', '-n', 'A']);
    expect(nssCommands.trustCa('/db', 'N CA', '/tmp/p/ca.der')).toEqual(['certutil', '-A', '-d', 'sql:/db', '-n', 'N CA', '-t', 'T,,', '-i', '/tmp/p/ca.der']);
    expect(nssCommands.createDatabase('/db')).toEqual(['certutil', '-N', '-d', 'sql:/db', '--empty-password']);
  });

  it('parses what security find-identity and the Windows list script print', () => {
    const sha = '4E5C'.padEnd(40, '0');
    const mac = `\nPolicy: SSL (client)\n  Matching identities\n  1) ${sha} "Partner (mTLS Studio 01234567)"\n     1 identities found\n\n  Valid identities only\n  1) ${sha} "Partner (mTLS Studio 01234567)"\n     1 valid identities found\n`;
    expect(parseMacIdentities(mac)).toEqual([{ sha256: null, sha1: sha.toLowerCase(), nickname: 'Partner (mTLS Studio 01234567)', hasKey: true }]);
    const win = `${'AB'.repeat(20)} True Partner (mTLS Studio 01234567)\r\n${'CD'.repeat(20)} False \r\n`;
    expect(parseWindowsList(win)).toEqual([
      { sha256: null, sha1: 'ab'.repeat(20), nickname: 'Partner (mTLS Studio 01234567)', hasKey: true },
      { sha256: null, sha1: 'cd'.repeat(20), nickname: null, hasKey: false },
    ]);
  });
});

/** A pretend store: records every call, checks the temporary file while it exists, and answers like the real tool. */
function recordingRunner(kind: 'macos' | 'windows') {
  const calls: { argv: string[]; env: Record<string, string> }[] = [];
  const held = new Set<string>();
  const checked: { mode: number; folderMode: number; opensslSubject: string; info: string }[] = [];
  const run: ToolRunner = async (argv, options = {}) => {
    const env = options.env ?? {};
    calls.push({ argv: [...argv], env });
    const script = argv.at(-1)!;
    const importing = kind === 'macos' ? argv[1] === 'import' : script === WINDOWS_SCRIPTS.import;
    if (importing) {
      const file = kind === 'macos' ? argv[2]! : env.MTLS_STUDIO_PFX_FILE!;
      const password = kind === 'macos' ? argv[argv.indexOf('-P') + 1]! : env.MTLS_STUDIO_PFX_PASSWORD!;
      // the compat p12 opens with the one-time password under OpenSSL 3 without the legacy provider (3DES, SHA-1 MAC)
      const subject = openssl(['pkcs12', '-in', file, '-passin', `pass:${password}`, '-nokeys', '-clcerts']);
      const info = spawnSync('openssl', ['pkcs12', '-in', file, '-passin', `pass:${password}`, '-info', '-noout'], { encoding: 'utf8' }).stderr;
      checked.push({ mode: statSync(file).mode & 0o777, folderMode: statSync(dirname(file)).mode & 0o777, opensslSubject: subject, info });
      held.add(leafSha1);
      return { exitCode: 0, stdout: '', stderr: '' };
    }
    const listing = kind === 'macos' ? argv[1] === 'find-identity' : script === WINDOWS_SCRIPTS.list;
    if (listing) {
      const rows = [...held].map((sha1) => (kind === 'macos' ? `  1) ${sha1.toUpperCase()} "Store Client (mTLS Studio)"` : `${sha1.toUpperCase()} True Store Client (mTLS Studio)`));
      return { exitCode: 0, stdout: rows.join('\n'), stderr: '' };
    }
    held.delete((kind === 'macos' ? argv[3]! : env.MTLS_STUDIO_THUMBPRINT!).toLowerCase());
    return { exitCode: 0, stdout: '', stderr: '' };
  };
  return { run, calls, checked };
}

describe.each(['macos', 'windows'] as const)('%s store through the install service (recorded commands)', (kind) => {
  let services: Services;
  let recorder: ReturnType<typeof recordingRunner>;
  const userHome = join(dir, `home-${kind}`);

  beforeAll(async () => {
    mkdirSync(tempRoot, { recursive: true });
    if (!pki) {
      pki = makeTestPki(dir, undefined, 'Store Client');
      leafSha1 = openssl(['x509', '-in', pki.leafCert, '-noout', '-fingerprint', '-sha1']).split('=')[1]!.trim().replace(/:/g, '').toLowerCase();
    }
    // a PATH with a `security` the discovery can find (the recorder answers instead of running it)
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'security'), '#!/bin/sh\nexit 1\n');
    chmodSync(join(bin, 'security'), 0o755);
    recorder = recordingRunner(kind);
    services = createServices({
      home: join(dir, `data-${kind}`),
      install: { machine: { platform: kind === 'macos' ? 'darwin' : 'win32', home: userHome, path: bin }, run: recorder.run, appPath: '/Applications/mTLS Studio.app', tempRoot },
    });
    await importFiles(services, [pki.leafCert, pki.leafKey, pki.intermediateCert], { name: 'Store Client' });
  }, 60_000);

  it('installs a compat p12 from a 0600 file in a 0700 folder, then finds it by SHA-1, removes it by thumbprint', async () => {
    const result = await services.install.install({ identity: 'Store Client', store: kind });
    expect(result.stores[0]!.store.kind).toBe(kind);
    expect(recorder.checked).toEqual([{ mode: 0o600, folderMode: 0o700, opensslSubject: expect.stringContaining('subject=CN = Store Client'), info: expect.stringMatching(/MAC: sha1[\s\S]*3-KeyTripleDES-CBC/) }]);
    const importCall = recorder.calls[0]!;
    if (kind === 'macos') {
      expect(importCall.argv.slice(0, 2)).toEqual(['/usr/bin/security', 'import']);
      expect(importCall.argv.slice(3)).toEqual(['-k', join(userHome, 'Library/Keychains/login.keychain-db'), '-f', 'pkcs12', '-P', expect.stringMatching(/^[\w-]{43}$/), '-T', '/Applications/mTLS Studio.app']);
    } else {
      expect(importCall.argv).toEqual([...PS, WINDOWS_SCRIPTS.import]);
      expect(JSON.stringify(importCall.argv)).not.toContain(importCall.env.MTLS_STUDIO_PFX_PASSWORD!);
    }
    expect(readdirSync(tempRoot)).toEqual([]);
    expect(existsSync(kind === 'macos' ? importCall.argv[2]! : importCall.env.MTLS_STUDIO_PFX_FILE!)).toBe(false);

    expect((await services.install.whereInstalled('Store Client'))[0]).toMatchObject({ installed: true, hasKey: true });
    await services.install.uninstall({ identity: 'Store Client', store: kind });
    const removal = recorder.calls.find((call) => (kind === 'macos' ? call.argv[1] === 'delete-identity' : call.argv.at(-1) === WINDOWS_SCRIPTS.remove))!;
    if (kind === 'macos') expect(removal.argv).toEqual(['/usr/bin/security', 'delete-identity', '-Z', leafSha1.toUpperCase(), join(userHome, 'Library/Keychains/login.keychain-db')]);
    else expect(removal.env).toEqual({ MTLS_STUDIO_THUMBPRINT: leafSha1.toUpperCase() });
    expect((await services.install.whereInstalled('Store Client'))[0]).toMatchObject({ installed: false });
  });

  it('refuses --trust-ca and --profile, which are for NSS stores', async () => {
    await expect(services.install.install({ identity: 'Store Client', store: kind, trustCa: true })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(services.install.install({ identity: 'Store Client', store: kind, profile: '/x' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(services.install.install({ identity: 'Store Client', store: 'nss' })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});

describe('the private temporary folder', () => {
  it('is 0700 with 0600 files, and is gone after the work fails', async () => {
    mkdirSync(tempRoot, { recursive: true });
    let seen: { folder: number; file: number; path: string } | null = null;
    await expect(
      withPrivateFolder(async (folder) => {
        const file = folder.write('identity.p12', new Uint8Array([1, 2, 3]));
        seen = { folder: statSync(folder.path).mode & 0o777, file: statSync(file).mode & 0o777, path: folder.path };
        expect(() => folder.write('identity.p12', 'again')).toThrow(/EEXIST/);
        throw new Error('pk12util failed');
      }, tempRoot),
    ).rejects.toThrow('pk12util failed');
    expect(seen).toMatchObject({ folder: 0o700, file: 0o600 });
    expect(existsSync(seen!.path)).toBe(false);
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});
