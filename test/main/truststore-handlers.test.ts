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
});
