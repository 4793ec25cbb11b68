import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosisCode, ProbeRequest, ProbeResult } from '../../../electron/common/dto/probe';
import { startLab, type LabEndpointId, type RunningLab } from '../../../electron/core/lab';
import { createProbeService } from '../../../electron/core/probe';
import { useTempDir } from '../../helpers/tmp';
import { useLab } from './lab-client';

/**
 * What the probe says against the lab where a server refuses a certificate without an alert or with a 403:
 * ALB verify and the Classic LB instance close right after the handshake, CloudFront resets, API Gateway answers
 * 403 — each attributed to our certificate, never a bare CONNECTION_RESET, and a 403 is never "mutual TLS OK".
 */

const dir = useTempDir('mtls-lab-probe-');
const probe = createProbeService({ now: () => new Date(), vault: null });
const lab = useLab(join(dir, 'lab'));

function run(running: RunningLab, id: LabEndpointId, identity: { cert: string; key: string } | null, extra: Partial<ProbeRequest> = {}): Promise<ProbeResult> {
  const endpoint = running.endpoints.find((candidate) => candidate.id === id)!;
  const host = endpoint.hostname!;
  return probe.run({
    url: `https://${host}:${endpoint.port}/`,
    resolve: [{ host, port: endpoint.port, addresses: ['127.0.0.1'] }],
    caFiles: [running.files.caCert],
    timeoutMs: 5_000,
    ...(identity ? { identity: { kind: 'files', certPath: identity.cert, keyPath: identity.key } } : {}),
    ...extra,
  });
}

const codes = (result: ProbeResult): DiagnosisCode[] => result.diagnosis.map((finding) => finding.code);

describe('a certificate refused by closing or resetting right after the handshake', () => {
  it('ALB verify, expired: CLIENT_CERT_EXPIRED as the error, not CONNECTION_RESET (TLS 1.3 and 1.2)', async () => {
    for (const version of ['1.3', '1.2'] as const) {
      const result = await run(lab(), 'alb-verify', lab().files.expiredClient, { tlsMin: version, tlsMax: version });
      expect(result.outcome, version).toBe('tls-error');
      expect(codes(result)[0], version).toBe('CLIENT_CERT_EXPIRED');
      expect(codes(result)).not.toContain('CONNECTION_RESET');
      const expired = result.diagnosis[0]!;
      expect(expired.severity).toBe('error');
      expect(expired.detail).toMatch(/'lab-expired-client' expired on \d{4}-\d\d-\d\d; the server closed the connection \d+ ms after the handshake, with no TLS alert and no HTTP response/);
    }
  });

  it('ALB verify, unknown CA (leaf only, empty CA list): CLIENT_CERT_REJECTED listing the candidates', async () => {
    const result = await run(lab(), 'alb-verify', lab().files.unknownCaClient);
    expect(result.outcome).toBe('tls-error');
    expect(codes(result)[0]).toBe('CLIENT_CERT_REJECTED');
    const rejected = result.diagnosis[0]!;
    expect(rejected.detail).toContain('Candidates: our issuer is not in the server’s trust store');
    expect(rejected.detail).toContain('the server lacks the intermediate CN=Unknown Partner CA,O=Somewhere Else');
    expect(rejected.params.sha256).toBe(result.tls.clientCertificatesSent[0]);
  });

  it('a complete chain from an unknown root: CLIENT_CERT_UNTRUSTED where the server names its CAs (Classic LB instance), candidates where it does not', async () => {
    const chain = join(dir, 'unknown-full-chain.pem');
    writeFileSync(chain, readFileSync(lab().files.unknownCaClient.cert, 'utf8') + readFileSync(join(lab().files.folder, 'unknown-ca.crt'), 'utf8'));
    const identity = { cert: chain, key: lab().files.unknownCaClient.key };
    const clb = await run(lab(), 'aws-clb', identity, { target: 'clb' });
    expect(codes(clb)[0]).toBe('CLIENT_CERT_UNTRUSTED');
    expect(clb.diagnosis[0]!.detail).toContain('The server accepts: CN=mTLS Studio Lab CA,O=mTLS Studio Lab');
    const alb = await run(lab(), 'alb-verify', identity);
    expect(codes(alb)[0]).toBe('CLIENT_CERT_REJECTED');
    expect(alb.diagnosis[0]!.detail).not.toContain('lacks the intermediate');
  });

  it('CloudFront required resets an unknown-CA certificate: attributed the same way', async () => {
    const result = await run(lab(), 'cloudfront-required', lab().files.unknownCaClient);
    expect(codes(result)[0]).toBe('CLIENT_CERT_REJECTED');
    expect(codes(result)).not.toContain('CONNECTION_RESET');
  });

  it('no certificate sent: still a reset or alert about the missing certificate, not a rejection of ours', async () => {
    const cloudFront = await run(lab(), 'cloudfront-required', null);
    expect(codes(cloudFront)).toEqual(['CONNECTION_RESET', 'CLIENT_CERT_MISSING']);
    expect(cloudFront.outcome).toBe('network-error');
  });
});

describe('API Gateway 403', () => {
  it('is never reported with MTLS_OK; the intermediate-issued client gets TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE', async () => {
    const intermediate = lab().files.intermediateClient!;
    const result = await run(lab(), 'apigw-custom-domain', { cert: intermediate.chain, key: intermediate.key }, { target: 'apigw' });
    expect(result.http?.status).toBe(403);
    expect(codes(result)).toContain('HTTP_FORBIDDEN');
    expect(codes(result)).not.toContain('MTLS_OK');
    const missing = result.diagnosis.find((finding) => finding.code === 'TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE')!;
    expect(missing.params.issuer).toBe('CN=mTLS Studio Lab Intermediate CA,O=mTLS Studio Lab');

    const expired = await run(lab(), 'apigw-custom-domain', lab().files.expiredClient, { target: 'apigw' });
    expect(codes(expired)).toContain('HTTP_FORBIDDEN');
    expect(codes(expired)).not.toContain('MTLS_OK');
  });

  it('with the intermediate in the truststore the same identity passes: 200 and MTLS_OK', async () => {
    const running = await startLab({ folder: join(dir, 'lab'), trust: [lab().files.intermediateCaCert!] });
    try {
      const intermediate = running.files.intermediateClient!;
      const result = await run(running, 'apigw-custom-domain', { cert: intermediate.chain, key: intermediate.key }, { target: 'apigw' });
      expect(result.http?.status).toBe(200);
      expect(codes(result)).toContain('MTLS_OK');
      expect(codes(result)).not.toContain('TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE');
    } finally {
      await running.stop();
    }
  });
});
