import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeIdentitySource, ProbeProgress, ProbeResult } from '../../../electron/common/dto/probe';
import { createProbeService } from '../../../electron/core/probe';
import { closeAllLocalServers, startHttpsServer } from '../../helpers/node-servers';
import { makeProbePki, type ProbePki } from '../../helpers/probe-pki';
import { startSServer, stopAllServers } from '../../helpers/tls-servers';
import { useTempDir } from '../../helpers/tmp';

/** HTTP-level findings, request options, target detection, --all-addresses and --repeat against Node https servers. */

const dir = useTempDir('mtls-probe-http-');
let pki: ProbePki;
const probe = createProbeService({ now: () => new Date(), vault: null });

beforeAll(() => {
  pki = makeProbePki(dir);
});
afterAll(async () => {
  await stopAllServers();
  await closeAllLocalServers();
});

const identity = (): ProbeIdentitySource => ({ kind: 'files', certPath: pki.clientChain, keyPath: pki.client.key });
const codes = (result: ProbeResult) => result.diagnosis.map((finding) => finding.code);
const mtlsServer = (respond: Parameters<typeof startHttpsServer>[0]['respond'], extra: { host?: string; port?: number } = {}) =>
  startHttpsServer({ cert: pki.server.cert, key: pki.server.key, clientCa: pki.clientRoot.cert, respond, ...extra });

describe('HTTP answers', () => {
  it('HTTP_FORBIDDEN: 403 after a completed mutual-TLS handshake', async () => {
    const server = await mtlsServer((_request, authorized) => ({ status: 403, body: authorized ? 'policy says no' : 'no cert' }));
    const result = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], identity: identity() });
    // a 403 is not "mutual TLS OK", even though the handshake accepted the certificate
    expect(codes(result)).toEqual(['HTTP_FORBIDDEN']);
    expect(result.outcome).toBe('http-error');
    expect(result.http?.bodyPreview).toBe('policy says no');
    expect(result.diagnosis[0]!.detail).toContain('after a completed mutual-TLS handshake');
  });

  it('HTTP_ERROR_STATUS for other failing statuses', async () => {
    const server = await mtlsServer(() => ({ status: 404, body: 'nope' }));
    const result = await probe.run({ url: `https://localhost:${server.port}/missing`, caFiles: [pki.serverRoot.cert], identity: identity() });
    expect(codes(result)).toEqual(['HTTP_ERROR_STATUS', 'MTLS_OK']);
    expect(result.diagnosis[0]!.title).toBe('The server answered HTTP 404 Not Found');
  });

  it('sends method, headers and body (text and @file) as given, and redacts credentials in the result', async () => {
    const server = await mtlsServer((request, _authorized, body) => ({
      status: 200,
      body: JSON.stringify({ method: request.method, url: request.url, trace: request.headers['x-trace'], auth: request.headers.authorization === 'Bearer s3cr3t-token', body: body.toString('utf8') }),
      headers: { 'set-cookie': 'session=abc123', 'content-type': 'application/json' },
    }));
    const url = `https://localhost:${server.port}/echo?x=1`;
    const text = await probe.run({ url, method: 'post', headers: [['X-Trace', 'one'], ['Authorization', 'Bearer s3cr3t-token']], body: { text: '{"a":1}' }, caFiles: [pki.serverRoot.cert], identity: identity() });
    expect(JSON.parse(text.http!.bodyPreview)).toEqual({ method: 'POST', url: '/echo?x=1', trace: 'one', auth: true, body: '{"a":1}' });
    expect(text.request).toEqual({ method: 'POST', headers: [['X-Trace', 'one'], ['Authorization', 'Bearer <redacted>']], bodyBytes: 7 });
    expect(text.http!.headers['set-cookie']).toBe('<redacted>');
    const serialized = JSON.stringify(text) + probe.report(text, 'markdown');
    expect(serialized).toContain('Bearer <redacted>');
    expect(serialized).not.toContain('s3cr3t');
    expect(serialized).not.toContain('abc123');

    writeFileSync(join(dir, 'body.json'), '{"from":"file"}');
    const fromFile = await probe.run({ url, method: 'PUT', body: { file: join(dir, 'body.json') }, caFiles: [pki.serverRoot.cert], identity: identity() });
    expect(JSON.parse(fromFile.http!.bodyPreview)).toEqual(expect.objectContaining({ method: 'PUT', body: '{"from":"file"}' }));
    expect(fromFile.reproduce.curl).toContain('--data-binary @body.json');
  });

  it('moves multi-megabyte bodies both ways intact through the handshake tap (and keeps only its first bytes)', async () => {
    const upload = Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 7) % 251));
    const download = Buffer.from(Array.from({ length: 5 * 1024 * 1024 }, (_, i) => (i * 13) % 241));
    const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    const server = await mtlsServer((_request, _authorized, body) => ({ status: 200, body: download, headers: { 'x-upload-sha256': sha256(body) } }));
    writeFileSync(join(dir, 'upload.bin'), upload);
    const result = await probe.run({ url: `https://localhost:${server.port}/`, method: 'POST', body: { file: join(dir, 'upload.bin') }, caFiles: [pki.serverRoot.cert], identity: identity(), maxBodyBytes: 8 * 1024 * 1024 });
    expect(result.outcome).toBe('success');
    expect(result.http!.headers['x-upload-sha256']).toBe(sha256(upload));
    expect([result.http!.bodyBytes, result.http!.bodyTruncated]).toEqual([download.length, false]);
    // the handshake was still read from the tapped bytes
    expect(result.tls.certificateRequest?.requested).toBe(true);
  });

  it('caps the body it reads', async () => {
    const server = await mtlsServer(() => ({ status: 200, body: Buffer.alloc(200_000, 0x61) }));
    const result = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], identity: identity(), maxBodyBytes: 1000 });
    expect(result.http?.bodyTruncated).toBe(true);
    expect(result.http!.bodyBytes).toBeGreaterThan(1000);
    expect(result.http!.bodyBytes).toBeLessThan(200_000);
    expect(result.http!.bodyPreview).toMatch(/^a{2048}$/);
  });
});

describe('--target auto', () => {
  const cases: [Record<string, string>, string, string][] = [
    [{ server: 'awselb/2.0' }, 'alb', 'server: awselb/2.0'],
    [{ 'x-amzn-requestid': 'c0ffee', 'x-amz-apigw-id': 'Abc=' }, 'apigw', 'x-amz-apigw-id header present'],
    [{ 'x-amz-cf-id': 'xyz', via: '1.1 abc.cloudfront.net (CloudFront)', server: 'awselb/2.0' }, 'cloudfront', 'x-amz-cf-id header present'],
    [{ server: 'Tengine' }, 'clb', 'server: Tengine'],
    [{}, 'generic', 'no cloud endpoint headers in the response'],
  ];
  it('detects the endpoint kind from the response headers', async () => {
    for (const [headers, target, evidence] of cases) {
      const server = await mtlsServer(() => ({ status: 200, body: 'ok', headers }));
      const result = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert] });
      expect(result.target, target).toBe(target);
      expect(result.targetDetected).toBe(true);
      expect(result.targetEvidence).toContain(evidence);
      await server.close();
    }
    const server = await mtlsServer(() => ({ status: 200, body: 'ok', headers: { server: 'awselb/2.0' } }));
    const given = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], target: 'apigw' });
    expect([given.target, given.targetDetected]).toEqual(['apigw', false]);
  });
});

describe('several addresses', () => {
  it('ADDRESSES_DISAGREE: the same SNI on 127.0.0.1 and 127.0.0.2, one node with the wrong trust store', async () => {
    const good = await startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www', '-Verify', '4', '-verify_return_error', '-CAfile', pki.clientRoot.cert]);
    const bad = await startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www', '-Verify', '4', '-verify_return_error', '-CAfile', pki.otherCa.root], { host: '127.0.0.2', port: good.port });
    const result = await probe.run({
      url: `https://api.partner.test:${good.port}/`,
      servername: 'localhost',
      resolve: [{ host: 'api.partner.test', port: good.port, addresses: ['127.0.0.1', '127.0.0.2'] }],
      allAddresses: true,
      caFiles: [pki.serverRoot.cert],
      identity: { kind: 'files', certPath: pki.clientFullChain, keyPath: pki.client.key },
    });
    expect(result.resolvedAddresses).toEqual(['127.0.0.1', '127.0.0.2']);
    expect(result.addresses?.map((entry) => [entry.address, entry.outcome, entry.primaryCode])).toEqual([
      ['127.0.0.1', 'success', 'MTLS_OK'],
      ['127.0.0.2', 'tls-error', 'CLIENT_CERT_UNTRUSTED'],
    ]);
    expect(codes(result)[0]).toBe('ADDRESSES_DISAGREE');
    expect(result.diagnosis[0]!.title).toBe('One address of 2 behaves differently: 127.0.0.2');
    expect(result.diagnosis[0]!.detail).toContain('127.0.0.2 → CLIENT_CERT_UNTRUSTED (alert unknown_ca)');
    // the same facts as data, for the translated sentence
    expect(result.diagnosis[0]!.params).toEqual({ ok: '127.0.0.1', failed: '127.0.0.2', outcomes: '127.0.0.2 → CLIENT_CERT_UNTRUSTED (alert unknown_ca)' });
    await good.stop();
    await bad.stop();
  });

  it('--repeat spreads requests over the addresses and counts failures by code and address', async () => {
    const ok = await mtlsServer(() => ({ status: 200, body: 'ok' }));
    await mtlsServer(() => ({ status: 403, body: 'denied' }), { host: '127.0.0.2', port: ok.port });
    const progress: ProbeProgress[] = [];
    const request = {
      url: `https://localhost:${ok.port}/`,
      resolve: [{ host: 'localhost', port: ok.port, addresses: ['127.0.0.1', '127.0.0.2'] }],
      caFiles: [pki.serverRoot.cert],
      identity: identity(),
    };
    const result = await probe.run({ ...request, repeat: { count: 20, concurrency: 4 } }, { onProgress: (p) => progress.push(p) });
    const repeat = result.repeat!;
    expect(repeat.requests).toBe(20);
    expect(repeat.succeeded).toBe(10);
    expect(repeat.successRate).toBe(0.5);
    expect(repeat.errorsByCode).toEqual({ HTTP_FORBIDDEN: 10 });
    expect(repeat.byAddress['127.0.0.1']).toEqual({ requests: 10, failed: 0, errorsByCode: {} });
    expect(repeat.byAddress['127.0.0.2']).toEqual({ requests: 10, failed: 10, errorsByCode: { HTTP_FORBIDDEN: 10 } });
    expect(repeat.latencyMs!.p50).toBeLessThanOrEqual(repeat.latencyMs!.p95);
    expect(repeat.latencyMs!.p95).toBeLessThanOrEqual(repeat.latencyMs!.p99);
    expect(progress).toHaveLength(20);
    expect(progress[19]).toEqual(expect.objectContaining({ done: 20, total: 20, succeeded: 10, failed: 10 }));

    const kept = await probe.run({ ...request, resolve: [], repeat: { count: 30, concurrency: 3, connection: 'keep-alive' } });
    expect(kept.repeat).toEqual(expect.objectContaining({ requests: 30, succeeded: 30, connection: 'keep-alive', errorsByCode: {} }));
  });
});
