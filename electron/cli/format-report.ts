import type { CertificateInfo, Finding, InspectReport, PublicKeyInfo } from '../common/dto/inspect';
import { color } from './output';

const DAY_MS = 86_400_000;

export const describeKey = (key: PublicKeyInfo): string =>
  [key.algorithm, key.curve ?? (key.bits === null ? null : String(key.bits))].filter(Boolean).join(' ');

function fields(rows: [string, string | null | undefined][]): string[] {
  const present = rows.filter((row): row is [string, string] => Boolean(row[1]));
  const width = Math.max(...present.map(([label]) => label.length));
  return present.map(([label, value]) => `  ${color.dim(label.padEnd(width))}  ${value}`);
}

function validity(cert: CertificateInfo, now: Date): string {
  const days = Math.floor((Date.parse(cert.notAfter) - now.getTime()) / DAY_MS);
  const until = cert.notAfter.replace('.000Z', 'Z');
  if (Date.parse(cert.notBefore) > now.getTime()) return color.red(`${until} (not valid before ${cert.notBefore})`);
  if (days < 0) return color.red(`${until} (expired ${-days} days ago)`);
  const text = `${until} (${days} days left)`;
  return days <= 30 ? color.yellow(text) : color.green(text);
}

function certificateBlock(cert: CertificateInfo, index: number, now: Date): string[] {
  const role = cert.isCA ? (cert.selfSigned ? 'root CA' : 'intermediate CA') : 'end entity';
  return [
    color.bold(`Certificate ${index + 1}: ${cert.commonName ?? cert.subject}`) + color.dim(`  (${role}, from ${cert.source})`),
    ...fields([
      ['Subject', cert.subject],
      ['Issuer', cert.issuer],
      ['Valid until', validity(cert, now)],
      ['Serial', cert.serialNumber],
      ['Key', describeKey(cert.publicKey)],
      ['Signature', cert.signatureAlgorithm],
      ['SANs', cert.subjectAltNames.join(', ')],
      ['Key usage', cert.keyUsage.join(', ')],
      ['EKU', cert.extendedKeyUsage?.join(', ')],
      ['Friendly name', cert.friendlyName],
      ['SHA-256', cert.sha256],
      ['SHA-1', cert.sha1],
    ]),
  ];
}

const severityLabel = (finding: Finding): string =>
  finding.severity === 'error' ? color.red('error') : finding.severity === 'warning' ? color.yellow('warning') : color.cyan('info');

/** The human-readable `inspect` report: aligned fields, colours only on a terminal. */
export function formatInspectReport(report: InspectReport, now: Date): string {
  const lines: string[] = [];
  lines.push(color.bold('Files'));
  lines.push(...fields(report.files.map((file) => [file.path, file.format])));
  report.certificates.forEach((cert, i) => lines.push('', ...certificateBlock(cert, i, now)));
  if (report.privateKeys.length > 0) {
    lines.push('', color.bold('Private keys'));
    const bySha = new Map(report.certificates.map((cert) => [cert.sha256, cert]));
    for (const key of report.privateKeys) {
      const match = key.certificateSha256 ? bySha.get(key.certificateSha256) : undefined;
      const pair = match ? `matches ${match.commonName ?? match.subject}` : color.yellow('no matching certificate');
      lines.push(`  ${describeKey(key)}  ${pair}  ${color.dim(`(from ${key.source})`)}`);
    }
  }
  for (const chain of report.chains.filter((c) => c.path.length > 1)) {
    const names = chain.path.map((sha) => report.certificates.find((c) => c.sha256 === sha)?.commonName ?? sha.slice(0, 12));
    lines.push('', color.bold('Chain'), `  ${names.join(' → ')}${chain.complete ? '' : color.yellow('  (incomplete)')}`);
  }
  for (const csr of report.csrs) lines.push('', color.bold('Certificate request'), ...fields([['Subject', csr.subject], ['Key', describeKey(csr.publicKey)], ['SANs', csr.subjectAltNames.join(', ')]]));
  for (const crl of report.crls) lines.push('', color.bold('Revocation list'), ...fields([['Issuer', crl.issuer], ['Next update', crl.nextUpdate], ['Revoked', String(crl.revokedSerialNumbers.length)]]));
  lines.push('', color.bold('Findings'));
  if (report.findings.length === 0) lines.push(`  ${color.green('none')}`);
  for (const finding of report.findings) {
    lines.push(`  ${severityLabel(finding)} ${finding.code}: ${finding.message}`, `    ${color.dim(`→ ${finding.hint}`)}`);
  }
  return lines.join('\n');
}
