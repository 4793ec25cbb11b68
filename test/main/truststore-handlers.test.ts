/**
 * The studio:truststore.* channels through the real gateway and the real services: validation at the boundary,
 * live previews, and an export that asks for a path only for a bundle that passes (the save dialog is scripted).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFormat } from '../../electron/common/dto/inspect';
import type { ClientVerdict, TrustStoreReport } from '../../electron/common/dto/truststore';
import type { TrustStoreExportResponse } from '../../electron/common/ipc/truststore-schema';
import type { Result } from '../../electron/common/result';
import { createServices } from '../../electron/core';
import { createGateway } from '../../electron/main/ipc/gateway';
import { createTrustStoreHandlers } from '../../electron/main/ipc/truststore-handlers';
import { openssl } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { makeCert, type MadeCert } from '../unit/chain/truststore/truststore-fixtures';

const dir = useTempDir('truststore-handlers-');
const APP = { url: 'app://studio/index.html', isMainFrame: true };
let root: MadeCert;
let issuing: MadeCert;
let client: MadeCert;
let weak: MadeCert;

beforeAll(() => {
  root = makeCert(dir, 'Handler Root');
  issuing = makeCert(dir, 'Handler Issuing', { issuer: root });
  client = makeCert(dir, 'Handler Client', { issuer: issuing, leaf: true });
  weak = makeCert(dir, 'Handler Weak', { key: 'rsa1024' });
});

const P12_PASSWORD = 'ca-bundle-s3cret';

/** the root CA as an encrypted PKCS#12, the way a CA team hands it over */
function encryptedRoot(): string {
  const out = join(dir, 'root-encrypted.p12');
  openssl(['pkcs12', '-export', '-in', root.cert, '-inkey', root.key, '-out', out, '-passout', `pass:${P12_PASSWORD}`]);
  return out;
}

function studio() {
  const saves: { name: string; format: OutputFormat }[] = [];
  const dialogs = {
    savePath: null as string | null,
    chooseSavePath: async (name: string, format: OutputFormat) => {
      saves.push({ name, format });
      return dialogs.savePath;
    },
  };
  const handlers = createTrustStoreHandlers(createServices({ home: join(dir, 'home') }), dialogs);
  // only this feature's channels are registered: the others answer UNKNOWN_CHANNEL
  const gateway = createGateway(handlers as never, { isTrustedSender: (sender) => sender.url === APP.url });
  const invoke = <T>(channel: string, ...args: unknown[]) => gateway.invoke(APP, channel, args) as Promise<Result<T>>;
  return { invoke, dialogs, saves };
}

describe('studio:truststore.*', () => {
  it('previews a selection and refuses malformed ones at the boundary', async () => {
    const { invoke } = studio();
    const preview = await invoke<TrustStoreReport>('studio:truststore.preview', { target: 'cloudfront', files: [root.cert, issuing.cert], vaultCas: [] });
    expect(preview.ok && preview.value.passes).toBe(true);
    expect(preview.ok && preview.value.certificates.map((cert) => cert.commonName)).toEqual(['Handler Root', 'Handler Issuing']);
    const unknownTarget = await invoke('studio:truststore.preview', { target: 'nlb', files: [], vaultCas: [] });
    expect(unknownTarget.ok ? null : unknownTarget.error.code).toBe('INVALID_ARGUMENT');
    const extra = await invoke('studio:truststore.preview', { target: 'alb', files: [], vaultCas: [], out: '/etc/passwd' });
    expect(extra.ok ? null : extra.error.code).toBe('INVALID_ARGUMENT');
  });

  it('exports only a passing bundle, where the save dialog says', async () => {
    const { invoke, dialogs, saves } = studio();
    const failing = await invoke<TrustStoreExportResponse>('studio:truststore.export', { target: 'apigw', files: [weak.cert], vaultCas: [] });
    expect(failing.ok && failing.value).toMatchObject({ saved: false, written: null, report: { passes: false } });
    expect(saves).toEqual([]);

    const cancelled = await invoke<TrustStoreExportResponse>('studio:truststore.export', { target: 'apigw', files: [root.cert, issuing.cert], vaultCas: [] });
    expect(cancelled.ok && cancelled.value.saved).toBe(false);
    expect(saves).toEqual([{ name: 'truststore-apigw.pem', format: 'pem' }]);

    dialogs.savePath = join(dir, 'exported.pem');
    const saved = await invoke<TrustStoreExportResponse>('studio:truststore.export', { target: 'apigw', files: [root.cert, issuing.cert], vaultCas: [] });
    expect(saved.ok && saved.value).toMatchObject({ saved: true, written: dialogs.savePath });
    expect(existsSync(dialogs.savePath)).toBe(true);
    expect(readFileSync(dialogs.savePath, 'utf8').match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(openssl(['verify', '-CAfile', dialogs.savePath, client.cert])).toContain('OK');
  });

  it('tests a client file against the selection', async () => {
    const { invoke } = studio();
    const verdict = await invoke<ClientVerdict>('studio:truststore.testClient', { target: 'alb', files: [root.cert, issuing.cert], vaultCas: [] }, { kind: 'file', path: client.cert });
    expect(verdict.ok && verdict.value.accepted).toBe(true);
    const missing = await invoke<ClientVerdict>('studio:truststore.testClient', { target: 'alb', files: [root.cert], vaultCas: [] }, { kind: 'vault', identity: '6b2f3c1e-9a0d-4f7e-8c55-1d2e3f4a5b6c' });
    expect(missing.ok ? null : missing.error.code).toBe('IDENTITY_NOT_FOUND');
  });

  it('opens an encrypted PKCS#12 with the password sent in the call, and never echoes it', async () => {
    const { invoke, dialogs } = studio();
    const p12 = encryptedRoot();
    const selection = { target: 'alb', files: [p12, issuing.cert], vaultCas: [] };
    const serialized: string[] = [];
    const send = async <T>(channel: string, ...args: unknown[]) => {
      const result = await invoke<T>(channel, ...args);
      serialized.push(JSON.stringify(result));
      return result;
    };

    const without = await send('studio:truststore.preview', selection);
    expect(without.ok ? null : without.error).toMatchObject({ code: 'PASSWORD_REQUIRED', params: { file: 'root-encrypted.p12' } });
    const wrong = await send('studio:truststore.preview', { ...selection, password: 'not-it' });
    expect(wrong.ok ? null : wrong.error.code).toBe('WRONG_PASSWORD');
    const preview = await send<TrustStoreReport>('studio:truststore.preview', { ...selection, password: P12_PASSWORD });
    expect(preview.ok && preview.value.certificates.map((cert) => cert.commonName)).toEqual(['Handler Root', 'Handler Issuing']);

    const verdict = await send<ClientVerdict>('studio:truststore.testClient', { ...selection, password: P12_PASSWORD }, { kind: 'file', path: client.cert });
    expect(verdict.ok && verdict.value.accepted).toBe(true);
    const wrongClient = await send('studio:truststore.testClient', { ...selection, password: 'not-it' }, { kind: 'file', path: client.cert });
    expect(wrongClient.ok ? null : wrongClient.error.code).toBe('WRONG_PASSWORD');

    dialogs.savePath = join(dir, 'from-p12.pem');
    const saved = await send<TrustStoreExportResponse>('studio:truststore.export', { ...selection, password: P12_PASSWORD });
    expect(saved.ok && saved.value).toMatchObject({ saved: true, written: dialogs.savePath });
    expect(openssl(['verify', '-CAfile', dialogs.savePath, client.cert])).toContain('OK');
    const refused = await send('studio:truststore.export', { ...selection, password: 'not-it' });
    expect(refused.ok ? null : refused.error.code).toBe('WRONG_PASSWORD');

    for (const text of serialized) expect(text).not.toContain(P12_PASSWORD);
  });

  it('caps the password like every other password in the contract', async () => {
    const { invoke } = studio();
    const tooLong = await invoke('studio:truststore.preview', { target: 'alb', files: [root.cert], vaultCas: [], password: 'x'.repeat(1025) });
    expect(tooLong.ok ? null : tooLong.error.code).toBe('INVALID_ARGUMENT');
    const notText = await invoke('studio:truststore.preview', { target: 'alb', files: [root.cert], vaultCas: [], password: 42 });
    expect(notText.ok ? null : notText.error.code).toBe('INVALID_ARGUMENT');
  });
});
