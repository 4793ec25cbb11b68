/**
 * The studio:ca.* channels: the real services behind the real gateway, CA keys in a real gnome-keyring (private
 * D-Bus session); only the native dialogs are scripted. What they write is read back by openssl.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialog } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type {
  AuthoritySummary,
  BatchOutcome,
  CsrReview,
  IssuedEntry,
  IssuedIdentityDto,
  KitDto,
  PublishedCrl,
  SavedFile,
} from '../../electron/common/dto/ca';
import type { EventName } from '../../electron/common/ipc/contract';
import type { CaFileKind, CaSaveKind } from '../../electron/main/ipc/ca-handlers';
import { nativeDialogs } from '../../electron/main/native-dialogs';
import { useKeyring } from '../helpers/keyring';
import { openssl } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { appGateway } from './app-gateway';

const dir = useTempDir();
useKeyring();

function studio(home: string) {
  const asked: { kind: CaFileKind | CaSaveKind | 'folder'; name?: string }[] = [];
  const sent: { event: EventName; payload: unknown }[] = [];
  const dialogs = {
    pick: null as string | null,
    save: null as string | null,
    pickFiles: async () => [],
    chooseSavePath: async () => null,
    chooseReportPath: async () => null,
    pickFile: async (kind: CaFileKind) => {
      asked.push({ kind });
      return dialogs.pick;
    },
    chooseFileSavePath: async (name: string, kind: CaSaveKind) => {
      asked.push({ kind, name });
      return dialogs.save;
    },
    chooseNewFolder: async (name: string) => {
      asked.push({ kind: 'folder', name });
      return dialogs.save;
    },
  };
  const { call, value } = appGateway(home, dialogs, {
    events: (event, payload) => {
      sent.push({ event, payload });
      return true;
    },
  });
  return { call, value, dialogs, asked, sent };
}

describe('studio:ca.* behind the gateway', () => {
  it('creates a root and an intermediate, issues, revokes, and publishes a CRL that openssl reads — asking where to save first', async () => {
    const { call, value, dialogs, asked } = studio(join(dir, 'home-ca'));
    expect(await value('studio:ca.list')).toEqual([]);
    const root = await value<AuthoritySummary>('studio:ca.create', {
      name: 'Acme Root',
      subject: 'CN=Acme Root,O=Acme',
      days: 3650,
      pathLen: 1,
    });
    const issuing = await value<AuthoritySummary>('studio:ca.create', {
      name: 'Acme Issuing',
      parent: 'Acme Root',
      keyType: 'ec-p384',
    });
    expect(
      (await value<AuthoritySummary[]>('studio:ca.list')).map((ca) => [ca.name, ca.kind, ca.parentName]),
    ).toEqual([
      ['Acme Root', 'root', null],
      ['Acme Issuing', 'intermediate', 'Acme Root'],
    ]);
    expect(root.pathLen).toBe(1);
    expect(issuing.keyAlgorithm).toBe('EC P-384');

    const issued = await value<IssuedIdentityDto>('studio:ca.issue', {
      ca: issuing.id,
      name: 'partner-a',
      type: 'client',
      sans: ['email:ops@partner-a.example'],
    });
    expect(issued).toMatchObject({ name: 'partner-a', authority: 'Acme Issuing', subject: 'CN=partner-a' });
    const before = await value<IssuedEntry[]>('studio:ca.issued', { ca: 'Acme Issuing' });
    expect(before.map((entry) => [entry.serial, entry.status, entry.kind])).toEqual([
      [issued.serial, 'valid', 'client'],
    ]);

    // a dismissed save dialog signs nothing and spends no CRL number
    expect(await value<PublishedCrl>('studio:ca.publishCrl', { ca: 'Acme Issuing', format: 'pem' })).toEqual({
      saved: false,
      path: null,
      crlNumber: null,
      revokedCount: 0,
      nextUpdate: null,
    });
    expect((await value<AuthoritySummary[]>('studio:ca.list'))[1]!.crlNumber).toBe(0);

    const revoked = await value<IssuedEntry>('studio:ca.revoke', {
      ca: 'Acme Issuing',
      serial: issued.serial,
      reason: 'keyCompromise',
    });
    expect(revoked).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    const crlFile = join(dir, 'issuing.crl');
    dialogs.save = crlFile;
    const crl = await value<PublishedCrl>('studio:ca.publishCrl', { ca: 'Acme Issuing', format: 'der' });
    expect(crl).toMatchObject({ saved: true, path: crlFile, crlNumber: '1', revokedCount: 1 });
    const text = openssl(['crl', '-inform', 'DER', '-in', crlFile, '-noout', '-text']);
    expect(text).toContain(`Serial Number: ${issued.serial.toUpperCase()}`);
    expect(text).toContain('Key Compromise');
    expect(asked.filter((entry) => entry.kind.startsWith('crl'))).toEqual([
      { kind: 'crl-pem', name: 'Acme Issuing.crl.pem' },
      { kind: 'crl-der', name: 'Acme Issuing.crl' },
    ]);

    // the CA certificate with its issuer, and the registry as CSV
    const chainFile = join(dir, 'issuing-chain.pem');
    dialogs.save = chainFile;
    expect(
      await value<SavedFile>('studio:ca.exportCertificate', { ca: 'Acme Issuing', chain: true }),
    ).toEqual({ saved: true, path: chainFile });
    expect(readFileSync(chainFile, 'utf8').match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(readFileSync(chainFile, 'utf8')).not.toMatch(/PRIVATE KEY/);
    const csvFile = join(dir, 'issued.csv');
    dialogs.save = csvFile;
    await value('studio:ca.exportIssued', { ca: 'Acme Issuing' });
    expect(readFileSync(csvFile, 'utf8')).toContain(issued.serial);

    // an identity of the vault is not a CA; a bad serial is said as such
    expect(await call('studio:ca.issue', { ca: 'partner-a', name: 'x', type: 'client' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_CA' },
    });
    expect(await call('studio:ca.revoke', { ca: 'Acme Issuing', serial: 'zz' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('issues a CSV batch with progress events and reports the row that failed', async () => {
    const { value, dialogs, sent } = studio(join(dir, 'home-batch'));
    await value('studio:ca.create', { name: 'Batch CA' });
    await value('studio:ca.issue', { ca: 'Batch CA', name: 'gamma', type: 'client' });
    expect(await value('studio:ca.pickCsv')).toEqual({ csvId: null, file: null });
    const csv = join(dir, 'partners.csv');
    writeFileSync(
      csv,
      'name,email,o\nalpha,alpha@example.com,Alpha Ltd\nbeta,beta@example.com,Beta Ltd\ngamma,gamma@example.com,\n',
    );
    dialogs.pick = csv;
    const picked = await value<{ csvId: string; file: string }>('studio:ca.pickCsv');
    expect(picked.file).toBe('partners.csv');
    const batchId = '8a4f5d3e-1c2b-4e6f-9a8b-7c6d5e4f3a21';
    const outcome = await value<BatchOutcome>('studio:ca.issueBatch', batchId, {
      ca: 'Batch CA',
      csvId: picked.csvId,
    });
    expect(outcome.cancelled).toBe(false);
    expect(
      outcome.results.map((row) => [
        row.row,
        row.name,
        row.identity?.subject ?? null,
        row.error?.code ?? null,
      ]),
    ).toEqual([
      [2, 'alpha', 'CN=alpha,O=Alpha Ltd', null],
      [3, 'beta', 'CN=beta,O=Beta Ltd', null],
      [4, 'gamma', null, 'IDENTITY_EXISTS'],
    ]);
    const progress = sent
      .filter((event) => event.event === 'studio:ca.batchProgress')
      .map((event) => event.payload as { batchId: string; done: number; total: number });
    expect(progress.at(-1)).toEqual({ batchId, done: 3, total: 3 });
    expect(progress.every((event) => event.batchId === batchId)).toBe(true);
    expect(
      (await value<IssuedEntry[]>('studio:ca.issued', { ca: 'Batch CA', query: 'beta' })).map(
        (entry) => entry.name,
      ),
    ).toEqual(['beta']);
  });

  it('creates a CSR openssl verifies, signs one openssl made after showing what it asks, and completes the pending key', async () => {
    const { call, value, dialogs } = studio(join(dir, 'home-csr'));
    await value('studio:ca.create', { name: 'Partner CA' });
    // dismissed: no pending key is created
    expect(
      await value('studio:ca.createRequest', { name: 'our-client', subject: 'CN=our-client,O=Us' }),
    ).toEqual({ saved: false, path: null, request: null });
    expect(await value('studio:ca.pending')).toEqual([]);
    const csrFile = join(dir, 'our-client.csr');
    dialogs.save = csrFile;
    const created = await value<{ request: { name: string } }>('studio:ca.createRequest', {
      name: 'our-client',
      subject: 'CN=our-client,O=Us',
      sans: ['DNS:client.us.example'],
    });
    expect(created.request.name).toBe('our-client');
    expect(openssl(['req', '-in', csrFile, '-noout', '-verify'], {})).toBeDefined();

    // sign our own request as a partner's CA would, then complete the pending key with what came back
    dialogs.pick = csrFile;
    const review = await value<CsrReview>('studio:ca.reviewRequest');
    expect(review).toMatchObject({
      file: 'our-client.csr',
      subject: 'CN=our-client,O=Us',
      subjectAltNames: ['DNS:client.us.example'],
      keyAlgorithm: 'EC P-256',
      signatureValid: true,
      suggestedType: 'client',
      refusal: null,
    });
    const certFile = join(dir, 'our-client.crt');
    dialogs.save = certFile;
    const signed = await value<{ saved: boolean; serial: string }>('studio:ca.signRequest', {
      requestId: review.requestId,
      ca: 'Partner CA',
      days: 30,
    });
    expect(signed.saved).toBe(true);
    expect(openssl(['x509', '-in', certFile, '-noout', '-serial'])).toContain(signed.serial.toUpperCase());
    dialogs.pick = certFile;
    const completed = await value<{ completed: boolean; identity: { name: string } }>(
      'studio:ca.completeRequest',
    );
    expect(completed).toMatchObject({ completed: true, identity: { name: 'our-client' } });
    expect(await value('studio:ca.pending')).toEqual([]);
    // a request is signed once: its id is spent
    expect(
      await call('studio:ca.signRequest', { requestId: review.requestId, ca: 'Partner CA' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // an RSA-1024 request: shown, with the policy's refusal, before anything is issued
    const weakKey = join(dir, 'weak.key');
    const weakCsr = join(dir, 'weak.csr');
    openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:1024',
      '-nodes',
      '-keyout',
      weakKey,
      '-subj',
      '/CN=weak',
      '-out',
      weakCsr,
    ]);
    dialogs.pick = weakCsr;
    const weak = await value<CsrReview>('studio:ca.reviewRequest');
    expect(weak).toMatchObject({ keyAlgorithm: 'RSA 1024', refusal: { code: 'CA_POLICY_REFUSED' } });
    dialogs.save = join(dir, 'weak.crt');
    expect(
      await call('studio:ca.signRequest', { requestId: weak.requestId, ca: 'Partner CA' }),
    ).toMatchObject({ ok: false, error: { code: 'CA_POLICY_REFUSED' } });
    expect(existsSync(join(dir, 'weak.crt'))).toBe(false);
  });

  it('writes a partner kit whose p12 opens with the password shown once and written into no file', async () => {
    const { value, dialogs, asked } = studio(join(dir, 'home-kit'));
    await value('studio:ca.create', { name: 'Kit CA' });
    await value('studio:ca.issue', { ca: 'Kit CA', name: 'Partner B', type: 'client' });
    expect(await value<KitDto>('studio:ca.kit', { identity: 'Partner B' })).toMatchObject({
      created: false,
      password: null,
    });
    const folder = join(dir, 'partner-b-kit');
    dialogs.save = folder;
    const kit = await value<KitDto>('studio:ca.kit', {
      identity: 'Partner B',
      profile: 'compat',
      lang: 'zh-TW',
    });
    expect(kit).toMatchObject({ created: true, folder, profile: 'compat', lang: 'zh-TW' });
    expect(kit.password!.length).toBeGreaterThanOrEqual(16);
    expect(asked.at(-1)).toEqual({ kind: 'folder', name: 'Partner B kit' });
    const certs = openssl([
      'pkcs12',
      '-in',
      join(folder, kit.p12File!),
      '-passin',
      `pass:${kit.password}`,
      '-nokeys',
    ]);
    expect(certs.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    for (const file of readdirSync(folder))
      expect(readFileSync(join(folder, file)).includes(kit.password!), file).toBe(false);
    expect(
      readFileSync(
        join(
          folder,
          readdirSync(folder).find((file) => /readme/i.test(file))!,
        ),
        'utf8',
      ),
    ).toMatch(/憑證/);
  });
});

describe("the Authorities screen's native dialogs", () => {
  it("open one file of the asked kind, save with the kind's filter, and name a new kit folder — null when cancelled", async () => {
    const parent = { id: 1 };
    const showOpenDialog = vi
      .fn()
      .mockResolvedValueOnce({ canceled: false, filePaths: ['/in/partners.csv'] })
      .mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const showSaveDialog = vi
      .fn()
      .mockResolvedValueOnce({ canceled: false, filePath: '/out/root.crl' })
      .mockResolvedValueOnce({ canceled: false, filePath: '/out/partner kit' })
      .mockResolvedValueOnce({ canceled: true, filePath: '' });
    const dialogs = nativeDialogs(
      { showOpenDialog, showSaveDialog } as unknown as Dialog,
      () => parent as never,
    );
    expect(await dialogs.pickFile('csv')).toBe('/in/partners.csv');
    expect(await dialogs.pickFile('csr')).toBeNull();
    expect(showOpenDialog.mock.calls[0]![0]).toBe(parent);
    expect(showOpenDialog.mock.calls[0]![1]).toMatchObject({
      properties: ['openFile'],
      filters: [{ extensions: ['csv', 'txt'] }, { extensions: ['*'] }],
    });
    expect(showOpenDialog.mock.calls[1]![1].filters[0].extensions).toEqual(['csr', 'req', 'pem', 'der']);
    expect(await dialogs.chooseFileSavePath('Root.crl', 'crl-der')).toBe('/out/root.crl');
    expect(showSaveDialog.mock.calls[0]![1]).toMatchObject({
      defaultPath: 'Root.crl',
      filters: [{ extensions: ['crl', 'der'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(await dialogs.chooseNewFolder('Partner B kit')).toBe('/out/partner kit');
    expect(showSaveDialog.mock.calls[1]![1]).toMatchObject({
      defaultPath: 'Partner B kit',
      buttonLabel: 'Create folder',
    });
    expect(await dialogs.chooseNewFolder('Partner B kit')).toBeNull();
  });
});
