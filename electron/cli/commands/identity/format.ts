import type { DoctorReport, HistoryEntry, HostMatch, IdentityDetails, IdentitySummary } from '../../../common/dto/vault';
import { color } from '../../output';

/** Text output of the identity commands; `--json` prints the DTOs instead. */

export function expiresIn(daysLeft: number): string {
  if (daysLeft < 0) return color.red(`expired ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago`);
  const text = daysLeft === 0 ? 'expires today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  if (daysLeft < 7) return color.red(text);
  return daysLeft < 30 ? color.yellow(text) : color.green(text);
}

const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g');
const visible = (text: string) => text.replace(ANSI_COLOR, '');
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - visible(text).length));

export function formatList(identities: IdentitySummary[]): string {
  const rows = identities.map((identity) => [
    identity.name,
    expiresIn(identity.daysLeft),
    identity.subjectCommonName ?? identity.subject,
    identity.issuerCommonName ?? identity.issuer,
    identity.keyAlgorithm,
    identity.hosts.join(', ') || color.dim('—'),
  ]);
  const header = ['NAME', 'EXPIRES', 'SUBJECT', 'ISSUER', 'KEY', 'HOSTS'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => visible(row[column]!).length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : pad(cell, widths[column]!))).join('  ');
  return [color.bold(line(header)), ...rows.map(line)].join('\n');
}

function historyLine(entry: HistoryEntry): string {
  const { details } = entry;
  if (entry.action === 'imported') return `imported from ${Array.isArray(details.files) ? details.files.join(', ') : 'files'}`;
  if (entry.action === 'renamed') return `renamed from '${String(details.from)}' to '${String(details.to)}'`;
  const profile = details.profile ? ` (${String(details.profile)})` : '';
  const key = details.keyIncluded ? (details.keyEncrypted ? 'private key included, encrypted' : color.yellow('private key included, NOT encrypted')) : 'certificates only';
  return `exported ${String(details.format)}${profile} to ${String(details.file)} — ${key}`;
}

export function formatDetails(identity: IdentityDetails): string {
  const rows: [string, string][] = [
    ['Name', color.bold(identity.name)],
    ['Id', identity.id],
    ['Subject', identity.subject],
    ['Issuer', identity.issuer],
    ['Valid', `${identity.notBefore} → ${identity.notAfter} (${expiresIn(identity.daysLeft)})`],
    ['Key', identity.keyAlgorithm],
    ['SHA-256', identity.certificateSha256],
    ['Hosts', identity.hosts.join(', ') || color.dim('none (bind one with: mtls-studio identity bind NAME PATTERN)')],
    ['Labels', identity.labels.join(', ') || color.dim('none')],
    ['Imported', `${identity.createdAt} from ${identity.source.join(', ') || 'unknown files'}`],
  ];
  const chainNames = identity.certificates.slice(1).map((certificate) => certificate.commonName ?? certificate.subject);
  const complete = identity.chainInfo?.complete ?? false;
  rows.push(['Chain', `${chainNames.length > 0 ? chainNames.join(' → ') : 'no issuer certificates'} (${complete ? 'complete' : color.yellow('incomplete')})`]);
  const lines = rows.map(([label, value]) => `${pad(label, 9)} ${value}`);
  if (identity.findings.length > 0) {
    lines.push('', 'Findings:');
    for (const finding of identity.findings) {
      const severity = finding.severity === 'error' ? color.red('error') : finding.severity === 'warning' ? color.yellow('warning') : color.cyan('info');
      lines.push(`  ${severity} ${finding.message}`, `    ${color.dim(finding.hint)}`);
    }
  }
  if (identity.history.length > 0) {
    lines.push('', 'History:');
    for (const entry of identity.history) lines.push(`  ${entry.at}  ${historyLine(entry)}`);
  }
  return lines.join('\n');
}

export function formatMatch(match: HostMatch): string {
  const lines = [`${match.host}:${match.port}`];
  lines.push(match.identity ? `  → ${color.bold(match.identity.name)} (${expiresIn(match.identity.daysLeft)})` : `  → ${color.yellow('no identity')}`);
  lines.push(`  ${match.reason}`);
  if (match.candidates.length > 1) {
    lines.push('  all matching rules, best first:');
    for (const candidate of match.candidates) lines.push(`    ${pad(candidate.pattern, 30)} ${candidate.identity.name} (${candidate.kind})`);
  }
  return lines.join('\n');
}

export function formatDoctor(report: DoctorReport, repair: boolean): string {
  if (report.problems.length === 0) return `${color.green('ok')}: ${report.identities} identit${report.identities === 1 ? 'y' : 'ies'}, keychain entries and files agree`;
  const lines = report.problems.map((problem) => {
    const state = problem.repaired ? color.green('repaired') : color.yellow('problem');
    return `${state} [${problem.kind}] ${problem.message}\n  ${color.dim(`${problem.repaired ? 'done' : '--repair would'}: ${problem.repair}`)}`;
  });
  if (!repair) lines.push('', 'Run `mtls-studio vault doctor --repair` to fix these.');
  return lines.join('\n');
}
