import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosisCode, ProbeRequest, ProbeResult } from '../../../electron/common/dto/probe';
import { startLab, type LabEndpoint, type LabEndpointId, type RunningLab } from '../../../electron/core/lab';
import { createProbeService } from '../../../electron/core/probe';
import { decodeMtlsHeaders } from '../../../electron/core/targets';
import { makeTestPki, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';

/**
 * Every target finding of issue 5 §3, produced against the local lab's emulations — each reached by its cloud-style
 * host name (resolved to 127.0.0.1 like curl --resolve), as a user would probe the real endpoint.
 */

const dir = useTempDir('mtls-target-findings-');
const probe = createProbeService({ now: () => new Date(), vault: null });
let lab: RunningLab;
let intermediatePki: TestPki;

beforeAll(async () => {
  lab = await startLab({ folder: join(dir, 'lab') });
  // a leaf issued by an intermediate the lab's API Gateway trust store does not hold
  intermediatePki = makeTestPki(join(dir), ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], 'Intermediate-issued Client');
  writeFileSync(join(dir, 'chain.pem'), readFileSync(intermediatePki.leafCert, 'utf8') + readFileSync(intermediatePki.intermediateCert, 'utf8'));
}, 60_000);
afterAll(async () => {
  await lab?.stop();
});

const endpoint = (id: LabEndpointId): LabEndpoint => lab.endpoints.find((e) => e.id === id)!;

function run(id: LabEndpointId, extra: Partial<ProbeRequest> = {}): Promise<ProbeResult> {
  const e = endpoint(id);
  const host = e.hostname!;
  return probe.run({
    url: `https://${host}:${e.port}/`,
    resolve: [{ host, port: e.port, addresses: ['127.0.0.1'] }],
    caFiles: [lab.files.caCert],
    timeoutMs: 15_000,
    ...extra,
  });
}

const client = () => ({ kind: 'files' as const, certPath: lab.files.client.cert, keyPath: lab.files.client.key });
const codes = (result: ProbeResult): DiagnosisCode[] => result.diagnosis.map((f) => f.code);
const find = (result: ProbeResult, code: DiagnosisCode) => result.diagnosis.find((f) => f.code === code);

describe('target findings against the lab', () => {
  it('APIGW_DEFAULT_ENDPOINT on the execute-api host (auto-detected), not on the custom domain', async () => {
    const result = await run('apigw-execute-api', { identity: client() });
    expect(result.target).toBe('apigw');
    expect(result.targetEvidence).toContain('host is an execute-api endpoint');
    const found = find(result, 'APIGW_DEFAULT_ENDPOINT')!;
    expect(found).toMatchObject({ severity: 'warning', params: { host: endpoint('apigw-execute-api').hostname, region: 'us-east-1' } });
    expect(found.fix).toContain('disableExecuteApiEndpoint');
    expect(codes(result)).toContain('CLIENT_CERT_NOT_REQUESTED');

    const custom = await run('apigw-custom-domain', { identity: client(), target: 'apigw' });
    expect(codes(custom)).not.toContain('APIGW_DEFAULT_ENDPOINT');
  });

  it('CLOUDFRONT_NO_VIEWER_MTLS when CloudFront never asked for a certificate; absent with viewer mTLS', async () => {
    const off = await run('cloudfront-off', { identity: client() });
    expect(off.target).toBe('cloudfront');
    expect(off.tls.certificateRequest?.requested).toBe(false);
    const found = find(off, 'CLOUDFRONT_NO_VIEWER_MTLS')!;
    expect(found.severity).toBe('warning');
    expect(found.detail).toContain('never sees the user’s certificate');
    expect(found.fix).toContain('CloudFront-Viewer-Cert-*');

    const required = await run('cloudfront-required', { identity: client() });
    expect(codes(required)).not.toContain('CLOUDFRONT_NO_VIEWER_MTLS');
    expect(codes(required)).toContain('MTLS_OK');
  });

  it('AWS_CLB_NO_MTLS for the AWS Classic LB (TCP passthrough to an mTLS instance), not for Alibaba CLB', async () => {
    const aws = await run('aws-clb', { identity: client(), target: 'clb' });
    const found = find(aws, 'AWS_CLB_NO_MTLS')!;
    // the instance behind the TCP listener asked for the certificate: information, not a problem
    expect(aws.tls.certificateRequest?.requested).toBe(true);
    expect(found.severity).toBe('info');
    expect(found.detail).toContain('TCP listener');

    const alibaba = await run('alibaba-clb', { identity: client(), target: 'clb' });
    expect(codes(alibaba)).not.toContain('AWS_CLB_NO_MTLS');
  });

  it('ALB_PASSTHROUGH_NOT_VERIFIED: the echo backend shows X-Amzn-Mtls-Clientcert — even for a certificate from an unknown CA', async () => {
    const unknown = { kind: 'files' as const, certPath: lab.files.unknownCaClient.cert, keyPath: lab.files.unknownCaClient.key };
    const result = await run('alb-passthrough', { identity: unknown });
    expect(result.http?.status).toBe(200);
    const found = find(result, 'ALB_PASSTHROUGH_NOT_VERIFIED')!;
    expect(found.severity).toBe('warning');
    // the decoder read the forwarded certificate out of the echo body: it is the one we sent
    const decoded = decodeMtlsHeaders(result.http!.bodyPreview, new Date());
    expect(decoded.verdict).toBe('alb-passthrough-unverified');
    expect(decoded.certificates[0]!.sha256).toBe(result.tls.clientCertificatesSent[0]);
    expect(found.params.name).toBe(decoded.certificates[0]!.commonName);

    const verify = await run('alb-verify', { identity: client() });
    expect(codes(verify)).not.toContain('ALB_PASSTHROUGH_NOT_VERIFIED');
    expect(decodeMtlsHeaders(verify.http!.bodyPreview, new Date()).verdict).toBe('alb-verified');
  });

  it('TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE: API Gateway 403 for a leaf issued by an intermediate', async () => {
    const identity = { kind: 'files' as const, certPath: join(dir, 'chain.pem'), keyPath: intermediatePki.leafKey };
    const result = await run('apigw-custom-domain', { identity, target: 'apigw' });
    expect(result.http?.status).toBe(403);
    const found = find(result, 'TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE')!;
    expect(found).toMatchObject({ severity: 'warning', params: { issuer: expect.stringContaining('Test Intermediate CA') } });
    expect(codes(result)).toContain('HTTP_FORBIDDEN');

    // the lab's own client is issued by the lab root directly: a 403 for it (expired) is not blamed on an intermediate
    const expired = await run('apigw-custom-domain', { identity: { kind: 'files', certPath: lab.files.expiredClient.cert, keyPath: lab.files.expiredClient.key }, target: 'apigw' });
    expect(expired.http?.status).toBe(403);
    expect(codes(expired)).not.toContain('TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE');
  });
});
