import { createHash } from 'node:crypto';
import type { DecodedHeaderField, HeaderCrossCheck, MtlsHeaderFamily, MtlsHeaderReport } from '../../../common/dto/targets';
import { StudioError } from '../../../common/errors';
import { describeBundle, readFiles } from '../../pki';
import { readReceivedHeaders, type ReceivedHeader } from './read-headers';
import { pathUnescape } from './unescape';

/**
 * Decodes what ALB (`X-Amzn-Mtls-Clientcert-*` in verify mode, `X-Amzn-Mtls-Clientcert` in passthrough),
 * CloudFront viewer mTLS (`CloudFront-Viewer-Cert-*`, passthrough `Client-Cert`/`Client-Cert-Chain` as RFC 9440
 * byte sequences) and API Gateway (`$context.identity.clientCert`) hand a backend, into certificate details, and
 * checks the headers' own claims (serial, SHA-256, subject, validity) against the certificate they came with.
 */

type Encoding = 'plain' | 'url-pem' | 'sf-binary' | 'sf-binary-list';
interface FieldRule {
  pattern: RegExp;
  family: MtlsHeaderFamily;
  field: string;
  encoding: Encoding;
}

const RULES: FieldRule[] = [
  { pattern: /^x-amzn-mtls-clientcert-serial-number$/i, family: 'alb-verify', field: 'serial-number', encoding: 'plain' },
  { pattern: /^x-amzn-mtls-clientcert-issuer$/i, family: 'alb-verify', field: 'issuer', encoding: 'plain' },
  { pattern: /^x-amzn-mtls-clientcert-subject$/i, family: 'alb-verify', field: 'subject', encoding: 'plain' },
  { pattern: /^x-amzn-mtls-clientcert-validity$/i, family: 'alb-verify', field: 'validity', encoding: 'plain' },
  { pattern: /^x-amzn-mtls-clientcert-leaf$/i, family: 'alb-verify', field: 'leaf', encoding: 'url-pem' },
  { pattern: /^x-amzn-mtls-clientcert$/i, family: 'alb-passthrough', field: 'chain', encoding: 'url-pem' },
  { pattern: /^cloudfront-viewer-cert-pem$/i, family: 'cloudfront', field: 'pem', encoding: 'url-pem' },
  { pattern: /^cloudfront-viewer-cert-(serial-number|issuer|subject|present|sha256|validity)$/i, family: 'cloudfront', field: '', encoding: 'plain' },
  { pattern: /^client-cert$/i, family: 'cloudfront-passthrough', field: 'leaf', encoding: 'sf-binary' },
  { pattern: /^client-cert-chain$/i, family: 'cloudfront-passthrough', field: 'chain', encoding: 'sf-binary-list' },
];

const PREVIEW = 200;
const cut = (value: string) => (value.length > PREVIEW ? `${value.slice(0, PREVIEW)}…` : value);

/** RFC 8941 byte sequences (`:base64:`), one or a comma-separated list, as PEM text */
function sfBinaryToPem(value: string, header: string): string {
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  return items
    .map((item) => {
      const match = item.match(/^:([A-Za-z0-9+/]+={0,2}):$/);
      if (!match) throw new StudioError('CORRUPT_INPUT', `cannot decode the header ${header}: expected a byte sequence like :MIIB…:`, { hint: 'Paste the value exactly as the backend received it.' });
      const body = match[1]!.match(/.{1,64}/g)!.join('\n');
      return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
    })
    .join('');
}

function decodeValue(header: ReceivedHeader, rule: FieldRule): string {
  if (rule.encoding === 'url-pem') return pathUnescape(header.value, header.name);
  if (rule.encoding === 'sf-binary' || rule.encoding === 'sf-binary-list') return sfBinaryToPem(header.value, header.name);
  return header.value;
}

const normalSerial = (value: string) => value.replace(/[:\s]/g, '').toLowerCase().replace(/^0+(?=.)/, '');
const normalDn = (value: string) => value.replace(/\s*([,=+])\s*/g, '$1').trim().toLowerCase();
const isoSecond = (iso: string) => iso.replace(/\.\d+Z$/, 'Z');
const sha256 = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');

function verdictOf(families: Set<MtlsHeaderFamily>): MtlsHeaderReport['verdict'] {
  if (families.has('alb-passthrough')) return 'alb-passthrough-unverified';
  if (families.has('alb-verify')) return 'alb-verified';
  if (families.has('cloudfront') || families.has('cloudfront-passthrough')) return 'cloudfront-viewer';
  if (families.has('apigw-context')) return 'apigw-context';
  return 'none';
}

function apigwFields(clientCert: Record<string, unknown>): DecodedHeaderField[] {
  const validity = (clientCert.validity ?? {}) as Record<string, unknown>;
  const entries: [string, unknown][] = [
    ['clientCertPem', clientCert.clientCertPem],
    ['subjectDN', clientCert.subjectDN],
    ['issuerDN', clientCert.issuerDN],
    ['serialNumber', clientCert.serialNumber],
    ['validity.notBefore', validity.notBefore],
    ['validity.notAfter', validity.notAfter],
  ];
  return entries
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => ({ header: `clientCert.${name}`, family: 'apigw-context' as const, field: name === 'clientCertPem' ? 'pem' : name, raw: cut(value), decoded: value }));
}

export function decodeMtlsHeaders(text: string, now: Date): MtlsHeaderReport {
  const received = readReceivedHeaders(text);
  const fields: DecodedHeaderField[] = [];
  const otherHeaders: string[] = [];
  for (const header of received.headers) {
    const rule = RULES.find((candidate) => candidate.pattern.test(header.name));
    if (!rule) {
      otherHeaders.push(header.name);
      continue;
    }
    const field = rule.field || header.name.toLowerCase().replace(/^cloudfront-viewer-cert-/, '');
    fields.push({ header: header.name, family: rule.family, field, raw: cut(header.value), decoded: decodeValue(header, rule) });
  }
  if (received.apigwClientCert) fields.push(...apigwFields(received.apigwClientCert));

  const certFields = fields.filter((field) => ['leaf', 'chain', 'pem'].includes(field.field) && field.decoded.trim() !== '');
  const bundle = certFields.length > 0 ? readFiles(certFields.map((field) => ({ path: field.header, bytes: new Uint8Array(Buffer.from(field.decoded, 'utf8')) }))) : null;
  const report = bundle ? describeBundle(bundle, now) : null;
  // as sent: the first certificate of the first certificate-carrying field is the client's leaf
  const sentOrder = bundle ? [...new Set(bundle.certificates.map((item) => sha256(item.der)))] : [];
  const certificates = sentOrder.map((hash) => report!.certificates.find((cert) => cert.sha256 === hash)!).filter(Boolean);
  const leaf = certificates[0] ?? null;

  const crossChecks: HeaderCrossCheck[] = [];
  const check = (header: string, claimed: string, actual: string, same: (a: string, b: string) => boolean) =>
    crossChecks.push({ header, claimed, actual, agrees: same(claimed, actual) });
  if (leaf) {
    for (const field of fields) {
      if (field.field === 'serial-number' || field.field === 'serialNumber') check(field.header, field.decoded, leaf.serialNumber, (a, b) => normalSerial(a) === normalSerial(b));
      if (field.field === 'sha256') check(field.header, field.decoded, leaf.sha256, (a, b) => normalSerial(a) === normalSerial(b));
      if (field.field === 'subject' || field.field === 'subjectDN') check(field.header, field.decoded, leaf.subject, (a, b) => normalDn(a) === normalDn(b));
      if (field.field === 'issuer' || field.field === 'issuerDN') check(field.header, field.decoded, leaf.issuer, (a, b) => normalDn(a) === normalDn(b));
      if (field.field === 'validity' && field.family === 'alb-verify') {
        check(field.header, field.decoded, `NotBefore=${isoSecond(leaf.notBefore)};NotAfter=${isoSecond(leaf.notAfter)}`, (a, b) => a.replace(/\s/g, '') === b);
      }
    }
  }

  const families = new Set(fields.map((field) => field.family));
  const present = fields.find((field) => field.field === 'present');
  const certificatePresent = present ? present.decoded.trim() === '1' : families.size > 0 ? certificates.length > 0 : null;
  return {
    families: [...families],
    verdict: verdictOf(families),
    certificatePresent,
    fields,
    certificates,
    crossChecks,
    findings: report?.findings ?? [],
    otherHeaders,
  };
}
