import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFormat } from '../../electron/common/dto/inspect';
import { createServices } from '../../electron/core';
import { createGateway } from '../../electron/main/ipc/gateway';
import { createIpcHandlers, type Dialogs } from '../../electron/main/ipc/handlers';
import { isTrustedSender } from '../../electron/main/sender-policy';
import { createSettingsStore } from '../../electron/main/settings-store';
import { makeTestPki, openssl, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';

const dir = useTempDir();
const APP = { url: 'app://studio/index.html', isMainFrame: true };
let pki: TestPki;

beforeAll(() => {
  pki = makeTestPki(dir);
});

/** The real services behind the real gateway; only the native dialogs (Electron) are stood in for. */
function studio(savePath: string | null) {
  const asked: { name: string; format: OutputFormat }[] = [];
  const dialogs: Dialogs = {
    pickFiles: async () => [pki.leafCert, pki.leafKey],
    chooseSavePath: async (name, format) => {
      asked.push({ name, format });
      return savePath;
    },
    chooseReportPath: async () => savePath,
    pickFile: async () => null,
    chooseFileSavePath: async () => null,
    chooseNewFolder: async () => null,
  };
  const handlers = createIpcHandlers({
    services: createServices({ home: dir }),
    dialogs,
    appInfo: { name: 'mTLS Studio', version: '0.0.0', host: 'test', platform: 'linux', versions: {} },
    openedFiles: { take: () => [] },
    settings: createSettingsStore(join(dir, 'settings.json')),
  });
  return { gateway: createGateway(handlers, { isTrustedSender }), asked };
}

describe('file handlers behind the gateway', () => {
  it('inspects picked files and returns descriptions only — never key bytes', async () => {
    const { gateway } = studio(null);
    const picked = await gateway.invoke(APP, 'studio:files.pick', []);
    expect(picked).toEqual({ ok: true, value: { paths: [pki.leafCert, pki.leafKey] } });
    const result = await gateway.invoke(APP, 'studio:files.inspect', [{ paths: [pki.leafCert, pki.leafKey] }]);
    expect(result.ok).toBe(true);
    const text = JSON.stringify(result);
    const keyDer = Buffer.from(openssl(['pkey', '-in', pki.leafKey]).replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect(text).not.toContain(keyDer.toString('base64').slice(20, 60));
    expect(text).not.toContain(keyDer.toString('hex').slice(40, 120));
    expect(text).not.toMatch(/PRIVATE KEY-----/);
  });

  it('exports through the save dialog, suggesting a name from the certificate', async () => {
    const out = join(dir, 'chosen.p12');
    const { gateway, asked } = studio(out);
    const inspected = await gateway.invoke(APP, 'studio:files.inspect', [{ paths: [pki.leafCert, pki.leafKey] }]);
    const { inspectionId } = (inspected as { ok: true; value: { inspectionId: string } }).value;
    const saved = await gateway.invoke(APP, 'studio:files.export', [{ inspectionId, format: 'p12', profile: 'modern', outPassword: 'pw-1234' }]);
    expect(saved).toEqual({ ok: true, value: { saved: true, written: [out], warnings: [] } });
    expect(asked).toEqual([{ name: 'Test Client.p12', format: 'p12' }]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    writeFileSync(join(dir, 'out.pem'), openssl(['pkcs12', '-in', out, '-passin', 'pass:pw-1234', '-nokeys', '-clcerts']));
    expect(opensslFingerprint(join(dir, 'out.pem'))).toBe(opensslFingerprint(pki.leafCert));
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { gateway } = studio(null);
    const inspected = await gateway.invoke(APP, 'studio:files.inspect', [{ paths: [pki.leafCert] }]);
    const { inspectionId } = (inspected as { ok: true; value: { inspectionId: string } }).value;
    expect(await gateway.invoke(APP, 'studio:files.export', [{ inspectionId, format: 'pem' }])).toEqual({ ok: true, value: { saved: false, written: [], warnings: [] } });
  });

  it('forgets an inspection: later exports say so', async () => {
    const { gateway } = studio(join(dir, 'never.pem'));
    const inspected = await gateway.invoke(APP, 'studio:files.inspect', [{ paths: [pki.leafCert] }]);
    const { inspectionId } = (inspected as { ok: true; value: { inspectionId: string } }).value;
    expect(await gateway.invoke(APP, 'studio:files.forget', [inspectionId])).toEqual({ ok: true, value: null });
    expect(await gateway.invoke(APP, 'studio:files.export', [{ inspectionId, format: 'pem' }])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('returns typed errors for unreadable input', async () => {
    const { gateway } = studio(null);
    expect(await gateway.invoke(APP, 'studio:files.inspect', [{ paths: [join(dir, 'missing.p12')] }])).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND', hint: expect.any(String) } });
  });
});
