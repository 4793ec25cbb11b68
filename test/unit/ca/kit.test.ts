import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePassword, issueIdentity, kitFileName, planPartnerKit, writePartnerKit, KIT_LANGUAGES, type IssuedIdentity, type PartnerKitInput } from '../../../electron/core/ca';
import { writePkcs12 } from '../../../electron/core/pki';
import { openssl, opensslFingerprint } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { expectStudioError, makeHierarchy, writeKey, writeText } from './ca-fixtures';
import { startSServer, type SServer } from './s-server';

describe('partner kit', async () => {
  const dir = useTempDir('mtls-ca-kit-');
  const hierarchy = await makeHierarchy(dir);
  const client = await issueIdentity(hierarchy.issuer, { profile: 'client', subject: 'CN=Partner A 甲方,O=Partner A', sans: ['email:ops@partner-a.example'] });
  const servers: SServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  function kitInput(identity: IssuedIdentity, profile: 'modern' | 'compat', password: string, extra: Partial<PartnerKitInput> = {}): PartnerKitInput {
    const p12 = writePkcs12({
      key: { pkcs8: identity.key.pkcs8, friendlyName: 'Partner A' },
      certificates: [{ der: identity.certificate }, { der: hierarchy.issuing.certificate }, { der: hierarchy.root.certificate }],
      password,
      profile,
    });
    return { name: 'Partner A', p12, profile, caChainPem: hierarchy.issuing.pem + hierarchy.root.pem, certificate: identity.certificate, ...extra };
  }

  const readmeOf = (folder: string) => readFileSync(join(folder, 'README.md'), 'utf8');

  it.each(['modern', 'compat'] as const)('%s: <name>.p12 (0600), ca-chain.pem, README.md in a 0700 folder; the p12 opens in OpenSSL 3 without -legacy', (profile) => {
    const password = generatePassword();
    const folder = join(dir, `kit-${profile}`);
    const written = writePartnerKit(folder, kitInput(client, profile, password));
    expect(written.p12File).toBe('Partner-A.p12');
    expect(readdirSync(folder).sort()).toEqual(['Partner-A.p12', 'README.md', 'ca-chain.pem']);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const file of written.files) expect(statSync(file).mode & 0o777).toBe(0o600);
    const p12 = join(folder, 'Partner-A.p12');
    const info = openssl(['pkcs12', '-in', p12, '-passin', 'env:KIT_PASSWORD', '-info', '-nodes'], { env: { KIT_PASSWORD: password }, withStderr: true });
    expect(info).toContain(profile === 'modern' ? 'PBES2, PBKDF2, AES-256-CBC' : 'pbeWithSHA1And3-KeyTripleDES-CBC');
    expect(info).toContain('-----BEGIN PRIVATE KEY-----');
    expect(info).toMatch(/subject=O = Partner A, CN = Partner A/);
    expect(() => openssl(['pkcs12', '-in', p12, '-passin', 'pass:wrong', '-nokeys'])).toThrow(/mac verify failure|invalid password/i);
    // the chain file verifies the certificate inside the p12
    const leaf = writeText(dir, `leaf-${profile}.pem`, openssl(['pkcs12', '-in', p12, '-passin', 'env:KIT_PASSWORD', '-clcerts', '-nokeys'], { env: { KIT_PASSWORD: password } }));
    expect(openssl(['verify', '-CAfile', join(folder, 'ca-chain.pem'), leaf])).toContain(': OK');
  });

  it('never contains the password, in any file, in any encoding', () => {
    const password = generatePassword();
    const folder = join(dir, 'kit-secret');
    writePartnerKit(folder, kitInput(client, 'modern', password, { lang: 'zh-CN' }));
    for (const name of readdirSync(folder)) {
      const bytes = readFileSync(join(folder, name));
      expect(bytes.includes(Buffer.from(password, 'utf8')), name).toBe(false);
      expect(bytes.includes(Buffer.from(password, 'utf16le').swap16()), name).toBe(false);
      expect(bytes.includes(Buffer.from(password, 'utf16le')), name).toBe(false);
    }
  });

  it.each(KIT_LANGUAGES)('%s README: install steps for curl, browsers, macOS, Windows, Linux/NSS, the probe CLI, the fingerprint', (lang) => {
    const readme = planPartnerKit(kitInput(client, 'modern', generatePassword(), { lang, testUrl: 'https://api.partner.example/health' })).files[2]!;
    const text = Buffer.from(readme.bytes).toString('utf8');
    const title = { en: '# Client certificate for Partner A', 'zh-CN': '# Partner A 的客户端证书', 'zh-TW': '# Partner A 的用戶端憑證' }[lang];
    expect(text.startsWith(title)).toBe(true);
    for (const command of [
      `curl --cert-type P12 --cert "./Partner-A.p12:$P12_PASSWORD" 'https://api.partner.example/health'`,
      `mtls-studio probe 'https://api.partner.example/health' --p12 ./Partner-A.p12 --password-env P12_PASSWORD`,
      'security import ./Partner-A.p12',
      'Import-PfxCertificate -FilePath .\\Partner-A.p12',
      'certutil -user -importPFX Partner-A.p12',
      'pk12util -i ./Partner-A.p12 -d sql:$HOME/.pki/nssdb',
      'Firefox',
    ]) expect(text, command).toContain(command);
    const fingerprint = opensslFingerprint(writeText(dir, 'fp.pem', client.pem)).toUpperCase().match(/.{2}/g)!.join(':');
    expect(text).toContain(fingerprint);
    expect(text).toContain(client.notAfter.toISOString().slice(0, 10));
    // modern files fail in Keychain: every language says so; a compat kit does not warn
    const compat = Buffer.from(planPartnerKit(kitInput(client, 'compat', generatePassword(), { lang })).files[2]!.bytes).toString('utf8');
    const keychainWarning = { en: 'macOS Keychain and older Windows cannot', 'zh-CN': 'macOS 钥匙串和旧版 Windows 无法打开', 'zh-TW': 'macOS 鑰匙圈與舊版 Windows 無法開啟' }[lang];
    expect(text).toContain(keychainWarning);
    expect(compat).not.toContain(keychainWarning);
    expect(compat).toContain("'https://api.example.com/'");
  });

  it.each(['modern', 'compat'] as const)('%s: the README’s curl command, run as written, authenticates to s_server -Verify', async (profile) => {
    const server = await issueIdentity(hierarchy.issuer, { profile: 'server', subject: 'CN=127.0.0.1', sans: ['IP:127.0.0.1'] });
    const sServer = await startSServer(['-cert', writeText(dir, 'kit-server.pem', server.pem), '-key', writeKey(dir, 'kit-server.key', server.key), '-cert_chain', hierarchy.issuingPem, '-CAfile', hierarchy.rootPem, '-Verify', '1', '-verify_return_error', '-www']);
    servers.push(sServer);
    const password = generatePassword();
    const folder = join(dir, `kit-curl-${profile}`);
    writePartnerKit(folder, kitInput(client, profile, password, { testUrl: `https://127.0.0.1:${sServer.port}/` }));
    const block = /```sh\n(printf [^\n]+\ncurl [^\n]+)\n```/.exec(readmeOf(folder))![1]!;
    const run = spawnSync('bash', ['-c', block], { cwd: folder, input: `${password}\n`, env: { PATH: process.env.PATH, CURL_CA_BUNDLE: hierarchy.rootPem }, timeout: 20_000 });
    expect(run.stderr.toString(), run.stderr.toString()).not.toMatch(/curl: \(\d+\)/);
    expect(run.status).toBe(0);
    expect(run.stdout.toString()).toContain('<pre>');
    expect(await sServer.waitFor(/depth=0/)).toMatch(/depth=0 O = Partner A, CN = Partner A \\E7\\94\\B2\\E6\\96\\B9\s+verify return:1/);
  });

  it('makes the file name safe for every file system and shell', () => {
    expect(kitFileName('合作方 甲')).toBe('合作方-甲.p12');
    expect(kitFileName('../../etc/passwd')).toBe('etc-passwd.p12');
    expect(kitFileName('-rf *')).toBe('rf.p12');
    expect(kitFileName('con')).toBe('con_.p12');
    expect(kitFileName('a"b$c`d')).toBe('a-b-c-d.p12');
    expect(kitFileName('...')).toBe('identity.p12');
  });

  it('refuses a bad test URL, language, chain or profile, and keeps an existing kit unless told to replace it', async () => {
    const input = kitInput(client, 'modern', generatePassword());
    await expectStudioError(() => planPartnerKit({ ...input, testUrl: "https://x.example/'; rm -rf ~; '" }), 'INVALID_ARGUMENT');
    await expectStudioError(() => planPartnerKit({ ...input, testUrl: 'http://x.example/' }), 'INVALID_ARGUMENT');
    await expectStudioError(() => planPartnerKit({ ...input, lang: 'fr' as never }), 'INVALID_ARGUMENT');
    await expectStudioError(() => planPartnerKit({ ...input, caChainPem: 'not a certificate' }), 'INVALID_ARGUMENT');
    await expectStudioError(() => planPartnerKit({ ...input, profile: 'legacy' as never }), 'INVALID_ARGUMENT');
    const folder = join(dir, 'kit-twice');
    writePartnerKit(folder, input);
    await expectStudioError(() => writePartnerKit(folder, input), 'OUTPUT_EXISTS');
    expect(writePartnerKit(folder, input, { overwrite: true }).files).toHaveLength(3);
  });
});
