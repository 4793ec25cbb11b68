import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../electron/common/dto/probe';
import { createProbeService } from '../../../electron/core/probe';
import { closeAllLocalServers, refusedPort, startPlainHttpServer, startResetWithoutCertificateServer, startResettingServer, startSilentServer } from '../../helpers/node-servers';
import { makeProbePki, type ProbePki } from '../../helpers/probe-pki';
import { startSServer, stopAllServers } from '../../helpers/tls-servers';
import { useTempDir } from '../../helpers/tmp';

/** Network, TLS and server-certificate diagnoses against real loopback servers. */

const dir = useTempDir('mtls-probe-server-');
let pki: ProbePki;
const probe = createProbeService({ now: () => new Date(), vault: null });

beforeAll(() => {
  pki = makeProbePki(dir);
});
afterAll(async () => {
  await stopAllServers();
  await closeAllLocalServers();
});

const codes = (result: ProbeResult) => result.diagnosis.map((finding) => finding.code);
const serve = (cert: { cert: string; key: string }, extra: string[] = []) => startSServer(['-cert', cert.cert, '-key', cert.key, '-www', ...extra]);

describe('network failures', () => {
  it('DNS_FAILED: a name the resolver rejects (a 64-character label never leaves the machine)', async () => {
    const host = `${'a'.repeat(64)}.example`;
    const result = await probe.run({ url: `https://${host}/` });
    expect(codes(result)).toEqual(['DNS_FAILED']);
    expect(result.outcome).toBe('network-error');
    expect(result.address).toBeNull();
    expect(result.tls.certificateRequest).toBeNull();
  });

  it('CONNECTION_REFUSED: nothing listens', async () => {
    const port = await refusedPort();
    const result = await probe.run({ url: `https://127.0.0.1:${port}/` });
    expect(codes(result)).toEqual(['CONNECTION_REFUSED']);
    expect(result.outcome).toBe('network-error');
    expect(result.timings.tcpMs).toBeNull();
  });

  it('CONNECTION_TIMEOUT: the port accepts TCP but never speaks TLS', async () => {
    const silent = await startSilentServer();
    const result = await probe.run({ url: `https://127.0.0.1:${silent.port}/`, timeoutMs: 400 });
    expect(codes(result)).toEqual(['CONNECTION_TIMEOUT']);
    expect(result.timings.tcpMs).not.toBeNull();
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(400);
    expect(result.timings.totalMs).toBeLessThan(5000);
  });

  it('CONNECTION_RESET: the server resets the connection during the handshake', async () => {
    const resetting = await startResettingServer();
    const result = await probe.run({ url: `https://127.0.0.1:${resetting.port}/` });
    expect(codes(result)).toEqual(['CONNECTION_RESET']);
    expect(result.outcome).toBe('network-error');
  });

  it('CONNECTION_RESET after a certificate request: the edge drops connections without a certificate', async () => {
    const edge = await startResetWithoutCertificateServer({ cert: pki.server.cert, key: pki.server.key, clientCa: pki.clientRoot.cert });
    const result = await probe.run({ url: `https://localhost:${edge.port}/`, caFiles: [pki.serverRoot.cert] });
    expect(codes(result)).toEqual(['CONNECTION_RESET', 'CLIENT_CERT_MISSING']);
    expect(result.diagnosis[1]!.title).toBe('The server likely requires a client certificate');
    expect(result.tls.certificateRequest?.requested).toBe(true);
    const withCert = await probe.run({ url: `https://localhost:${edge.port}/`, caFiles: [pki.serverRoot.cert], identity: { kind: 'files', certPath: pki.clientChain, keyPath: pki.client.key } });
    expect(codes(withCert)).toEqual(['MTLS_OK']);
  });

  it('NOT_TLS: a plaintext HTTP server on the port', async () => {
    const plain = await startPlainHttpServer();
    const result = await probe.run({ url: `https://127.0.0.1:${plain.port}/` });
    expect(codes(result)).toEqual(['NOT_TLS']);
    expect(result.diagnosis[0]!.detail).toContain('HTTP/1.1 400 Bad Request');
    expect(result.outcome).toBe('tls-error');
  });
});

describe('TLS failures', () => {
  it('TLS_VERSION_MISMATCH: TLS 1.3-only server, client capped at 1.2', async () => {
    const server = await serve(pki.server, ['-tls1_3']);
    const result = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], tlsMax: '1.2' });
    expect(codes(result)).toEqual(['TLS_VERSION_MISMATCH']);
    expect(result.tls.alert).toEqual(expect.objectContaining({ name: 'protocol_version', from: 'server' }));
    await server.stop();
  });

  it('TLS_VERSION_MISMATCH: TLS 1.2-only server, client requires 1.3', async () => {
    const server = await serve(pki.server, ['-no_tls1_3']);
    const result = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], tlsMin: '1.3' });
    expect(codes(result)).toEqual(['TLS_VERSION_MISMATCH']);
    await server.stop();
  });

  it('TLS_HANDSHAKE_FAILED: no cipher suite in common, no certificate involved', async () => {
    const server = await serve(pki.server, ['-no_tls1_3', '-cipher', 'ECDHE-ECDSA-CAMELLIA128-SHA256:@SECLEVEL=0']);
    const result = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert] });
    expect(codes(result)).toEqual(['TLS_HANDSHAKE_FAILED']);
    expect(result.tls.alert?.name).toBe('handshake_failure');
    expect(result.tls.certificateRequest).toBeNull();
    await server.stop();
  });
});

describe('server certificate', () => {
  it('SERVER_CERT_UNTRUSTED: a private CA without --ca; the request is not sent', async () => {
    const server = await serve(pki.server);
    const result = await probe.run({ url: `https://localhost:${server.port}/` });
    expect(codes(result)).toEqual(['SERVER_CERT_UNTRUSTED']);
    expect(result.outcome).toBe('tls-error');
    expect(result.http).toBeNull();
    expect(result.tls.serverTrusted).toBe(false);
    expect(result.tls.serverVerification.trust).toBe('system');
    expect(result.tls.serverCertificates[0]!.subject).toBe('O=mTLS Studio Tests,CN=localhost');
    await server.stop();
  });

  it('SERVER_CERT_EXPIRED', async () => {
    const server = await serve(pki.serverExpired);
    const result = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert] });
    expect(codes(result)).toEqual(['SERVER_CERT_EXPIRED']);
    expect(result.tls.serverVerification.error).toBe('CERT_HAS_EXPIRED');
    await server.stop();
  });

  it('SERVER_NAME_MISMATCH, also when the SNI is overridden to a name the certificate has', async () => {
    const server = await serve(pki.serverWrongName);
    const wrong = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert] });
    expect(codes(wrong)).toEqual(['SERVER_NAME_MISMATCH']);
    expect(wrong.diagnosis[0]!.detail).toContain('DNS:other.test');
    const right = await probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], servername: 'other.test' });
    expect(right.outcome).toBe('success');
    expect(right.servername).toBe('other.test');
    expect(right.reproduce.curl).toContain(`--resolve other.test:${server.port}:127.0.0.1`);
    await server.stop();
  });

  it('SERVER_VERIFICATION_DISABLED: --insecure goes on and says so loudly', async () => {
    const server = await serve(pki.server);
    const result = await probe.run({ url: `https://localhost:${server.port}/`, insecure: true });
    expect(codes(result)).toEqual(['SERVER_CERT_UNTRUSTED', 'SERVER_VERIFICATION_DISABLED', 'CLIENT_CERT_NOT_REQUESTED']);
    expect(result.diagnosis.find((f) => f.code === 'SERVER_VERIFICATION_DISABLED')!.severity).toBe('warning');
    expect(result.diagnosis.find((f) => f.code === 'SERVER_CERT_UNTRUSTED')!.severity).toBe('warning');
    expect(result.outcome).toBe('success');
    expect(result.http?.status).toBe(200);
    expect(result.reproduce.curl).toContain('--insecure');
    await server.stop();
  });
});

describe('cancelling', () => {
  it('a cancelled probe stops at once with CANCELLED; a cancelled repeat keeps what it measured', async () => {
    const silent = await startSilentServer();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    await expect(probe.run({ url: `https://127.0.0.1:${silent.port}/`, timeoutMs: 20_000 }, { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(Date.now() - started).toBeLessThan(5_000);

    const server = await serve(pki.server);
    const stop = new AbortController();
    let seen = 0;
    const result = await probe.run(
      { url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], repeat: { count: 10_000, concurrency: 2 } },
      { signal: stop.signal, onProgress: () => (++seen === 5 ? stop.abort() : undefined) },
    );
    expect(result.repeat!.requests).toBeGreaterThanOrEqual(5);
    expect(result.repeat!.failed).toBe(0);
    expect(result.repeat!.requests).toBeLessThan(10_000);
    await server.stop();
  });
});
