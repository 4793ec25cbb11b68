import type { ClientVerdict, TrustStoreFinding, TrustStoreReport } from '../../../common/dto/truststore';
import { color } from '../../output';

/** The human report of `truststore build|check`: certificates in bundle order, then findings, then client verdicts. */

const SEVERITY = {
  error: color.red('error'),
  warning: color.yellow('warning'),
  info: color.dim('info'),
} as const;

export function findingLines(findings: TrustStoreFinding[], indent = ''): string[] {
  return findings.flatMap((finding) => [
    `${indent}${SEVERITY[finding.severity]} ${finding.code}: ${finding.message}`,
    ...(finding.severity === 'info' && finding.hint === 'Nothing to do.'
      ? []
      : [`${indent}  fix: ${finding.hint}`]),
  ]);
}

export function reportLines(report: TrustStoreReport): string[] {
  const lines = [
    `target: ${report.target}   certificates: ${report.certificates.length}   size: ${report.bundleBytes} bytes`,
  ];
  for (const cert of report.certificates) {
    const level =
      cert.level === null ? 'issuer not in bundle' : cert.level === 1 ? 'root' : `level ${cert.level}`;
    lines.push(
      `  ${cert.isCA ? '' : color.red('NOT A CA ')}${cert.commonName ?? cert.subject}  ${color.dim(`(${level}, ${cert.key}, ${cert.signatureAlgorithm}, until ${cert.notAfter.slice(0, 10)}, ${cert.sha256.slice(0, 16)}…)`)}`,
    );
  }
  if (report.findings.length > 0) lines.push('', ...findingLines(report.findings));
  return lines;
}

export function verdictLines(verdict: ClientVerdict): string[] {
  const mark = verdict.accepted ? color.green('ACCEPTED') : color.red('REJECTED');
  return [
    `client ${verdict.source}: ${mark}${verdict.subject === null ? '' : `  ${color.dim(verdict.subject)}`}`,
    ...findingLines(
      verdict.findings.filter(
        (finding) => !(verdict.accepted && finding.code === 'TRUSTSTORE_CLIENT_ACCEPTED'),
      ),
      '  ',
    ),
  ];
}
