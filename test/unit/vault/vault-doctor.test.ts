import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/core';
import { useKeyring } from '../../helpers/keyring';
import { openssl } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { importFiles } from '../../helpers/vault';

const keyring = useKeyring();
const dir = useTempDir();
const home = join(dir, 'home');
const vault = join(home, 'vault');
let services: Services;
let n = 0;

/** a fresh self-signed identity in the vault */
async function newIdentity(name: string) {
  const f = (ext: string) => join(dir, `${name}-${n}.${ext}`);
  n++;
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f('key'), '-out', f('crt'), '-subj', `/CN=${name}`, '-days', '90']);
  return importFiles(services, [f('crt'), f('key')], { name });
}

beforeAll(() => {
  services = createServices({ home });
});

describe('a deleted keychain entry', () => {
  it('makes the key unrecoverable, and every error says so', async () => {
    const identity = await newIdentity('Gone Key');
    keyring.secretTool(['clear', 'service', 'mtls-studio', 'username', identity.id]);
    const failure = { code: 'VAULT_CORRUPT', message: expect.stringMatching(/private key of 'Gone Key' cannot be recovered: its entry in .* is gone/), hint: expect.stringContaining('lost for good') };
    await expect(services.vault.export({ identity: 'Gone Key', format: 'p12', outPassword: 'pw' }, join(dir, 'gone.p12'))).rejects.toMatchObject(failure);
    await expect(services.vault.clientCredentials('Gone Key')).rejects.toMatchObject(failure);
    expect(existsSync(join(dir, 'gone.p12'))).toBe(false);
    // listing and viewing still work
    expect((await services.vault.show('Gone Key')).name).toBe('Gone Key');

    const report = await services.vault.doctor();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'identity-without-keychain-entry', id: identity.id, name: 'Gone Key', repaired: false })]);
    const repaired = await services.vault.doctor({ repair: true });
    expect(repaired).toMatchObject({ ok: true, problems: [expect.objectContaining({ kind: 'identity-without-keychain-entry', repaired: true })] });
    await expect(services.vault.show('Gone Key')).rejects.toMatchObject({ code: 'IDENTITY_NOT_FOUND' });
    expect(existsSync(join(vault, 'identities', identity.id))).toBe(false);
  });
});

describe('vault doctor', () => {
  it('finds orphans both ways and temporary files, and --repair removes them', async () => {
    const kept = await newIdentity('Kept');
    const orphanAccount = randomUUID();
    keyring.secretTool(['store', '--label=orphan', 'service', 'mtls-studio', 'username', orphanAccount], Buffer.alloc(32, 7).toString('base64'));
    const orphanFolder = randomUUID();
    mkdirSync(join(vault, 'identities', orphanFolder), { mode: 0o700 });
    writeFileSync(join(vault, 'identities', orphanFolder, 'key.enc'), 'sealed');
    writeFileSync(join(vault, '.vault.json.0123456789ab.tmp'), '{"half":');

    const report = await services.vault.doctor();
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => [problem.kind, problem.id]).sort()).toEqual(
      [
        ['files-without-identity', orphanFolder],
        ['keychain-entry-without-identity', orphanAccount],
        ['temporary-file', '.vault.json.0123456789ab.tmp'],
      ].sort(),
    );
    expect(report.problems.every((problem) => problem.message.length > 0 && problem.repair.length > 0)).toBe(true);

    expect((await services.vault.doctor({ repair: true })).problems.every((problem) => problem.repaired)).toBe(true);
    expect(keyring.accounts('mtls-studio')).toEqual([kept.id]);
    expect(existsSync(join(vault, 'identities', orphanFolder))).toBe(false);
    expect(existsSync(join(vault, '.vault.json.0123456789ab.tmp'))).toBe(false);
    expect(await services.vault.doctor()).toEqual({ ok: true, identities: 1, problems: [] });
    expect((await services.vault.clientCredentials('Kept')).key.length).toBeGreaterThan(100);
  });

  it('finds an altered sealed key and missing files', async () => {
    const altered = await newIdentity('Altered');
    const keyFile = join(vault, 'identities', altered.id, 'key.enc');
    const sealed = readFileSync(keyFile);
    sealed[sealed.length - 1]! ^= 0xff;
    writeFileSync(keyFile, sealed);
    const missing = await newIdentity('Missing Files');
    renameSync(join(vault, 'identities', missing.id, 'certificate.pem'), join(dir, 'moved-away.pem'));

    await expect(services.vault.export({ identity: 'Altered', format: 'pem' }, join(dir, 'altered.pem'))).rejects.toMatchObject({ code: 'VAULT_CORRUPT', message: expect.stringContaining('does not decrypt') });
    await expect(services.vault.show('Missing Files')).rejects.toMatchObject({ code: 'VAULT_CORRUPT', message: expect.stringContaining('certificate of identity') });
    const report = await services.vault.doctor();
    expect(report.problems.map((problem) => [problem.kind, problem.name]).sort()).toEqual([
      ['identity-without-files', 'Missing Files'],
      ['key-does-not-decrypt', 'Altered'],
    ]);
    await services.vault.doctor({ repair: true });
    expect((await services.vault.list()).identities.map((identity) => identity.name)).toEqual(['Kept']);
    expect(keyring.accounts('mtls-studio')).toHaveLength(1);
  });
});

describe('damaged metadata', () => {
  it('VAULT_CORRUPT names the problem; nothing is overwritten', async () => {
    const index = join(vault, 'vault.json');
    const good = readFileSync(index, 'utf8');
    writeFileSync(index, good.slice(0, good.length / 2));
    await expect(services.vault.list()).rejects.toMatchObject({ code: 'VAULT_CORRUPT', message: expect.stringContaining('not valid JSON') });
    await expect(newIdentity('Blocked')).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
    expect(readFileSync(index, 'utf8')).toBe(good.slice(0, good.length / 2));

    const broken = JSON.parse(good);
    broken.identities[0].certificate.notAfter = 'next year';
    writeFileSync(index, JSON.stringify(broken));
    await expect(services.vault.list()).rejects.toMatchObject({ code: 'VAULT_CORRUPT', message: expect.stringContaining('identities[0].certificate.notAfter') });

    writeFileSync(index, JSON.stringify({ ...JSON.parse(good), version: 7 }));
    await expect(services.vault.list()).rejects.toMatchObject({ code: 'VAULT_CORRUPT', message: expect.stringContaining('newer mtls-studio (format 7') });

    writeFileSync(index, good);
    expect((await services.vault.list()).identities).toHaveLength(1);
  });

  it('keeps fields it does not know when it rewrites the metadata', async () => {
    const index = join(vault, 'vault.json');
    const withExtra = JSON.parse(readFileSync(index, 'utf8'));
    withExtra.addedLater = { x: 1 };
    withExtra.identities[0].alsoAddedLater = 'kept';
    writeFileSync(index, JSON.stringify(withExtra));
    await services.vault.rename('Kept', 'Kept still');
    const after = JSON.parse(readFileSync(index, 'utf8'));
    expect(after.addedLater).toEqual({ x: 1 });
    expect(after.identities[0]).toMatchObject({ name: 'Kept still', alsoAddedLater: 'kept' });
  });
});
