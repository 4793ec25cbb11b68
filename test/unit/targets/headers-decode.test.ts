import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudioError } from '../../../electron/common/errors';
import { decodeMtlsHeaders, pathUnescape, readReceivedHeaders } from '../../../electron/core/targets';
import { makeTestPki, openssl, opensslFingerprint, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';

/** ALB/CloudFront style: percent-encode everything but the unreserved characters and base64's + / = */
const albEncode = (pem: string) => pem.replace(/[^A-Za-z0-9+/=_.~-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const base64Of = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');
const hasAllThree = (pem: string) => ['+', '/', '='].every((c) => base64Of(pem).includes(c));

const dir = useTempDir('mtls-headers-');
let pki: TestPki;
let leafPem: string;
let intermediatePem: string;
let rootPem: string;
let leafFile: string;

beforeAll(() => {
  pki = makeTestPki(dir, ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], 'Partner Client');
  // re-issue the leaf (new serial each time) until its base64 holds '+', '/' and '=' — bounded
  for (let i = 0; i < 40 && !hasAllThree(readFileSync(pki.leafCert, 'utf8')); i++) {
    openssl(['x509', '-req', '-in', join(dir, 'leaf.csr'), '-CA', pki.intermediateCert, '-CAkey', pki.intermediateKey, '-set_serial', String(1000 + i * 7919), '-days', '365', '-out', pki.leafCert, '-extfile', join(dir, 'ext.cnf'), '-extensions', 'leaf']);
  }
  leafFile = pki.leafCert;
  leafPem = readFileSync(pki.leafCert, 'utf8');
  intermediatePem = readFileSync(pki.intermediateCert, 'utf8');
  rootPem = readFileSync(pki.rootCert, 'utf8');
}, 60_000);

const serialHex = () => openssl(['x509', '-in', leafFile, '-noout', '-serial']).trim().split('=')[1]!;
const rfc2253 = (what: 'subject' | 'issuer') => openssl(['x509', '-in', leafFile, '-noout', `-${what}`, '-nameopt', 'RFC2253']).trim().replace(/^(subject|issuer)=/, '');

describe('path-style unescape', () => {
  it('keeps + / = literal and decodes %XX — form decoding would turn + into a space', () => {
    expect(hasAllThree(leafPem)).toBe(true);
    const encoded = albEncode(leafPem);
    expect(encoded).toContain('+');
    expect(pathUnescape(encoded, 'X')).toBe(leafPem);
    const formDecoded = new URLSearchParams(`v=${encoded}`).get('v')!;
    expect(formDecoded).not.toBe(leafPem);
    // encodeURIComponent escapes + / = too; those decode back as well
    expect(pathUnescape(encodeURIComponent(leafPem), 'X')).toBe(leafPem);
  });

  it('names the header and the bad escape', () => {
    expect(() => pathUnescape('abc%ZZdef', 'X-Amzn-Mtls-Clientcert-Leaf')).toThrow(/X-Amzn-Mtls-Clientcert-Leaf: '%ZZ' is not a valid percent-escape/);
    expect(() => pathUnescape('%FF%FE', 'H')).toThrow(/do not form UTF-8/);
  });
});

describe('decodeMtlsHeaders', () => {
  it('ALB verify mode: decodes the leaf and checks serial, subject, issuer and validity claims', () => {
    const notBefore = new Date(openssl(['x509', '-in', leafFile, '-noout', '-startdate']).split('=')[1]!.trim()).toISOString().replace('.000Z', 'Z');
    const notAfter = new Date(openssl(['x509', '-in', leafFile, '-noout', '-enddate']).split('=')[1]!.trim()).toISOString().replace('.000Z', 'Z');
    const text = [
      'GET /orders HTTP/1.1',
      'Host: api.example.com',
      `X-Amzn-Mtls-Clientcert-Serial-Number: ${serialHex()}`,
      `X-Amzn-Mtls-Clientcert-Issuer: ${rfc2253('issuer')}`,
      `X-Amzn-Mtls-Clientcert-Subject: ${rfc2253('subject')}`,
      `X-Amzn-Mtls-Clientcert-Validity: NotBefore=${notBefore};NotAfter=${notAfter}`,
      `X-Amzn-Mtls-Clientcert-Leaf: ${albEncode(leafPem)}`,
    ].join('\r\n');
    const report = decodeMtlsHeaders(text, new Date());
    expect(report.verdict).toBe('alb-verified');
    expect(report.families).toEqual(['alb-verify']);
    expect(report.certificates).toHaveLength(1);
    expect(report.certificates[0]!.sha256).toBe(opensslFingerprint(leafFile));
    expect(report.certificates[0]!.commonName).toBe('Partner Client');
    expect(report.fields.find((f) => f.field === 'leaf')!.decoded).toBe(leafPem);
    expect(report.crossChecks.map((c) => [c.header, c.agrees])).toEqual([
      ['X-Amzn-Mtls-Clientcert-Serial-Number', true],
      ['X-Amzn-Mtls-Clientcert-Issuer', true],
      ['X-Amzn-Mtls-Clientcert-Subject', true],
      ['X-Amzn-Mtls-Clientcert-Validity', true],
    ]);
    expect(report.otherHeaders).toEqual(['Host']);
  });

  it('a claim that does not match the certificate is reported as differing', () => {
    const report = decodeMtlsHeaders(`X-Amzn-Mtls-Clientcert-Serial-Number: 0BADF00D\nX-Amzn-Mtls-Clientcert-Leaf: ${albEncode(leafPem)}`, new Date());
    expect(report.crossChecks).toEqual([expect.objectContaining({ header: 'X-Amzn-Mtls-Clientcert-Serial-Number', claimed: '0BADF00D', agrees: false })]);
  });

  it('ALB passthrough: the whole chain, leaf first, from an echo backend’s JSON body', () => {
    const chain = leafPem + intermediatePem + rootPem;
    const body = JSON.stringify({ method: 'GET', headers: { host: 'lab', 'x-amzn-mtls-clientcert': albEncode(chain) } });
    const report = decodeMtlsHeaders(body, new Date());
    expect(report.verdict).toBe('alb-passthrough-unverified');
    expect(report.certificates.map((c) => c.sha256)).toEqual([opensslFingerprint(pki.leafCert), opensslFingerprint(pki.intermediateCert), opensslFingerprint(pki.rootCert)]);
    expect(report.fields[0]!.decoded).toBe(chain);
  });

  it('CloudFront viewer headers and RFC 9440 Client-Cert / Client-Cert-Chain', () => {
    const der = (pem: string) => Buffer.from(base64Of(pem), 'base64').toString('base64');
    const sha = opensslFingerprint(leafFile);
    const colonSerial = serialHex().toLowerCase().match(/../g)!.join(':');
    const text = [
      '> GET / HTTP/1.1',
      '> CloudFront-Viewer-Cert-Present: 1',
      `> CloudFront-Viewer-Cert-Serial-Number: ${colonSerial}`,
      `> CloudFront-Viewer-Cert-Sha256: ${sha}`,
      `> CloudFront-Viewer-Cert-Pem: ${albEncode(leafPem)}`,
      `> Client-Cert: :${der(leafPem)}:`,
      `> Client-Cert-Chain: :${der(intermediatePem)}:, :${der(rootPem)}:`,
    ].join('\n');
    const report = decodeMtlsHeaders(text, new Date());
    expect(report.verdict).toBe('cloudfront-viewer');
    expect(report.certificatePresent).toBe(true);
    expect(report.certificates.map((c) => c.sha256)).toEqual([sha, opensslFingerprint(pki.intermediateCert), opensslFingerprint(pki.rootCert)]);
    expect(report.crossChecks.every((c) => c.agrees)).toBe(true);
    expect(report.crossChecks.map((c) => c.header)).toEqual(['CloudFront-Viewer-Cert-Serial-Number', 'CloudFront-Viewer-Cert-Sha256']);
  });

  it('CloudFront optional mode without a certificate: Present 0, nothing to decode', () => {
    const report = decodeMtlsHeaders('CloudFront-Viewer-Cert-Present: 0\nVia: 1.1 x.cloudfront.net (CloudFront)', new Date());
    expect([report.verdict, report.certificatePresent, report.certificates.length]).toEqual(['cloudfront-viewer', false, 0]);
  });

  it('API Gateway event: requestContext.identity.clientCert', () => {
    const event = { headers: { host: 'api.example.com' }, requestContext: { identity: { clientCert: { clientCertPem: leafPem, subjectDN: rfc2253('subject'), issuerDN: rfc2253('issuer'), serialNumber: serialHex(), validity: { notBefore: 'x', notAfter: 'y' } } } } };
    const report = decodeMtlsHeaders(JSON.stringify(event), new Date());
    expect(report.verdict).toBe('apigw-context');
    expect(report.certificates[0]!.sha256).toBe(opensslFingerprint(leafFile));
    expect(report.crossChecks.map((c) => c.agrees)).toEqual([true, true, true]);
  });

  it('headers without mTLS information: verdict none', () => {
    const report = decodeMtlsHeaders('Host: a\nAccept: */*\n  continued', new Date());
    expect(report.verdict).toBe('none');
    expect(report.certificatePresent).toBeNull();
    expect(readReceivedHeaders('Host: a\nAccept: x\n  continued').headers[1]).toEqual({ name: 'Accept', value: 'x continued' });
  });

  it('bad input: a StudioError that says what to paste', () => {
    for (const text of ['', '{not json', 'no headers here at all', '[1,2]']) {
      let error: unknown;
      try {
        decodeMtlsHeaders(text, new Date());
      } catch (caught) {
        error = caught;
      }
      expect(error, text).toBeInstanceOf(StudioError);
      expect((error as StudioError).code).toBe('INVALID_ARGUMENT');
      expect((error as StudioError).hint).toMatch(/Name: value/);
    }
    expect(() => decodeMtlsHeaders('X-Amzn-Mtls-Clientcert-Leaf: -----BEGIN%ZZ', new Date())).toThrow(StudioError);
  });
});
