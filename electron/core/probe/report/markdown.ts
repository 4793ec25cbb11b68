import type { ProbeCertificate, ProbeResult } from '../../../common/dto/probe';
import { redactHeaders } from './redact';

/**
 * The ticket-ready report: what happened and what to do, then the evidence. Built only from the (already
 * secret-free) result; header credentials are redacted again here in case a caller built the result by hand.
 */

const cell = (value: string | number | null | undefined): string => String(value ?? '—').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const fence = (text: string, lang = ''): string => {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text}\n${ticks}`;
};

function certificates(title: string, certs: ProbeCertificate[]): string[] {
  if (certs.length === 0) return [];
  return [
    `### ${title}`,
    '',
    '| # | subject | issuer | valid until | SHA-256 |',
    '|---|---|---|---|---|',
    ...certs.map((cert, i) => `| ${i + 1} | ${cell(cert.subject)} | ${cell(cert.issuer)} | ${cert.notAfter.slice(0, 10)} | \`${cert.sha256}\` |`),
    '',
  ];
}

function verdict(result: ProbeResult): string {
  const first = result.diagnosis[0];
  if (!first) return result.outcome === 'success' ? 'The request succeeded.' : `The request ended with ${result.outcome}.`;
  return `**${first.title}** (\`${first.code}\`)`;
}

export function markdownReport(result: ProbeResult): string {
  const tls = result.tls;
  const lines: string[] = [`# mTLS probe: ${result.url}`, '', verdict(result), ''];
  lines.push(`- Outcome: **${result.outcome}**, started ${result.startedAt}`);
  lines.push(`- Target: ${result.target}${result.targetDetected ? ` (detected: ${result.targetEvidence.join('; ')})` : ''}`);
  lines.push(`- Address: ${result.address ?? '—'} port ${result.port}, SNI ${result.servername}; resolved: ${result.resolvedAddresses.join(', ') || '—'}`);
  const t = result.timings;
  lines.push(`- Timings (ms): DNS ${cell(t.dnsMs)}, TCP ${cell(t.tcpMs)}, TLS ${cell(t.tlsMs)}, first byte ${cell(t.ttfbMs)}, total ${cell(t.totalMs)}`, '');

  lines.push('## Diagnosis', '');
  if (result.diagnosis.length === 0) lines.push('No findings.', '');
  for (const finding of result.diagnosis) {
    lines.push(`- **${finding.severity.toUpperCase()} \`${finding.code}\` — ${finding.title}**`, `  - Observed: ${finding.detail}`, `  - Next step: ${finding.fix}`);
  }
  lines.push('');

  lines.push('## TLS', '');
  lines.push(`- Protocol ${cell(tls.protocol)}, cipher ${cell(tls.cipher)}, ALPN ${cell(tls.alpn)}, session reused: ${tls.sessionReused ? 'yes' : 'no'}`);
  const trustVerdict = !tls.serverVerification.checked ? 'not checked (the handshake did not finish)' : tls.serverTrusted ? 'yes' : 'no';
  lines.push(`- Server certificate trusted: ${trustVerdict} (trust: ${tls.serverVerification.trust}${tls.serverVerification.error ? `, ${tls.serverVerification.error}` : ''}${tls.serverVerification.skipped ? ', verification skipped with --insecure' : ''})`);
  const request = tls.certificateRequest;
  if (request === null) lines.push('- Certificate request: could not be observed');
  else if (!request.requested) lines.push('- Certificate request: **the server did not ask for a client certificate**');
  else {
    lines.push(`- Certificate request: **yes**, ${request.acceptableCAs.length === 0 ? 'with an empty list of acceptable CAs' : 'acceptable CAs:'}`);
    for (const dn of request.acceptableCAs) lines.push(`  - ${dn}`);
    lines.push(`  - signature algorithms: ${request.signatureAlgorithms.join(', ') || '—'}`);
  }
  lines.push(`- Client certificates sent: ${tls.clientCertificatesSent.length === 0 ? 'none' : tls.clientCertificatesSent.map((sha) => `\`${sha}\``).join(', ')}`);
  if (tls.alert) lines.push(`- Alert: ${tls.alert.name} (${tls.alert.code}) from the ${tls.alert.from}${tls.alert.afterHandshake ? `, ${tls.alert.msAfterHandshake} ms after the handshake finished on our side` : ''}`);
  lines.push('');
  lines.push(...certificates('Server certificates (as sent)', tls.serverCertificates));
  if (result.identity) lines.push(...certificates(`Our identity (${result.identity.source})`, result.identity.chain));
  if (result.preflight.length > 0) {
    lines.push('### Pre-flight', '', ...result.preflight.map((check) => `- ${check.status.toUpperCase()} ${check.check}: ${check.detail}`), '');
  }
  if (tls.messages.length > 0) {
    lines.push('### Handshake', '', '| ms | from | message |', '|---|---|---|');
    for (const message of tls.messages) lines.push(`| ${message.atMs.toFixed(1)} | ${message.from} | ${cell(message.type)}${message.note ? ` (${cell(message.note)})` : ''} |`);
    lines.push('');
  }

  if (result.http) {
    const headers = redactHeaders(result.http.headers);
    lines.push('## HTTP response', '', `Status ${result.http.status} ${result.http.statusText}, ${result.http.bodyBytes} body bytes${result.http.bodyTruncated ? ' (truncated)' : ''}`, '');
    lines.push(fence(Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\n')), '');
    if (result.http.bodyPreview) lines.push(fence(result.http.bodyPreview.slice(0, 1024)), '');
  }

  if (result.addresses) {
    lines.push('## Every address', '', '| address | outcome | finding | status / alert |', '|---|---|---|---|');
    for (const entry of result.addresses) lines.push(`| ${entry.address} | ${entry.outcome} | ${entry.primaryCode} | ${entry.status ?? entry.alert?.name ?? '—'} |`);
    lines.push('');
  }
  if (result.repeat) {
    const r = result.repeat;
    const latency = r.latencyMs ? `p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms` : 'no successful request';
    lines.push('## Repeat', '', `${r.requests} requests, ${r.concurrency} at a time (${r.connection} connections): ${(r.successRate * 100).toFixed(1)}% succeeded; ${latency}; ${r.requestsPerSecond} requests/s.`, '');
    for (const [code, count] of Object.entries(r.errorsByCode)) lines.push(`- ${code}: ${count}`);
    for (const [address, entry] of Object.entries(r.byAddress)) lines.push(`- ${address}: ${entry.requests} requests, ${entry.failed} failed`);
    lines.push('');
  }

  lines.push('## Reproduce', '', 'File names are placeholders for your own paths; passwords are read from environment variables.', '');
  lines.push(fence(result.reproduce.curl, 'sh'), '', fence(result.reproduce.openssl, 'sh'), '');
  return lines.join('\n');
}

/** The JSON report: the result itself (already redacted), pretty-printed. */
export const jsonReport = (result: ProbeResult): string => `${JSON.stringify(result, null, 2)}\n`;
