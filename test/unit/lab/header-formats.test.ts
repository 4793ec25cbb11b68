import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRootCa, issueIdentity } from '../../../electron/core/ca';
import {
  albPassthroughHeaders,
  albVerifyHeaders,
  apiGatewayClientCert,
  cloudFrontViewerHeaders,
  colonHexSerial,
  plainHexSerial,
  urlEncodePem,
  validityHeader,
} from '../../../electron/core/lab/header-formats';

/** The vendors' header formats (DOMAIN.md), on certificates made for the purpose. */

const base64Of = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');

/** A client certificate whose base64 holds '+', '/' and '=' (bounded search: each try is a fresh key and serial). */
async function awkwardCertificate(): Promise<{ pem: string; der: Uint8Array; caPem: string; caDer: Uint8Array }> {
  const ca = await createRootCa({ subject: 'CN=Header Test CA,O=Example' });
  for (let attempt = 0; attempt < 60; attempt++) {
    const issued = await issueIdentity({ certificate: ca.certificate, privateKey: ca.key.privateKey }, { profile: 'client', subject: `CN=header-test-${attempt},O=Example Partner,C=US` });
    const body = base64Of(issued.pem);
    if (body.includes('+') && body.includes('/') && body.includes('=')) return { pem: issued.pem, der: issued.certificate, caPem: ca.pem, caDer: ca.certificate };
  }
  throw new Error('no certificate with +, / and = in 60 tries');
}

describe('URL-encoded PEM (ALB -Leaf, passthrough, CloudFront -Pem)', () => {
  it('leaves + = / literal, escapes the rest, and only a path-style unescape restores the exact bytes', async () => {
    const cert = await awkwardCertificate();
    const encoded = urlEncodePem(cert.pem);
    expect(encoded).toMatch(/^-----BEGIN%20CERTIFICATE-----%0A/);
    expect(encoded).toMatch(/%0A-----END%20CERTIFICATE-----%0A$/);
    expect(encoded).toContain('+');
    expect(encoded).toContain('/');
    expect(encoded).toContain('=');
    expect(encoded).not.toMatch(/[\s]|%2B|%2F|%3D/);
    const decoded = decodeURIComponent(encoded);
    expect(decoded).toBe(cert.pem);
    expect(new Uint8Array(new X509Certificate(decoded).raw)).toEqual(cert.der);
    // form decoding turns the literal '+' into a space: the certificate no longer parses to the same bytes
    const formDecoded = new URLSearchParams(`v=${encoded}`).get('v')!;
    expect(formDecoded).not.toBe(cert.pem);
    expect(formDecoded).toContain(' ');
  });

  it('passthrough carries the whole presented chain, leaf first, and nothing without a certificate', async () => {
    const cert = await awkwardCertificate();
    const [[name, value]] = albPassthroughHeaders([cert.der, cert.caDer]) as [[string, string]];
    expect(name).toBe('X-Amzn-Mtls-Clientcert');
    expect(decodeURIComponent(value)).toBe(cert.pem + cert.caPem);
    expect(albPassthroughHeaders([])).toEqual([]);
  });
});

describe('serials, names and dates', () => {
  it('ALB verify headers: plain uppercase hex serial, RFC 2253 names, NotBefore=…Z;NotAfter=…Z', async () => {
    const cert = await awkwardCertificate();
    const x509 = new X509Certificate(cert.pem);
    const headers = Object.fromEntries(albVerifyHeaders(cert.der));
    expect(Object.keys(headers)).toEqual([
      'X-Amzn-Mtls-Clientcert-Serial-Number',
      'X-Amzn-Mtls-Clientcert-Issuer',
      'X-Amzn-Mtls-Clientcert-Subject',
      'X-Amzn-Mtls-Clientcert-Validity',
      'X-Amzn-Mtls-Clientcert-Leaf',
    ]);
    expect(headers['X-Amzn-Mtls-Clientcert-Serial-Number']).toBe(x509.serialNumber.toUpperCase());
    expect(headers['X-Amzn-Mtls-Clientcert-Serial-Number']).toMatch(/^([0-9A-F]{2})+$/);
    expect(headers['X-Amzn-Mtls-Clientcert-Subject']).toMatch(/^CN=header-test-\d+,O=Example Partner,C=US$/);
    expect(headers['X-Amzn-Mtls-Clientcert-Issuer']).toBe('CN=Header Test CA,O=Example');
    const iso = (text: string) => `${new Date(text).toISOString().slice(0, 19)}Z`;
    expect(headers['X-Amzn-Mtls-Clientcert-Validity']).toBe(`NotBefore=${iso(x509.validFrom)};NotAfter=${iso(x509.validTo)}`);
    expect(validityHeader(cert.der)).toMatch(/^NotBefore=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ;NotAfter=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('keeps the leading zero of serial 0x03A5B1: 03A5B1 for ALB, 03:a5:b1 for CloudFront (openssl-made certificate)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-serial-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-subj', '/C=US/O=Example/CN=serial test', '-set_serial', '0x03A5B1', '-days', '2'], { stdio: 'ignore' });
      const der = new Uint8Array(new X509Certificate(readFileSync(join(dir, 'c.pem'))).raw);
      expect(plainHexSerial(der)).toBe('03A5B1');
      expect(colonHexSerial(der)).toBe('03:a5:b1');
      expect(Object.fromEntries(albVerifyHeaders(der))['X-Amzn-Mtls-Clientcert-Subject']).toBe('CN=serial test,O=Example,C=US');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CloudFront viewer headers: Present 1/0, colon hex serial, lowercase SHA-256, PEM', async () => {
    const cert = await awkwardCertificate();
    const x509 = new X509Certificate(cert.pem);
    const headers = Object.fromEntries(cloudFrontViewerHeaders(cert.der));
    expect(headers['CloudFront-Viewer-Cert-Present']).toBe('1');
    expect(headers['CloudFront-Viewer-Cert-Serial-Number']).toBe(colonHexSerial(cert.der));
    expect(headers['CloudFront-Viewer-Cert-Serial-Number']).toBe(plainHexSerial(cert.der).toLowerCase().match(/../g)!.join(':'));
    expect(headers['CloudFront-Viewer-Cert-Sha256']).toBe(x509.fingerprint256.replace(/:/g, '').toLowerCase());
    expect(decodeURIComponent(headers['CloudFront-Viewer-Cert-Pem']!)).toBe(cert.pem);
    expect(cloudFrontViewerHeaders(null)).toEqual([['CloudFront-Viewer-Cert-Present', '0']]);
  });

  it('API Gateway clientCert: DNs country first, decimal serial, OpenSSL-style dates, the PEM', async () => {
    const cert = await awkwardCertificate();
    const x509 = new X509Certificate(cert.pem);
    const clientCert = apiGatewayClientCert(cert.der);
    expect(clientCert.subjectDN).toMatch(/^C=US,O=Example Partner,CN=header-test-\d+$/);
    expect(clientCert.issuerDN).toBe('O=Example,CN=Header Test CA');
    expect(clientCert.serialNumber).toBe(BigInt(`0x${x509.serialNumber}`).toString(10));
    expect(clientCert.validity).toEqual({ notBefore: x509.validFrom, notAfter: x509.validTo });
    expect(clientCert.validity.notBefore).toMatch(/^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/);
    expect(clientCert.clientCertPem).toBe(cert.pem);
  });
});
