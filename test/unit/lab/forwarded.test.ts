import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabEndpointId } from '../../../electron/core/lab';
import { useTempDir } from '../../helpers/tmp';
import { curl, request, useLab, type ClientKind } from './lab-client';

/** What each echo backend received, checked against openssl's reading of the certificate that was sent. */

const folder = useTempDir('mtls-lab-forwarded-');
const lab = useLab(folder);

const endpoint = (id: LabEndpointId) => lab().endpoints.find((candidate) => candidate.id === id)!;

interface Echo {
  endpoint: string;
  headers: Record<string, string>;
  requestContext?: { identity: { clientCert: Record<string, unknown> | null } };
  instanceTls?: { clientCertificate: { subject: string } | null };
}

async function echo(id: LabEndpointId, client: ClientKind, extraHeaders: string[] = []): Promise<{ echo: Echo; headers: Record<string, string> }> {
  const outcome = await request(endpoint(id), lab().files, client, { headers: extraHeaders });
  if (outcome.kind !== 'response' || outcome.status !== 200) throw new Error(`${id} with ${client}: ${JSON.stringify(outcome).slice(0, 200)}`);
  const body = JSON.parse(outcome.body) as Echo;
  expect(body.endpoint).toBe(id);
  return { echo: body, headers: outcome.headers };
}

/** openssl's view of a certificate file: the oracle for the header values. */
function opensslFields(path: string) {
  const run = (...args: string[]) => execFileSync('openssl', ['x509', '-in', path, '-noout', ...args], { encoding: 'utf8' }).trim();
  const value = (text: string) => text.slice(text.indexOf('=') + 1);
  return {
    serial: value(run('-serial')),
    subject: value(run('-subject', '-nameopt', 'RFC2253')),
    issuer: value(run('-issuer', '-nameopt', 'RFC2253')),
    notBefore: new Date(value(run('-startdate'))),
    notAfter: new Date(value(run('-enddate'))),
    sha256: value(run('-fingerprint', '-sha256')).replace(/:/g, '').toLowerCase(),
  };
}

const iso = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
const certificateHeaders = (headers: Record<string, string>) => Object.keys(headers).filter((name) => /^(x-amzn-mtls|cloudfront-viewer-cert)/i.test(name));

describe('ALB', () => {
  it('verify: the five X-Amzn-Mtls-Clientcert-* headers in ALB format, after the X-Forwarded-* and trace headers', async () => {
    const { echo: body } = await echo('alb-verify', 'valid', ['X-Amzn-Mtls-Clientcert-Subject: CN=forged']);
    const cert = opensslFields(lab().files.client.cert);
    const port = String(endpoint('alb-verify').port);
    expect(Object.keys(body.headers)).toEqual([
      'Host',
      'X-Forwarded-For',
      'X-Forwarded-Proto',
      'X-Forwarded-Port',
      'X-Amzn-Trace-Id',
      'X-Amzn-Mtls-Clientcert-Serial-Number',
      'X-Amzn-Mtls-Clientcert-Issuer',
      'X-Amzn-Mtls-Clientcert-Subject',
      'X-Amzn-Mtls-Clientcert-Validity',
      'X-Amzn-Mtls-Clientcert-Leaf',
    ]);
    expect(body.headers).toMatchObject({
      'X-Forwarded-For': '127.0.0.1',
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-Port': port,
      'X-Amzn-Mtls-Clientcert-Serial-Number': cert.serial,
      'X-Amzn-Mtls-Clientcert-Issuer': cert.issuer,
      'X-Amzn-Mtls-Clientcert-Subject': cert.subject,
      'X-Amzn-Mtls-Clientcert-Validity': `NotBefore=${iso(cert.notBefore)};NotAfter=${iso(cert.notAfter)}`,
    });
    expect(body.headers['X-Amzn-Trace-Id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    const leaf = decodeURIComponent(body.headers['X-Amzn-Mtls-Clientcert-Leaf']!);
    expect(new X509Certificate(leaf).raw).toEqual(new X509Certificate(readFileSync(lab().files.client.cert)).raw);
  });

  it('passthrough: X-Amzn-Mtls-Clientcert holds the presented chain leaf→root, any certificate goes, none means no header', async () => {
    const chain = await echo('alb-passthrough', 'chain');
    expect(decodeURIComponent(chain.echo.headers['X-Amzn-Mtls-Clientcert']!)).toBe(readFileSync(lab().files.client.chain, 'utf8'));
    // an OpenSSL client completes its chain from its own trust store: the lab CA, trusted for the server, is sent too
    const expired = await echo('alb-passthrough', 'expired');
    expect(decodeURIComponent(expired.echo.headers['X-Amzn-Mtls-Clientcert']!)).toBe(readFileSync(lab().files.expiredClient.cert, 'utf8') + readFileSync(lab().files.caCert, 'utf8'));
    const unknown = await echo('alb-passthrough', 'unknown');
    expect(decodeURIComponent(unknown.echo.headers['X-Amzn-Mtls-Clientcert']!)).toBe(readFileSync(lab().files.unknownCaClient.cert, 'utf8'));
    const none = await echo('alb-passthrough', 'none');
    expect(certificateHeaders(none.echo.headers)).toEqual([]);
    expect(certificateHeaders(expired.echo.headers)).toEqual(['X-Amzn-Mtls-Clientcert']);
  });

  it('off: no certificate headers even when the client forges one', async () => {
    const { echo: body } = await echo('alb-off', 'valid', ['X-Amzn-Mtls-Clientcert: forged']);
    expect(certificateHeaders(body.headers)).toEqual([]);
    expect(body.headers['X-Forwarded-Proto']).toBe('https');
  });
});

describe('CloudFront', () => {
  it('required: the seven CloudFront-Viewer-Cert-* headers, and CloudFront response headers', async () => {
    const { echo: body, headers } = await echo('cloudfront-required', 'valid');
    const cert = opensslFields(lab().files.client.cert);
    expect(certificateHeaders(body.headers)).toEqual([
      'CloudFront-Viewer-Cert-Present',
      'CloudFront-Viewer-Cert-Serial-Number',
      'CloudFront-Viewer-Cert-Issuer',
      'CloudFront-Viewer-Cert-Subject',
      'CloudFront-Viewer-Cert-Sha256',
      'CloudFront-Viewer-Cert-Validity',
      'CloudFront-Viewer-Cert-Pem',
    ]);
    expect(body.headers).toMatchObject({
      'CloudFront-Viewer-Cert-Present': '1',
      'CloudFront-Viewer-Cert-Serial-Number': cert.serial.toLowerCase().match(/../g)!.join(':'),
      'CloudFront-Viewer-Cert-Issuer': cert.issuer,
      'CloudFront-Viewer-Cert-Subject': cert.subject,
      'CloudFront-Viewer-Cert-Sha256': cert.sha256,
      'CloudFront-Viewer-Cert-Validity': `NotBefore=${iso(cert.notBefore)};NotAfter=${iso(cert.notAfter)}`,
    });
    expect(decodeURIComponent(body.headers['CloudFront-Viewer-Cert-Pem']!)).toBe(readFileSync(lab().files.client.cert, 'utf8'));
    expect(headers['x-cache']).toBe('Miss from cloudfront');
    expect(headers.via).toMatch(/\.cloudfront\.net \(CloudFront\)$/);
    expect(headers['x-amz-cf-id']).toBeTruthy();
  });

  it('optional without a certificate: only CloudFront-Viewer-Cert-Present: 0; off: none at all', async () => {
    const optional = await echo('cloudfront-optional', 'none');
    expect(certificateHeaders(optional.echo.headers)).toEqual(['CloudFront-Viewer-Cert-Present']);
    expect(optional.echo.headers['CloudFront-Viewer-Cert-Present']).toBe('0');
    const off = await echo('cloudfront-off', 'valid');
    expect(certificateHeaders(off.echo.headers)).toEqual([]);
  });
});

describe('API Gateway', () => {
  it('custom domain: $context.identity.clientCert as the Lambda proxy integration sees it', async () => {
    const { echo: body, headers } = await echo('apigw-custom-domain', 'valid');
    const cert = opensslFields(lab().files.client.cert);
    const x509 = new X509Certificate(readFileSync(lab().files.client.cert));
    expect(body.requestContext!.identity.clientCert).toEqual({
      clientCertPem: readFileSync(lab().files.client.cert, 'utf8'),
      subjectDN: cert.subject.split(',').reverse().join(','),
      issuerDN: cert.issuer.split(',').reverse().join(','),
      serialNumber: BigInt(`0x${cert.serial}`).toString(10),
      validity: { notBefore: x509.validFrom, notAfter: x509.validTo },
    });
    expect(certificateHeaders(body.headers)).toEqual([]);
    expect(headers['x-amzn-requestid']).toBeTruthy();
    expect(headers['x-amz-apigw-id']).toMatch(/^[A-Za-z0-9]{15}=$/);
  });

  it('execute-api: no certificate asked for, the integration sees clientCert null', async () => {
    const { echo: body } = await echo('apigw-execute-api', 'valid');
    expect(body.requestContext!.identity.clientCert).toBeNull();
  });
});

describe('load balancers that pass TLS or answer like nginx', () => {
  it('AWS Classic LB: the instance sees the request exactly as sent, and the client certificate itself', async () => {
    const { echo: body } = await echo('aws-clb', 'valid', ['X-Custom: 1']);
    expect(body.headers).toEqual({ Host: endpoint('aws-clb').hostname, Connection: 'close', 'X-Custom': '1' });
    expect(body.instanceTls!.clientCertificate!.subject).toBe(opensslFields(lab().files.client.cert).subject);
  });

  it('Alibaba CLB: X-Forwarded-For and -Proto, no certificate headers, Server: Tengine', async () => {
    const { echo: body, headers } = await echo('alibaba-clb', 'valid');
    expect(body.headers['X-Forwarded-For']).toBe('127.0.0.1');
    expect(body.headers['X-Forwarded-Proto']).toBe('https');
    expect(certificateHeaders(body.headers)).toEqual([]);
    expect(headers.server).toBe('Tengine');
  });
});

describe('request bodies', () => {
  it('counts the body the backend received and answers 413 past 1 MB', async () => {
    const url = endpoint('alb-off').url;
    const small = await curl(['--cacert', lab().files.caCert, '-X', 'POST', '--data-binary', 'hello', url]);
    expect(JSON.parse(small.stdout)).toMatchObject({ request: { method: 'POST', path: '/' }, bodyBytes: 5 });
    const big = await curl(['--cacert', lab().files.caCert, '--data-binary', `@${bigFile()}`, '-w', '%{http_code}', '-o', '/dev/null', url]);
    expect(big.stdout).toBe('413');
  });
});

function bigFile(): string {
  const path = join(folder, 'big.bin');
  writeFileSync(path, Buffer.alloc(2 * 1_048_576, 0x61));
  return path;
}
