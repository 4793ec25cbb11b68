import type { ProbeResult } from '../../../../../electron/common/dto/probe';

/**
 * The handshake as a story, one step per line: connected to …, the server sent its chain …, asked for a
 * certificate from [CAs], we sent …, the server answered …. Each step is an i18n key (probe.handshake.steps.*),
 * its values, and lists of data (DNs) shown under it.
 */
export interface TranscriptStep {
  key: string;
  values: Record<string, string | number>;
  tone: 'ok' | 'warning' | 'error' | 'neutral';
  /** DNs or addresses listed under the line */
  items?: string[];
}

const ms = (value: number | null) => (value === null ? '—' : String(Math.round(value * 10) / 10));

export function transcript(result: ProbeResult): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  const { tls } = result;
  const host = (() => {
    try {
      return new URL(result.url).hostname;
    } catch {
      return result.servername;
    }
  })();
  if (result.resolvedAddresses.length)
    steps.push({
      key: 'resolved',
      values: { host, ms: ms(result.timings.dnsMs) },
      tone: 'neutral',
      items: result.resolvedAddresses,
    });
  if (result.address && result.timings.tcpMs !== null)
    steps.push({
      key: 'connected',
      values: { address: result.address, port: result.port, ms: ms(result.timings.tcpMs) },
      tone: 'ok',
    });
  else {
    steps.push({ key: 'notConnected', values: { port: result.port }, tone: 'error' });
    return steps;
  }
  steps.push({ key: 'clientHello', values: { servername: result.servername }, tone: 'neutral' });
  if (tls.protocol)
    steps.push({
      key: 'negotiated',
      values: { protocol: tls.protocol, cipher: tls.cipher ?? '—', ms: ms(result.timings.tlsMs) },
      tone: 'ok',
    });
  if (tls.serverCertificates.length) {
    const v = tls.serverVerification;
    const trust = v.skipped
      ? 'serverChainSkipped'
      : tls.serverTrusted
        ? 'serverChainTrusted'
        : v.checked
          ? 'serverChainUntrusted'
          : 'serverChain';
    steps.push({
      key: trust,
      values: { n: tls.serverCertificates.length, error: v.error ?? '—' },
      tone: v.skipped ? 'warning' : tls.serverTrusted ? 'ok' : v.checked ? 'error' : 'neutral',
      items: tls.serverCertificates.map((cert) => cert.subject),
    });
  }
  const request = tls.certificateRequest;
  if (request === null) steps.push({ key: 'requestUnknown', values: {}, tone: 'neutral' });
  else if (!request.requested) steps.push({ key: 'notRequested', values: {}, tone: 'warning' });
  else if (request.acceptableCAs.length)
    steps.push({
      key: 'requested',
      values: { n: request.acceptableCAs.length },
      tone: 'neutral',
      items: request.acceptableCAs,
    });
  else steps.push({ key: 'requestedAnyCa', values: {}, tone: 'neutral' });
  if (request?.requested !== false) {
    if (tls.clientCertificatesSent.length) {
      const bySha = new Map((result.identity?.chain ?? []).map((cert) => [cert.sha256, cert.subject]));
      steps.push({
        key: 'weSent',
        values: { n: tls.clientCertificatesSent.length },
        tone: 'neutral',
        items: tls.clientCertificatesSent.map((sha) => bySha.get(sha) ?? sha),
      });
    } else if (request?.requested) {
      steps.push({ key: result.identity ? 'weSentNoneHad' : 'weSentNone', values: {}, tone: 'warning' });
    }
  }
  if (tls.alert) {
    const key = tls.alert.from === 'client' ? 'alertOurs' : tls.alert.afterHandshake ? 'alertLate' : 'alert';
    steps.push({
      key,
      values: { name: tls.alert.name, code: tls.alert.code, ms: tls.alert.msAfterHandshake ?? '—' },
      tone: 'error',
    });
  }
  if (result.http)
    steps.push({
      key: 'http',
      values: { status: result.http.status, text: result.http.statusText, ms: ms(result.timings.ttfbMs) },
      tone: result.http.status >= 400 ? 'error' : 'ok',
    });
  else if (!tls.alert) steps.push({ key: 'noAnswer', values: {}, tone: 'error' });
  return steps;
}
