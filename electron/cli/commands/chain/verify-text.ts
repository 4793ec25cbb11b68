import type { ChainFinding, ChainVerification } from '../../../common/dto/chain';
import type { CertificateLabel } from '../../../core';
import { color } from '../../output';

const SEVERITY = { error: color.red('error'), warning: color.yellow('warning'), info: color.cyan('info') } as const;

/** The path drawn leaf → anchor with names, then the verdict and one block per finding. */
export function formatChainVerification(result: ChainVerification, labels: Map<string, CertificateLabel>, anchors: Set<string>): string {
  const lines: string[] = [];
  result.path.forEach((sha, i) => {
    const label = labels.get(sha);
    const role = [i === 0 ? 'leaf' : anchors.has(sha) ? '' : 'issuer', anchors.has(sha) ? 'trust anchor' : ''].filter(Boolean).join(', ');
    const arrow = i === 0 ? '  ' : `${'   '.repeat(i - 1)}  └─ `;
    lines.push(`${arrow}${color.bold(label?.name ?? sha.slice(0, 16))}  ${color.dim(`(${role}, sha256 ${sha.slice(0, 16)}…)`)}`);
  });
  lines.push('');
  lines.push(result.valid ? color.green('valid: the chain reaches a trusted certificate and passes every check') : color.red('invalid: no path passes every check'));
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...result.findings].sort((a: ChainFinding, b: ChainFinding) => order[a.severity] - order[b.severity]);
  for (const item of findings) {
    lines.push('');
    lines.push(`${SEVERITY[item.severity]} ${color.bold(item.code)}: ${item.message}`);
    lines.push(`  ${color.dim('hint:')} ${item.hint}`);
  }
  return lines.join('\n');
}
