import type { TrustStoreFinding, TrustStoreTarget } from '../../../common/dto/truststore';
import { TARGET_RULES } from './targets';

/**
 * The rules on a bundle's text, line by line: every target takes one PEM file; ALB also refuses blank lines, and
 * any text outside the certificate blocks except `#` comment lines without a `-`. Other targets do not document
 * their text rules, so stray text there is a "likely" warning. Each kind of problem is reported once, with the
 * first line numbers where it occurs.
 */

const BEGIN = /^-----BEGIN ([A-Z0-9 #._/-]+)-----$/;
const END = /^-----END ([A-Z0-9 #._/-]+)-----$/;
const MAX_LINES_LISTED = 5;

export interface TextLint {
  findings: TrustStoreFinding[];
  /** false for DER/PKCS#7 binary bundles */
  isPem: boolean;
}

const isText = (bytes: Uint8Array): boolean =>
  bytes.every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte !== 0x7f));

const lineList = (lines: number[]): string =>
  lines.length > MAX_LINES_LISTED
    ? `${lines.slice(0, MAX_LINES_LISTED).join(', ')}, … (${lines.length} lines)`
    : lines.join(', ');

export function lintBundleText(bytes: Uint8Array, target: TrustStoreTarget): TextLint {
  const strict = TARGET_RULES[target].strictText;
  const likely = strict ? '' : 'likely ';
  if (bytes.length > 0 && !isText(bytes)) {
    return {
      isPem: false,
      findings: [
        {
          code: 'TRUSTSTORE_NOT_PEM',
          severity: 'error',
          message: 'the bundle is binary (DER or PKCS#7), not PEM text',
          hint: `Rebuild it as PEM: mtls-studio truststore build <files> --target ${target} --out bundle.pem`,
        },
      ],
    };
  }
  const text = Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const findings: TrustStoreFinding[] = [];
  if (/\r/.test(text)) {
    findings.push({
      code: 'TRUSTSTORE_LINE_ENDINGS',
      severity: 'warning',
      message: 'the bundle has Windows (CRLF) or old Mac (CR) line ends',
      hint: 'Rebuild it with `mtls-studio truststore build`, which writes LF line ends, or convert it with dos2unix.',
    });
  }
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop(); // the final newline ends the last line; it is not a blank line
  const blank: number[] = [];
  const dashComments: number[] = [];
  const stray: number[] = [];
  const otherBlocks = new Set<string>();
  let inside: string | null = null;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const number = i + 1;
    if (inside !== null) {
      if (END.test(line)) inside = null;
      else if (line === '') blank.push(number);
      return;
    }
    const begin = BEGIN.exec(line);
    if (begin) {
      inside = begin[1]!;
      if (inside !== 'CERTIFICATE') otherBlocks.add(inside);
    } else if (line === '') blank.push(number);
    else if (strict && line.startsWith('#')) {
      if (line.includes('-')) dashComments.push(number);
    } else stray.push(number);
  });
  if (blank.length > 0) {
    findings.push({
      code: 'TRUSTSTORE_BLANK_LINE',
      severity: strict ? 'error' : 'warning',
      message: `${strict ? '' : 'likely refused: '}blank line${blank.length > 1 ? 's' : ''} at line ${lineList(blank)}`,
      hint: 'Remove the empty lines (or rebuild the bundle with `mtls-studio truststore build`).',
      params: { lines: lineList(blank) },
    });
  }
  if (dashComments.length > 0) {
    findings.push({
      code: 'TRUSTSTORE_BAD_COMMENT',
      severity: 'error',
      message: `comment line${dashComments.length > 1 ? 's' : ''} containing '-' at line ${lineList(dashComments)}: ALB reads them as broken certificate markers`,
      hint: "Remove the '-' from the comments (or drop the comments).",
      params: { lines: lineList(dashComments) },
    });
  }
  if (stray.length > 0) {
    findings.push({
      code: 'TRUSTSTORE_STRAY_TEXT',
      severity: strict ? 'error' : 'warning',
      message: `${likely}${strict ? 'refused' : 'refused or ignored'}: text outside the certificate blocks at line ${lineList(stray)}`,
      hint: strict
        ? "Keep only the certificate blocks; notes must be lines starting with '#' and without '-'."
        : 'Keep only the certificate blocks (openssl pkcs12 output adds "Bag Attributes" text: remove it).',
      params: { lines: lineList(stray) },
    });
  }
  for (const label of otherBlocks) {
    const isKey = label.includes('PRIVATE KEY');
    findings.push({
      code: 'TRUSTSTORE_NON_CERTIFICATE_BLOCK',
      severity: 'error',
      message: isKey
        ? `the bundle contains a private key (${label}): a trust store is public, the key must not leave its owner`
        : `the bundle contains a ${label} block: a trust store holds CA certificates only`,
      hint: isKey
        ? 'Remove the key block, and treat the key as exposed if this file was shared.'
        : label.includes('CRL')
          ? 'Remove the CRL block; upload revocation lists separately where the target supports them (ALB).'
          : 'Remove the block; keep only CERTIFICATE blocks.',
      params: { label },
    });
  }
  return { findings, isPem: true };
}
