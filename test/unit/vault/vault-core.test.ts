import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/core';
import { useKeyring } from '../../helpers/keyring';
import { makeTestPki, openssl, opensslFingerprint, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { filesUnder, importFiles, privateKeyEncodings } from '../../helpers/vault';

const keyring = useKeyring();
const dir = useTempDir();
const home = join(dir, 'home');
let pki: TestPki;
let rsa: TestPki;
let services: Services;
let chain: string;
const OUT_PW = 'export pässword 2026';

beforeAll(() => {
  pki = makeTestPki(join(dir, '.'), undefined, 'Vault Client');
  execFileSync('mkdir', ['-p', join(dir, 'rsa')]);
  rsa = makeTestPki(join(dir, 'rsa'), ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], 'RSA Client');
  chain = join(dir, 'chain.pem');
  writeFileSync(chain, readFileSync(pki.intermediateCert, 'utf8') + readFileSync(pki.rootCert, 'utf8'));
  services = createServices({ home });
});

describe('import', () => {
  it('stores key, certificate and chain; the keychain holds one 32-byte data key under the identity id', async () => {
    const identity = await importFiles(services, [pki.leafCert, pki.leafKey, chain], { name: 'Partner A' });
    expect(identity).toMatchObject({ name: 'Partner A', subject: expect.stringContaining('CN=Vault Client'), issuer: expect.stringContaining('CN=Test Intermediate CA') });
    expect(identity.certificateSha256).toBe(opensslFingerprint(pki.leafCert));
    expect(identity.chain).toEqual([opensslFingerprint(pki.intermediateCert), opensslFingerprint(pki.rootCert)]);
    expect(keyring.accounts('mtls-studio')).toEqual([identity.id]);
    const secret = keyring.secretTool(['lookup', 'service', 'mtls-studio', 'username', identity.id]);
    expect(Buffer.from(secret, 'base64')).toHaveLength(32);
  });

  it('keeps the folders 0700 and the files 0600', () => {
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const entries = filesUnder(join(home, 'vault'));
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) expect(entry.mode, entry.path).toBe(entry.isDirectory ? 0o700 : 0o600);
  });

  it('leaves the private key in no file of the data folder, in no encoding', async () => {
    await importFiles(services, [rsa.leafCert, rsa.leafKey], { name: 'RSA one' });
    const files = filesUnder(home).filter((entry) => !entry.isDirectory);
    for (const keyFile of [pki.leafKey, rsa.leafKey]) {
      const forms = privateKeyEncodings(keyFile);
      expect(forms.length).toBeGreaterThan(12);
      for (const file of files) {
        const bytes = readFileSync(file.path);
        for (const form of forms) expect(bytes.includes(form.bytes), `${form.name} found in ${file.path}`).toBe(false);
      }
    }
  });

  it('completes the chain from CA certificates already in the vault', async () => {
    const f = (name: string) => join(dir, name);
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f('second.key')]);
    openssl(['req', '-new', '-key', f('second.key'), '-subj', '/CN=Second Client', '-out', f('second.csr')]);
    openssl(['x509', '-req', '-in', f('second.csr'), '-CA', pki.intermediateCert, '-CAkey', pki.intermediateKey, '-days', '20', '-out', f('second.crt')]);
    const identity = await importFiles(services, [f('second.crt'), f('second.key')]);
    expect(identity.name).toBe('Second Client');
    expect(identity.chain).toEqual([opensslFingerprint(pki.intermediateCert), opensslFingerprint(pki.rootCert)]);
    const shown = await services.vault.show(identity.id);
    expect(shown.chainInfo?.complete).toBe(true);
    expect(shown.findings.map((finding) => finding.code)).toContain('CERT_EXPIRES_SOON');
    expect(shown.findings.map((finding) => finding.code)).not.toContain('CHAIN_INCOMPLETE');
  });

  it('names a duplicate import after the identity that already holds it, and writes nothing', async () => {
    const before = filesUnder(home).length;
    await expect(importFiles(services, [pki.leafCert, pki.leafKey])).rejects.toMatchObject({
      code: 'IDENTITY_EXISTS',
      message: "this certificate and key are already in the vault as 'Partner A'",
      params: { name: 'Partner A' },
    });
    expect(filesUnder(home).length).toBe(before);
    expect(keyring.accounts('mtls-studio')).toHaveLength(3);
  });

  it('refuses a chosen name that is taken (in any letter case); a default name is made unique', async () => {
    const f = (name: string) => join(dir, name);
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f('dup.key'), '-out', f('dup.crt'), '-subj', '/CN=Partner A', '-days', '30']);
    await expect(importFiles(services, [f('dup.crt'), f('dup.key')], { name: 'partner a' })).rejects.toMatchObject({ code: 'IDENTITY_EXISTS', params: { name: 'partner a' } });
    const identity = await importFiles(services, [f('dup.crt'), f('dup.key')]);
    expect(identity.name).toBe('Partner A (2)');
  });

  it('with several key + certificate pairs, needs a selection and imports the selected one', async () => {
    const f = (name: string) => join(dir, name);
    for (const n of ['p1', 'p2']) openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f(`${n}.key`), '-out', f(`${n}.crt`), '-subj', `/CN=Pair ${n}`, '-days', '30']);
    const inputs = [f('p1.crt'), f('p1.key'), f('p2.crt'), f('p2.key')];
    await expect(importFiles(services, inputs)).rejects.toMatchObject({ code: 'AMBIGUOUS_SELECTION' });
    const identity = await importFiles(services, inputs, { select: opensslFingerprint(f('p2.crt')) });
    expect(identity).toMatchObject({ name: 'Pair p2', certificateSha256: opensslFingerprint(f('p2.crt')) });
  });
});

describe('list, show, rename, label, host rules', () => {
  it('lists by name or by expiry, with days left, key algorithm and hosts; filters by --expiring', async () => {
    const { identities } = await services.vault.list();
    expect(identities.map((identity) => identity.name)).toEqual(['Pair p2', 'Partner A', 'Partner A (2)', 'RSA one', 'Second Client']);
    const partner = identities.find((identity) => identity.name === 'Partner A')!;
    expect(partner).toMatchObject({ keyAlgorithm: 'EC P-256', hosts: [], daysLeft: 364, subjectCommonName: 'Vault Client' });
    expect(identities.find((identity) => identity.name === 'RSA one')!.keyAlgorithm).toBe('RSA 2048');
    expect(await services.vault.get('PARTNER a')).toEqual(partner);
    expect(await services.vault.get(partner.id)).toEqual(partner);
    const byExpiry = (await services.vault.list({ sort: 'expiry' })).identities.map((identity) => identity.name);
    expect(byExpiry[0]).toBe('Second Client');
    expect((await services.vault.list({ expiringWithinDays: 30 })).identities.map((identity) => identity.name).sort()).toEqual(['Pair p2', 'Partner A (2)', 'Second Client']);
    expect((await services.vault.list({ expiringWithinDays: 10 })).identities).toEqual([]);
  });

  it('renames (unique names, recorded in history) and labels', async () => {
    await expect(services.vault.rename('Partner A (2)', 'PARTNER A')).rejects.toMatchObject({ code: 'IDENTITY_EXISTS' });
    const renamed = await services.vault.rename('Partner A (2)', 'Self-signed partner');
    expect(renamed.name).toBe('Self-signed partner');
    await expect(services.vault.show('Partner A (2)')).rejects.toMatchObject({ code: 'IDENTITY_NOT_FOUND', params: { name: 'Partner A (2)' } });
    const shown = await services.vault.show(renamed.id);
    expect(shown.history.map((entry) => entry.action)).toEqual(['imported', 'renamed']);
    expect(shown.history[1]!.details).toEqual({ from: 'Partner A (2)', to: 'Self-signed partner' });
    const labelled = await services.vault.label('self-signed PARTNER', { add: ['staging', 'partner-a', 'staging'] });
    expect(labelled.labels).toEqual(['staging', 'partner-a']);
    expect((await services.vault.label(renamed.id, { remove: ['staging'] })).labels).toEqual(['partner-a']);
  });

  it('binds host patterns, reports conflicts, and matches URLs with the documented precedence', async () => {
    await services.vault.bind('Partner A', '*.Example.com');
    await services.vault.bind('Second Client', 'api.example.com:8443');
    const conflict = await services.vault.bind('RSA one', '*.example.com');
    expect(conflict.conflicts).toEqual([{ pattern: '*.example.com', identities: [expect.objectContaining({ name: 'Partner A' }), expect.objectContaining({ name: 'RSA one' })] }]);
    expect((await services.vault.list()).conflicts).toHaveLength(1);

    const exact = await services.vault.match('https://api.example.com:8443/health');
    expect(exact).toMatchObject({ host: 'api.example.com', port: 8443, pattern: 'api.example.com:8443', kind: 'exact-host-port', identity: { name: 'Second Client' } });
    expect(exact.reason).toContain('names this host and port exactly');

    const tied = await services.vault.match('https://www.example.com/');
    expect(tied.identity).toBeNull();
    expect(tied.conflict?.pattern).toBe('*.example.com');
    expect(tied.reason).toContain('claimed by 2 identities');

    await services.vault.unbind('RSA one', '*.EXAMPLE.COM');
    const wildcard = await services.vault.match('www.example.com');
    expect(wildcard).toMatchObject({ identity: { name: 'Partner A' }, kind: 'wildcard', conflict: null });
    await expect(services.vault.unbind('RSA one', 'never.example.com')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await services.vault.match('https://nobody.example.org/')).reason).toBe('no host rule matches nobody.example.org:443');
  });
});

describe('export', () => {
  it('writes a PKCS#12 that OpenSSL opens, with the same key and chain, and records it in the history', async () => {
    const out = join(dir, 'partner-a.p12');
    const result = await services.vault.export({ identity: 'Partner A', format: 'p12', outPassword: OUT_PW }, out);
    expect(result).toEqual({ written: [out], warnings: [], keyExported: true });
    const env = { OUT_PW };
    const dumped = openssl(['pkcs12', '-in', out, '-passin', 'env:OUT_PW', '-nodes'], { env });
    writeFileSync(join(dir, 'dumped.pem'), dumped);
    const pub = (file: string) => openssl(['pkey', '-in', file, '-pubout']);
    expect(pub(join(dir, 'dumped.pem'))).toBe(pub(pki.leafKey));
    const fingerprints = dumped.split(/(?=-----BEGIN CERTIFICATE-----)/).filter((block) => block.startsWith('-----BEGIN CERTIFICATE')).map((block) => {
      writeFileSync(join(dir, 'one.pem'), block);
      return opensslFingerprint(join(dir, 'one.pem'));
    });
    expect(fingerprints.sort()).toEqual([pki.leafCert, pki.intermediateCert, pki.rootCert].map((file) => opensslFingerprint(file)).sort());
    const history = (await services.vault.show('Partner A')).history;
    expect(history.at(-1)).toMatchObject({ action: 'exported', details: { format: 'p12', profile: 'modern', file: out, keyIncluded: true, keyEncrypted: true } });
    for (const file of filesUnder(home)) if (!file.isDirectory) expect(readFileSync(file.path, 'utf8')).not.toContain(OUT_PW);
  });

  it('exports certificates only without the keychain and without a history entry; a taken output path is refused', async () => {
    const before = (await services.vault.show('Partner A')).history.length;
    const out = join(dir, 'chain-only.pem');
    expect(await services.vault.export({ identity: 'Partner A', format: 'pem', includeKey: false }, out)).toMatchObject({ keyExported: false });
    expect(readFileSync(out, 'utf8')).not.toContain('PRIVATE KEY');
    expect((await services.vault.show('Partner A')).history).toHaveLength(before);
    await expect(services.vault.export({ identity: 'Partner A', format: 'p12', outPassword: OUT_PW }, out)).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect((await services.vault.show('Partner A')).history).toHaveLength(before);
  });

  it('suggests a file name from the identity name', async () => {
    expect(await services.vault.suggestedExportName('Partner A', 'p12')).toBe('Partner A.p12');
  });
});

describe('remove', () => {
  it('deletes the keychain entry and the files', async () => {
    const { id } = (await services.vault.list()).identities.find((identity) => identity.name === 'Pair p2')!;
    expect(await services.vault.remove('Pair p2')).toEqual({ id, name: 'Pair p2' });
    expect(keyring.accounts('mtls-studio')).not.toContain(id);
    expect(filesUnder(home).some((entry) => entry.path.includes(id))).toBe(false);
    await expect(services.vault.show(id)).rejects.toMatchObject({ code: 'IDENTITY_NOT_FOUND' });
    expect((await services.vault.doctor()).ok).toBe(true);
  });
});
