import type { DiagnosisFinding, ProbeResult } from '../../common/dto/probe';
import { color } from '../output';

/** The human-readable probe report for the terminal: aligned labels, colour only on a TTY. */

const ms = (value: number | null): string => (value === null ? '—' : value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);

function rows(entries: [string, string | null | undefined][]): string[] {
  const present = entries.filter((entry): entry is [string, string] => Boolean(entry[1]));
  const width = Math.max(...present.map(([label]) => label.length));
  return present.flatMap(([label, value]) => value.split('\n').map((line, i) => `  ${color.dim((i === 0 ? label : '').padEnd(width))}  ${line}`));
}

const severity = (finding: DiagnosisFinding): string =>
  finding.severity === 'error' ? color.red('error  ') : finding.severity === 'warning' ? color.yellow('warning') : color.cyan('info   ');

function verdict(result: ProbeResult): string {
  const first = result.diagnosis[0];
  const ok = result.outcome === 'success' && !result.diagnosis.some((finding) => finding.severity === 'error');
  const text = first?.title ?? (ok ? 'The request succeeded' : `The request failed (${result.outcome})`);
  return ok ? color.green(`✔ ${text}`) : color.red(`✘ ${text}`);
}

function certificateRequestText(result: ProbeResult): string {
  const request = result.tls.certificateRequest;
  if (request === null) return 'not observable (the handshake stopped before the server asked)';
  if (!request.requested) return 'no — the server never asked for a client certificate';
  if (request.acceptableCAs.length === 0) return 'yes — with an empty list of acceptable CAs';
  return `yes — acceptable CAs:\n${request.acceptableCAs.map((dn) => `  ${dn}`).join('\n')}`;
}

function sentText(result: ProbeResult): string {
  const sent = result.tls.clientCertificatesSent;
  if (sent.length === 0) return result.identity ? 'no certificate' : 'no certificate (none given)';
  const chain = result.identity?.chain ?? [];
  return sent.map((sha) => `${chain.find((cert) => cert.sha256 === sha)?.subject ?? 'certificate'}  ${color.dim(sha.slice(0, 16))}…`).join('\n');
}

export function formatProbeResult(result: ProbeResult): string {
  const tls = result.tls;
  const leaf = tls.serverCertificates[0];
  const trust = !tls.serverVerification.checked ? color.dim('not checked: the handshake did not finish') : tls.serverVerification.skipped ? color.yellow('NOT VERIFIED (--insecure)') : tls.serverTrusted ? color.green(`trusted (${tls.serverVerification.trust})`) : color.red(`not trusted: ${tls.serverVerification.error ?? 'unknown'}`);
  const alert = tls.alert ? `${tls.alert.name} (${tls.alert.code}) from the ${tls.alert.from}${tls.alert.afterHandshake ? `, ${ms(tls.alert.msAfterHandshake)} after the handshake finished on our side` : ''}` : null;
  const t = result.timings;
  const lines: string[] = [color.bold(`Probe ${result.url}`), `  ${verdict(result)}`, ''];
  lines.push(
    ...rows([
      ['Address', result.address ? `${result.address} port ${result.port}, SNI ${result.servername}${result.resolvedAddresses.length > 1 ? color.dim(`  (resolved: ${result.resolvedAddresses.join(', ')})`) : ''}` : `— (resolved: ${result.resolvedAddresses.join(', ') || 'nothing'})`],
      ['Target', `${result.target}${color.dim(`  (${result.targetDetected ? 'detected: ' : ''}${result.targetEvidence.join('; ')})`)}`],
      ['Timing', `DNS ${ms(t.dnsMs)} · TCP ${ms(t.tcpMs)} · TLS ${ms(t.tlsMs)} · first byte ${ms(t.ttfbMs)} · total ${ms(t.totalMs)}`],
      ['TLS', tls.protocol ? `${tls.protocol}${tls.cipher ? ` ${tls.cipher}` : ''}${tls.alpn ? `, ALPN ${tls.alpn}` : ''}${tls.sessionReused ? ', resumed session' : ''}` : null],
      ['Server cert', leaf ? `${leaf.subject}${color.dim(` (issued by ${leaf.issuer}, until ${leaf.notAfter.slice(0, 10)})`)}\n${trust}${tls.serverCertificates.length > 1 ? color.dim(`, ${tls.serverCertificates.length} certificates sent`) : ''}` : null],
      ['Cert request', result.address && tls.protocol ? certificateRequestText(result) : null],
      ['We sent', tls.protocol ? sentText(result) : null],
      ['Alert', alert],
      ['HTTP', result.http ? `${result.http.status} ${result.http.statusText}, ${result.http.bodyBytes} bytes${result.http.bodyTruncated ? ' (truncated)' : ''}` : null],
    ]),
  );

  if (result.addresses) {
    lines.push('', color.bold('Every address'));
    lines.push(...rows(result.addresses.map((entry) => [entry.address, `${entry.outcome === 'success' ? color.green(entry.outcome) : color.red(entry.outcome)}  ${entry.primaryCode}${entry.alert ? `  (alert ${entry.alert.name})` : entry.status !== null ? `  (HTTP ${entry.status})` : ''}`])));
  }
  if (result.repeat) {
    const r = result.repeat;
    const latency = r.latencyMs ? `p50 ${ms(r.latencyMs.p50)} · p95 ${ms(r.latencyMs.p95)} · p99 ${ms(r.latencyMs.p99)}` : 'no successful request';
    lines.push('', color.bold(`Repeat: ${r.requests} requests, ${r.concurrency} at a time`));
    lines.push(
      ...rows([
        ['Success', `${r.succeeded}/${r.requests} (${(r.successRate * 100).toFixed(1)}%), ${r.requestsPerSecond} requests/s`],
        ['Latency', latency],
        ['Errors', Object.entries(r.errorsByCode).map(([code, count]) => `${code} × ${count}`).join('\n') || 'none'],
        ...Object.entries(r.byAddress).map(([address, entry]): [string, string] => [address, `${entry.requests} requests, ${entry.failed} failed${entry.failed ? `: ${Object.entries(entry.errorsByCode).map(([code, count]) => `${code} × ${count}`).join(', ')}` : ''}`]),
      ]),
    );
  }

  lines.push('', color.bold('Diagnosis'));
  if (result.diagnosis.length === 0) lines.push(`  ${color.green('no findings')}`);
  for (const finding of result.diagnosis) {
    lines.push(`  ${severity(finding)}  ${color.bold(finding.code)}  ${finding.title}`, `           ${finding.detail}`, `           ${color.cyan(`→ ${finding.fix}`)}`);
  }
  lines.push('', color.bold('Reproduce'), `  ${result.reproduce.curl}`, `  ${result.reproduce.openssl}`);
  return lines.join('\n');
}
