import { readFileSync } from 'node:fs';
import type { MtlsHeaderReport } from '../../common/dto/targets';
import { StudioError } from '../../common/errors';
import { decodeMtlsHeaders } from '../../core';
import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { color, printJson, type Output } from '../output';
import { groupCommand } from './group';

const usage = 'mtls-studio headers decode FILE|- [--json]';
const MAX_BYTES = 1_048_576;

const VERDICTS: Record<MtlsHeaderReport['verdict'], string> = {
  'alb-verified': 'ALB verify mode: the ALB checked this certificate against its trust store before forwarding it',
  'alb-passthrough-unverified': 'ALB passthrough mode: the ALB forwarded the certificate WITHOUT verifying it — the backend must',
  'cloudfront-viewer': 'CloudFront viewer mTLS: CloudFront forwarded the viewer certificate details',
  'apigw-context': 'API Gateway: $context.identity.clientCert of a custom domain with mutual TLS',
  none: 'no mutual-TLS header found (X-Amzn-Mtls-Clientcert*, CloudFront-Viewer-Cert-*, Client-Cert, clientCert)',
};

function readInput(source: string): string {
  try {
    const bytes = readFileSync(source === '-' ? 0 : source);
    if (bytes.length > MAX_BYTES) throw new StudioError('FILE_TOO_LARGE', `'${source}' is larger than ${MAX_BYTES} bytes`, { hint: 'Pass only the request headers.' });
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof StudioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new StudioError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', `cannot read '${source}'${code === 'ENOENT' ? ': no such file' : ''}`, { hint: 'Give a file with the headers, or - to read them from stdin.', params: { file: source } });
  }
}

function printText(output: Output, report: MtlsHeaderReport): void {
  const tone = report.verdict === 'alb-passthrough-unverified' ? color.yellow : report.verdict === 'none' ? color.red : color.green;
  const lines = [tone(VERDICTS[report.verdict])];
  if (report.certificatePresent === false) lines.push('no client certificate was presented');
  if (report.fields.length > 0) {
    lines.push('', 'Headers:');
    const width = Math.max(...report.fields.map((field) => field.header.length));
    for (const field of report.fields) {
      const shown = ['leaf', 'chain', 'pem'].includes(field.field) ? `(${field.field}: certificate PEM, ${field.decoded.length} characters decoded)` : field.decoded;
      lines.push(`  ${field.header.padEnd(width)}  ${shown}`);
    }
  }
  if (report.certificates.length > 0) {
    lines.push('', 'Certificates (as sent, leaf first):');
    report.certificates.forEach((cert, i) => {
      lines.push(`  ${i + 1}. ${cert.subject}`, `     issuer  ${cert.issuer}`, `     serial  ${cert.serialNumber}   valid ${cert.notBefore} → ${cert.notAfter}`, `     sha256  ${cert.sha256}   key ${cert.publicKey.algorithm}${cert.publicKey.bits ? ` ${cert.publicKey.bits}` : ''}${cert.publicKey.curve ? ` ${cert.publicKey.curve}` : ''}, ${cert.signatureAlgorithm}`);
    });
  }
  if (report.crossChecks.length > 0) {
    lines.push('', 'Header claims against the certificate:');
    for (const check of report.crossChecks) lines.push(`  ${check.agrees ? color.green('agrees  ') : color.red('DIFFERS ')} ${check.header}: ${check.claimed}${check.agrees ? '' : ` (certificate: ${check.actual})`}`);
  }
  if (report.findings.length > 0) {
    lines.push('', 'Findings:');
    for (const finding of report.findings) lines.push(`  ${finding.severity}: ${finding.message}`);
  }
  output.out(lines.join('\n'));
}

const decodeCommand: Command = {
  name: 'decode',
  summary: 'decode the mTLS headers a backend received (ALB, CloudFront, API Gateway) into certificate details',
  help: `Usage: ${usage}

Reads the headers a backend received behind ALB or CloudFront — "Name: value" lines (a request dump, curl -v
output) or a JSON object (an echo backend's body, a Lambda/API Gateway event) — and decodes:
  X-Amzn-Mtls-Clientcert-{Serial-Number,Issuer,Subject,Validity,Leaf}  ALB verify mode
  X-Amzn-Mtls-Clientcert                                               ALB passthrough mode (whole chain, not verified)
  CloudFront-Viewer-Cert-{Serial-Number,Issuer,Subject,Present,Sha256,Validity,Pem}, Client-Cert, Client-Cert-Chain
  requestContext.identity.clientCert                                   API Gateway custom domain with mutual TLS
URL-encoded PEM is decoded path-style: '+', '/' and '=' stay as they are (never form decoding).
Each header's claim (serial, SHA-256, subject, issuer, validity) is checked against the certificate it carries.
Exit status 1 when no mTLS header is found or a claim differs from the certificate.

Options:
  --json   print {"families","verdict","certificatePresent","fields","certificates","crossChecks","findings","otherHeaders"}

Examples:
  mtls-studio headers decode received-headers.txt
  curl -s https://echo.internal/headers | mtls-studio headers decode - --json`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
    if (positionals.length !== 1) throw new StudioError('USAGE', positionals.length === 0 ? 'missing FILE (or - for stdin)' : 'give one FILE (or -)', { hint: usage });
    const report = decodeMtlsHeaders(readInput(positionals[0]!), new Date());
    if (values.json) printJson(output, report);
    else printText(output, report);
    return report.verdict === 'none' || report.crossChecks.some((check) => !check.agrees) ? 1 : 0;
  },
};

export const headersCommand = groupCommand(
  'headers',
  'decode the client-certificate headers ALB, CloudFront and API Gateway pass to a backend',
  'What reached your backend: the certificate ALB or CloudFront forwarded, decoded and checked.',
  [decodeCommand],
  ['mtls-studio headers decode received-headers.txt --json'],
);
