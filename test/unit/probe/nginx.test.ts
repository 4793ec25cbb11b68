import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeIdentitySource, ProbeResult } from '../../../electron/common/dto/probe';
import { createProbeService } from '../../../electron/core/probe';
import { makeProbePki, type ProbePki } from '../../helpers/probe-pki';
import { startNginx, stopAllServers, type RunningServer } from '../../helpers/tls-servers';
import { useTempDir } from '../../helpers/tmp';

/** nginx checks client certificates after the handshake and answers with HTTP 400 pages instead of alerts. */

const dir = useTempDir('mtls-probe-nginx-');
let pki: ProbePki;
let required: RunningServer;
let optional: RunningServer;
let optionalNoCa: RunningServer;
const probe = createProbeService({ now: () => new Date(), vault: null });

beforeAll(async () => {
  pki = makeProbePki(dir);
  const base = { cert: pki.server.cert, key: pki.server.key, clientCa: pki.clientRoot.cert };
  required = await startNginx(dir, { ...base, verify: 'on' });
  optional = await startNginx(dir, { ...base, verify: 'optional' });
  optionalNoCa = await startNginx(dir, { ...base, verify: 'optional_no_ca' });
});
afterAll(stopAllServers);

const files = (cert: string, key: string): ProbeIdentitySource => ({ kind: 'files', certPath: cert, keyPath: key });
const codes = (result: ProbeResult) => result.diagnosis.map((finding) => finding.code);
const run = (server: RunningServer, identity?: ProbeIdentitySource, tlsMax: '1.2' | '1.3' = '1.3') =>
  probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], tlsMax, ...(identity ? { identity } : {}) });

describe('nginx ssl_verify_client on', () => {
  it('MTLS_OK with a good chain, TLS 1.3 and 1.2', async () => {
    for (const version of ['1.3', '1.2'] as const) {
      const result = await run(required, files(pki.clientChain, pki.client.key), version);
      expect(codes(result)).toEqual(['MTLS_OK']);
      expect(result.http?.bodyPreview).toContain('verify=SUCCESS');
      expect(result.tls.protocol).toBe(`TLSv${version}`);
    }
  });

  it('CLIENT_CERT_MISSING from the 400 "No required SSL certificate was sent" page', async () => {
    const result = await run(required);
    expect(codes(result)).toEqual(['CLIENT_CERT_MISSING']);
    expect(result.outcome).toBe('http-error');
    expect(result.http?.status).toBe(400);
    expect(result.tls.certificateRequest?.requested).toBe(true);
    expect(result.tls.alert).toBeNull();
  });

  it('HTTP_CLIENT_CERT_ERROR for a certificate nginx does not trust (a 400 page, not an alert)', async () => {
    const result = await run(required, files(pki.otherCa.cert, pki.otherCa.key));
    expect(codes(result)).toEqual(['HTTP_CLIENT_CERT_ERROR', 'CLIENT_CA_NOT_ADVERTISED']);
    expect(result.http?.status).toBe(400);
    expect(result.tls.clientCertificatesSent).toHaveLength(3);
    const expired = await run(required, files(pki.expired.cert, pki.expired.key));
    expect(codes(expired)).toEqual(['HTTP_CLIENT_CERT_ERROR', 'CLIENT_CERT_EXPIRED']);
    expect(expired.diagnosis[1]!.severity).toBe('warning');
  });
});

describe('nginx ssl_verify_client optional / optional_no_ca', () => {
  it('CLIENT_CERT_OPTIONAL without a certificate', async () => {
    for (const server of [optional, optionalNoCa]) {
      const result = await run(server);
      expect(codes(result)).toEqual(['CLIENT_CERT_OPTIONAL']);
      expect(result.outcome).toBe('success');
      expect(result.tls.certificateRequest?.acceptableCAs).toEqual(['O=mTLS Studio Tests,CN=Probe Client Root CA']);
    }
  });

  it('optional_no_ca lets an unknown CA through; the probe still says our CA is not among the named ones', async () => {
    const result = await run(optionalNoCa, files(pki.otherCa.cert, pki.otherCa.key));
    expect(codes(result)).toEqual(['CLIENT_CA_NOT_ADVERTISED', 'MTLS_OK']);
    expect(result.http?.bodyPreview).toContain('verify=FAILED');
    const strict = await run(optional, files(pki.otherCa.cert, pki.otherCa.key));
    expect(codes(strict)[0]).toBe('HTTP_CLIENT_CERT_ERROR');
  });
});
