import { X509Certificate } from 'node:crypto';
import { parseCertificate } from '../pki/certificate';

/**
 * The certificate headers and fields the cloud services put on forwarded requests, in each vendor's format
 * (DOMAIN.md). Pure functions over DER so tests can check them byte for byte.
 */

export type HeaderList = [name: string, value: string][];

const pemOf = (der: Uint8Array): string => new X509Certificate(Buffer.from(der)).toString();

/**
 * URL-encodes PEM the way ALB does: every byte outside the unreserved set is %XX-escaped, except `+`, `=` and
 * `/`, which stay literal. Only a path-style unescape (decodeURIComponent) restores it; form decoding would turn
 * the literal `+` into a space.
 */
export function urlEncodePem(pem: string): string {
  let out = '';
  for (const byte of Buffer.from(pem, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~+=/]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const isoSeconds = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

/** `NotBefore=2025-01-01T00:00:00Z;NotAfter=2026-01-01T00:00:00Z` */
export const validityHeader = (der: Uint8Array): string => {
  const cert = parseCertificate(der, 'the client certificate');
  return `NotBefore=${isoSeconds(cert.notBefore)};NotAfter=${isoSeconds(cert.notAfter)}`;
};

/** Uppercase hex of the serial's bytes, as ALB sends it (`03A5B1`). */
export function plainHexSerial(der: Uint8Array): string {
  const hex = parseCertificate(der, 'the client certificate').serialNumber.toUpperCase();
  return hex.length % 2 === 1 ? `0${hex}` : hex;
}

/** Lowercase colon-separated hex bytes, as CloudFront sends it (`4a:3f:5c`). */
export function colonHexSerial(der: Uint8Array): string {
  const hex = plainHexSerial(der).toLowerCase();
  return hex.match(/../g)!.join(':');
}

/** ALB `verify`: the verified leaf, split into fields. */
export function albVerifyHeaders(leafDer: Uint8Array): HeaderList {
  const cert = parseCertificate(leafDer, 'the client certificate');
  return [
    ['X-Amzn-Mtls-Clientcert-Serial-Number', plainHexSerial(leafDer)],
    ['X-Amzn-Mtls-Clientcert-Issuer', cert.issuer],
    ['X-Amzn-Mtls-Clientcert-Subject', cert.subject],
    ['X-Amzn-Mtls-Clientcert-Validity', validityHeader(leafDer)],
    ['X-Amzn-Mtls-Clientcert-Leaf', urlEncodePem(pemOf(leafDer))],
  ];
}

/** ALB `passthrough`: the whole chain as presented (leaf first), or nothing when no certificate was sent. */
export function albPassthroughHeaders(chainDer: readonly Uint8Array[]): HeaderList {
  if (chainDer.length === 0) return [];
  return [['X-Amzn-Mtls-Clientcert', urlEncodePem(chainDer.map(pemOf).join(''))]];
}

/** CloudFront viewer mTLS headers (all of them, as if every one were listed in the origin request policy). */
export function cloudFrontViewerHeaders(leafDer: Uint8Array | null): HeaderList {
  if (!leafDer) return [['CloudFront-Viewer-Cert-Present', '0']];
  const cert = parseCertificate(leafDer, 'the client certificate');
  return [
    ['CloudFront-Viewer-Cert-Present', '1'],
    ['CloudFront-Viewer-Cert-Serial-Number', colonHexSerial(leafDer)],
    ['CloudFront-Viewer-Cert-Issuer', cert.issuer],
    ['CloudFront-Viewer-Cert-Subject', cert.subject],
    ['CloudFront-Viewer-Cert-Sha256', cert.sha256.toLowerCase()],
    ['CloudFront-Viewer-Cert-Validity', validityHeader(leafDer)],
    ['CloudFront-Viewer-Cert-Pem', urlEncodePem(pemOf(leafDer))],
  ];
}

/** An RFC 4514 name (most specific first) in X.500 order (country first), as AWS's API Gateway example shows it. */
const x500Order = (rfc4514: string): string => rfc4514.split(/(?<!\\),/).reverse().join(',');

export interface ApiGatewayClientCert {
  clientCertPem: string;
  subjectDN: string;
  issuerDN: string;
  serialNumber: string;
  validity: { notBefore: string; notAfter: string };
}

/** `$context.identity.clientCert` of an API Gateway custom domain with mTLS. */
export function apiGatewayClientCert(leafDer: Uint8Array): ApiGatewayClientCert {
  const x509 = new X509Certificate(Buffer.from(leafDer));
  const cert = parseCertificate(leafDer, 'the client certificate');
  return {
    clientCertPem: x509.toString(),
    subjectDN: x500Order(cert.subject),
    issuerDN: x500Order(cert.issuer),
    serialNumber: BigInt(`0x${cert.serialNumber}`).toString(10),
    validity: { notBefore: x509.validFrom, notAfter: x509.validTo },
  };
}
