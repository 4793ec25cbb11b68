import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeRunResponse } from '../../electron/common/dto/probe-ipc';
import type { EventName } from '../../electron/common/ipc/contract';
import { events } from '../../electron/common/ipc/contract';
import { createServices } from '../../electron/core';
import { createGateway } from '../../electron/main/ipc/gateway';
import { createIpcHandlers, type Dialogs } from '../../electron/main/ipc/handlers';
import { isTrustedSender } from '../../electron/main/sender-policy';
import { createSettingsStore } from '../../electron/main/settings-store';
import {
  closeAllLocalServers,
  startHttpsServer,
  startSilentServer,
  type LocalServer,
} from '../helpers/node-servers';
import { makeProbePki, type ProbePki } from '../helpers/probe-pki';
import { useTempDir } from '../helpers/tmp';

/** studio:probe.* through the real gateway and the real probe, against Node https servers on 127.0.0.1. */

const dir = useTempDir('mtls-probe-ipc-');
const APP = { url: 'app://studio/index.html', isMainFrame: true };
let pki: ProbePki;
let requiring: LocalServer;

beforeAll(async () => {
  pki = makeProbePki(dir);
  requiring = await startHttpsServer({
    cert: pki.server.cert,
    key: pki.server.key,
    clientCa: pki.clientCaBundle,
    respond: (_r, authorized) => ({
      status: authorized ? 200 : 401,
      body: authorized ? '{"hello":"mtls"}' : 'no',
    }),
  });
});
afterAll(closeAllLocalServers);

function studio() {
  const sent: { event: EventName; payload: unknown }[] = [];
  const saves: { name: string; format: string }[] = [];
  let savePath: string | null = null;
  const dialogs: Dialogs = {
    pickFiles: async () => [],
    chooseSavePath: async () => null,
    chooseReportPath: async (name, format) => {
      saves.push({ name, format });
      return savePath;
    },
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
    events: (event, payload) => {
      // what the window's send() does before sending
      sent.push({ event, payload: events[event].parse(payload) });
      return true;
    },
  });
  return {
    gateway: createGateway(handlers, { isTrustedSender }),
    sent,
    saves,
    saveTo: (path: string | null) => (savePath = path),
  };
}

const url = () => `https://localhost:${requiring.port}/api`;
const identity = () => ({ kind: 'files' as const, certPath: pki.clientChain, keyPath: pki.client.key });
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const value = <T>(result: unknown) => {
  expect(result).toMatchObject({ ok: true });
  return (result as { value: T }).value;
};

describe('probe handlers behind the gateway', () => {
  it('runs with an identity from files and returns the result DTO — never key bytes', async () => {
    const { gateway } = studio();
    const response = value<ProbeRunResponse>(
      await gateway.invoke(APP, 'studio:probe.run', [
        id(1),
        { url: url(), caFiles: [pki.serverRoot.cert], identity: identity() },
      ]),
    );
    expect(response.runId).toBe(id(1));
    expect(response.result.diagnosis.map((f) => f.code)).toEqual(['MTLS_OK']);
    expect(response.result.http?.status).toBe(200);
    const keyBody = readFileSync(pki.client.key, 'utf8').replace(/-----[^-]+-----|\s/g, '');
    const text = JSON.stringify(response);
    expect(text).not.toContain(keyBody.slice(10, 50));
    expect(text).not.toMatch(/PRIVATE KEY/);
  });

  it('runs without an identity: the server asked, went on, and answered 401', async () => {
    const { gateway } = studio();
    const response = value<ProbeRunResponse>(
      await gateway.invoke(APP, 'studio:probe.run', [id(2), { url: url(), caFiles: [pki.serverRoot.cert] }]),
    );
    expect(response.result.diagnosis.map((f) => f.code)).toEqual([
      'HTTP_ERROR_STATUS',
      'CLIENT_CERT_OPTIONAL',
    ]);
  });

  it('sends throttled progress events for a repeat run, ending with the total', async () => {
    const { gateway, sent } = studio();
    const response = value<ProbeRunResponse>(
      await gateway.invoke(APP, 'studio:probe.run', [
        id(3),
        {
          url: url(),
          caFiles: [pki.serverRoot.cert],
          identity: identity(),
          repeat: { count: 12, concurrency: 3 },
        },
      ]),
    );
    expect(response.result.repeat).toMatchObject({ requests: 12, succeeded: 12, failed: 0 });
    const progress = sent
      .filter((e) => e.event === 'studio:probe.progress')
      .map((e) => e.payload as { runId: string; done: number; total: number; succeeded: number });
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.length).toBeLessThanOrEqual(12);
    expect(progress.every((p) => p.runId === id(3) && p.total === 12)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ done: 12, succeeded: 12 });
    // every request's latency reaches the renderer exactly once, for the histogram
    expect(progress.flatMap((p) => (p as unknown as { latenciesMs: number[] }).latenciesMs)).toHaveLength(12);
  });

  it('makes the redacted report from main’s copy and saves it through the save dialog', async () => {
    const { gateway, saves, saveTo } = studio();
    await gateway.invoke(APP, 'studio:probe.run', [
      id(4),
      {
        url: url(),
        caFiles: [pki.serverRoot.cert],
        identity: {
          kind: 'files',
          certPath: pki.clientChain,
          keyPath: pki.client.key,
          keyPassword: 'not-needed-secret-77',
        },
      },
    ]);
    const report = value<{ text: string }>(
      await gateway.invoke(APP, 'studio:probe.report', [id(4), 'markdown']),
    );
    expect(report.text).toContain('MTLS_OK');
    expect(report.text).not.toContain('not-needed-secret-77');
    const json = value<{ text: string }>(await gateway.invoke(APP, 'studio:probe.report', [id(4), 'json']));
    expect(JSON.parse(json.text)).toMatchObject({ outcome: 'success' });

    expect(value(await gateway.invoke(APP, 'studio:probe.saveReport', [id(4), 'markdown']))).toEqual({
      saved: false,
      path: null,
    });
    const out = join(dir, 'ticket.md');
    saveTo(out);
    expect(value(await gateway.invoke(APP, 'studio:probe.saveReport', [id(4), 'markdown']))).toEqual({
      saved: true,
      path: out,
    });
    expect(readFileSync(out, 'utf8')).toBe(report.text);
    expect(saves[0]).toEqual({
      name: expect.stringMatching(/^mtls-probe-localhost-\d{4}-\d\d-\d\d-.*\.md$/),
      format: 'markdown',
    });
  });

  it('cancels a run in flight', async () => {
    const { gateway } = studio();
    const silent = await startSilentServer();
    const started = Date.now();
    const running = gateway.invoke(APP, 'studio:probe.run', [
      id(5),
      { url: `https://127.0.0.1:${silent.port}/`, timeoutMs: 60_000 },
    ]);
    await new Promise((done) => setTimeout(done, 300));
    expect(value(await gateway.invoke(APP, 'studio:probe.cancel', [id(5)]))).toEqual({ cancelled: true });
    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(value(await gateway.invoke(APP, 'studio:probe.cancel', [id(5)]))).toEqual({ cancelled: false });
  });

  it('refuses unknown runs, reused ids and requests outside the contract', async () => {
    const { gateway } = studio();
    expect(await gateway.invoke(APP, 'studio:probe.report', [id(99), 'markdown'])).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await gateway.invoke(APP, 'studio:probe.run', [id(6), { url: url(), caFiles: [pki.serverRoot.cert] }]);
    expect(await gateway.invoke(APP, 'studio:probe.run', [id(6), { url: url() }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    for (const bad of [
      { url: 'http://localhost/' },
      { url: url(), repeat: { count: 10_001, concurrency: 1 } },
      { url: url(), identity: { kind: 'files', certPath: 'a', keyPath: 'b', keyBytes: 'x' } },
    ]) {
      expect(await gateway.invoke(APP, 'studio:probe.run', [id(7), bad])).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      });
    }
    // a missing file is the core's typed error, naming the file
    const missing = await gateway.invoke(APP, 'studio:probe.run', [
      id(8),
      {
        url: url(),
        identity: { kind: 'files', certPath: join(dir, 'nope.pem'), keyPath: join(dir, 'nope.key') },
      },
    ]);
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });
});
