import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/core';
import { useKeyring } from '../../helpers/keyring';
import { openssl } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { privateKeyEncodings } from '../../helpers/vault';

/** The CA service in process, over the real keyring: what it persists, and how it keeps the vault consistent. */
const keyring = useKeyring();
const dir = useTempDir('mtls-ca-service-');
const home = join(dir, 'home');
let services: Services;

beforeAll(async () => {
  services = createServices({ home });
  await services.ca.create({ name: 'Root', subject: 'CN=Service Root' });
});

describe('CA service', () => {
  it('CAs are vault identities; a fresh service (another process) sees the same CAs, registry and CRL number', async () => {
    const issued = await services.ca.issue('Root', { name: 'alice', type: 'client', sans: ['email:alice@example.com'] });
    await services.ca.revoke('Root', issued.serial.toUpperCase().match(/../g)!.join(':'), 'superseded');
    const first = await services.ca.crl('Root');
    const other = createServices({ home });
    const second = await other.ca.crl('Root');
    expect([first.crlNumber, second.crlNumber]).toEqual(['1', '2']);
    expect((await other.ca.list())[0]).toMatchObject({ name: 'Root', issued: 1, revoked: 1, crlNumber: 2 });
    expect((await other.ca.issued('Root'))[0]).toMatchObject({ name: 'alice', status: 'revoked', reason: 'superseded', kind: 'client' });
    expect((await other.vault.list()).identities.map((identity) => identity.name).sort()).toEqual(['Root', 'alice']);
    writeAndCheckCrl(second.der);
  });

  it('no private key reaches the vault folder in the clear (CA and issued identities are sealed)', async () => {
    const credentials = await services.vault.clientCredentials('Root');
    const keyFile = join(dir, 'root-key.der');
    openssl(['pkey', '-inform', 'DER', '-out', keyFile], { input: Buffer.from(credentials.key) });
    const everything = collect(join(home, 'vault'));
    for (const form of privateKeyEncodings(keyFile)) expect(everything.includes(form.bytes), form.name).toBe(false);
  });

  it('a pending request is not an identity: vault.list leaves it out, doctor keeps its key, completing it needs the right key', async () => {
    const created = await services.ca.createRequest({ name: 'pending-one', subject: 'CN=pending-one' });
    expect((await services.vault.list()).identities.map((identity) => identity.name)).not.toContain('pending-one');
    const report = await services.vault.doctor({ repair: true });
    expect(report.problems).toEqual([]);
    expect(keyring.accounts('mtls-studio')).toContain(created.request.id);
    await expect(services.ca.createRequest({ name: 'Pending-One', subject: 'CN=x' })).rejects.toMatchObject({ code: 'IDENTITY_EXISTS' });
    await expect(services.ca.issue('Root', { name: 'pending-one', type: 'client' })).rejects.toMatchObject({ code: 'IDENTITY_EXISTS' });
    const csr = join(dir, 'pending.csr');
    const cert = join(dir, 'pending.crt');
    writeFileSync(csr, created.pem);
    const signed = await services.ca.signRequest('Root', new Uint8Array(readFileSync(csr)), csr);
    writeFileSync(cert, signed.pem);
    const identity = await services.ca.completeRequest(new Uint8Array(readFileSync(cert)), cert);
    expect(identity).toMatchObject({ id: created.request.id, name: 'pending-one', issuerCommonName: 'Service Root' });
    expect(await services.ca.pending()).toEqual([]);
    expect(existsSync(join(home, 'vault', 'identities', created.request.id, 'request.pem'))).toBe(true);
    const details = await services.vault.show('pending-one');
    expect(details.chain).toHaveLength(1);
  });

  it('csr remove drops a pending request with its keychain entry and folder', async () => {
    const { request } = await services.ca.createRequest({ name: 'to-drop', subject: 'CN=to-drop', keyType: 'ec-p384' });
    expect(request.keyAlgorithm).toBe('EC P-384');
    expect(keyring.accounts('mtls-studio')).toContain(request.id);
    expect((await services.ca.removeRequest('TO-DROP')).id).toBe(request.id);
    expect(keyring.accounts('mtls-studio')).not.toContain(request.id);
    expect(existsSync(join(home, 'vault', 'identities', request.id))).toBe(false);
    await expect(services.ca.removeRequest('to-drop')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await services.vault.doctor()).problems).toEqual([]);
  });

  it('issue-batch reports progress up to the total and leaves a name clash to its row', async () => {
    const csv = 'name,email\nbob,bob@example.com\nalice,alice2@example.com\ncarol,carol@example.com\n';
    const progress: number[] = [];
    const results = await services.ca.issueBatch('Root', csv, { onProgress: (done, total) => progress.push(done * 100 + total) });
    expect(results.map((result) => [result.row, result.name, result.error?.code ?? null])).toEqual([
      [2, 'bob', null],
      [3, 'alice', 'IDENTITY_EXISTS'],
      [4, 'carol', null],
    ]);
    expect(progress.at(-1)).toBe(303);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('refuses to work with an identity that is not a CA, and an intermediate below pathLen 0', async () => {
    await expect(services.ca.issue('alice', { name: 'x', type: 'client' })).rejects.toMatchObject({ code: 'NOT_A_CA' });
    await services.ca.create({ name: 'Leaf-only', parent: 'Root', pathLen: 0 });
    await expect(services.ca.create({ name: 'Too deep', parent: 'Leaf-only' })).rejects.toMatchObject({ code: 'CA_POLICY_REFUSED' });
    expect((await services.vault.list()).identities.map((identity) => identity.name)).not.toContain('Too deep');
  });
});

function writeAndCheckCrl(der: Uint8Array): void {
  const text = openssl(['crl', '-inform', 'DER', '-noout', '-text'], { input: Buffer.from(der) });
  expect(text).toMatch(/CRL Reason Code:\s+Superseded/);
}

function collect(folder: string): Buffer {
  const parts: Buffer[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    parts.push(statSync(path).isDirectory() ? collect(path) : readFileSync(path));
  }
  return Buffer.concat(parts);
}
