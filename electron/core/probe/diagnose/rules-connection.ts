import type { DiagnosisFinding } from '../../../common/dto/probe';
import { NOT_TLS_CODES, VERSION_CODES } from '../connection/socket-error';
import { finding, type DiagnosisContext } from './context';
import type { Observation } from './observation';

/** DNS, TCP and the TLS failures that are not about certificates: not TLS, no common version, timeouts, resets. */

export function dnsFailed(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding {
  const failure = obs.attempt.failure!;
  return finding(
    'DNS_FAILED',
    'error',
    `The name ${ctx.host} could not be resolved`,
    `The system resolver answered ${failure.code} for ${ctx.host}; no connection was attempted.`,
    `Check the spelling of the host, your DNS or VPN settings, or pin an address with --resolve ${ctx.host}:${ctx.port}:ADDRESS.`,
    { host: ctx.host, port: ctx.port, error: failure.code },
  );
}

export function connectFailed(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding {
  const { attempt } = obs;
  const failure = attempt.failure!;
  const tried = [...attempt.tcpFailures.map((entry) => entry.address), ...(attempt.trace ? [attempt.trace.address] : [])];
  const where = `${[...new Set(tried)].join(', ')} port ${ctx.port}`;
  const params = { addresses: [...new Set(tried)].join(', '), port: ctx.port, error: failure.code };
  if (failure.code === 'TIMEOUT' || failure.code === 'ETIMEDOUT') {
    return finding('CONNECTION_TIMEOUT', 'error', 'The TCP connection timed out', `No answer from ${where} within ${ctx.timeoutMs} ms: packets are dropped on the way (firewall, security group, wrong address).`, 'Check that the port is open to your address (security groups, network ACLs, firewalls) and that you are on the right network or VPN.', { ...params, timeoutMs: ctx.timeoutMs, phase: 'tcp' });
  }
  if (failure.code === 'ECONNRESET') {
    return finding('CONNECTION_RESET', 'error', 'The connection was reset while connecting', `${where} reset the TCP connection before it was established.`, 'Something on the path refuses this client: check firewalls, allow-lists and that the service is listening.', { ...params, reason: failure.reason, phase: 'tcp', certAsked: 'no' });
  }
  const refused = failure.code === 'ECONNREFUSED';
  return finding(
    'CONNECTION_REFUSED',
    'error',
    refused ? 'The connection was refused' : 'The address could not be reached',
    refused ? `${where} actively refused the connection: nothing listens there.` : `Connecting to ${where} failed with ${failure.code} (${failure.reason}).`,
    refused ? 'Check the port in the URL and that the service (or load balancer listener) is running on it.' : 'Check the route to this address (VPN, proxy, IPv6 availability) or pin another address with --resolve.',
    { ...params, reason: failure.reason },
  );
}

export function notTls(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding | null {
  const { attempt } = obs;
  const preview = attempt.wire?.notTls?.preview ?? null;
  if (!preview && !NOT_TLS_CODES.has(attempt.failure?.code ?? '')) return null;
  return finding(
    'NOT_TLS',
    'error',
    'The server does not speak TLS on this port',
    preview ? `Instead of a TLS ServerHello, ${attempt.trace?.address ?? ctx.host}:${ctx.port} answered in plaintext: "${preview}".` : `OpenSSL could not read the answer as TLS (${attempt.failure!.reason}).`,
    `Use http:// for a plaintext service, or the TLS port (usually 443); for a load balancer, check that this listener is HTTPS/TLS.`,
    { address: attempt.trace?.address ?? ctx.host, port: ctx.port, preview: preview ?? '', reason: preview ? '' : attempt.failure!.reason },
  );
}

export function versionMismatch(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding | null {
  const code = obs.attempt.failure?.code ?? '';
  if (obs.alert?.code !== 70 && !VERSION_CODES.has(code)) return null;
  const offered = ctx.tlsMin === ctx.tlsMax ? `TLS ${ctx.tlsMin} only` : `TLS ${ctx.tlsMin} to ${ctx.tlsMax}`;
  const who = obs.alert?.code === 70 ? `${obs.alert.from === 'server' ? 'The server' : 'Our side'} sent the alert protocol_version (70)` : `The handshake failed with "${obs.attempt.failure!.reason}"`;
  return finding(
    'TLS_VERSION_MISMATCH',
    'error',
    'No TLS version both sides accept',
    `${who}; we offered ${offered}.`,
    'Allow the version the server supports (--tls-min/--tls-max), or update the server policy: TLS 1.2 and 1.3 are the ones to offer today.',
    { alert: obs.alert?.name ?? '', alertCode: obs.alert?.code ?? '', alertFrom: obs.alert?.from ?? '', reason: obs.attempt.failure?.reason ?? '', error: code, tlsMin: ctx.tlsMin, tlsMax: ctx.tlsMax },
  );
}

/** The peer dropped the connection (RST or FIN) instead of answering. */
export const connectionDropped = (failure: { code: string; reason: string }): boolean =>
  ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED'].includes(failure.code) || /other side closed|socket hang up/i.test(failure.reason);

/** Resets, timeouts and handshake failures with no certificate-related explanation. */
export function transportFailure(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding[] {
  const { attempt } = obs;
  const failure = attempt.failure!;
  const address = attempt.trace?.address ?? '';
  const stage = failure.phase === 'http' ? 'after the handshake, while waiting for the response' : 'during the TLS handshake';
  const askedButNotSent = obs.requested === true && !obs.sentCertificate;
  const found: DiagnosisFinding[] = [];
  if (failure.code === 'TIMEOUT' || failure.code === 'UND_ERR_HEADERS_TIMEOUT' || failure.code === 'UND_ERR_BODY_TIMEOUT') {
    found.push(
      finding('CONNECTION_TIMEOUT', 'error', failure.phase === 'http' ? 'The server did not answer in time' : 'The TLS handshake timed out', `${address}:${ctx.port} accepted the TCP connection but nothing more arrived within ${ctx.timeoutMs} ms ${stage}.`, failure.phase === 'http' ? 'The backend may be slow or stuck: retry with a larger --timeout and check the server logs.' : 'The port may belong to a service that is not TLS, or a middlebox swallows the handshake: check the listener protocol.', { addresses: address, port: ctx.port, error: failure.code, timeoutMs: ctx.timeoutMs, phase: failure.phase }),
    );
  } else if (connectionDropped(failure)) {
    found.push(
      finding('CONNECTION_RESET', 'error', `The server closed the connection ${stage}`, `${address}:${ctx.port} closed the connection without a TLS alert or HTTP answer (${failure.reason})${askedButNotSent ? ', right after asking for a client certificate that we did not send' : ''}.`, askedButNotSent ? 'Send a client certificate: CloudFront viewer mTLS and other edges reset the connection when none is sent.' : 'Check the server or load balancer logs for this time; resets often come from a trust-store or policy check that closes without an alert.', { addresses: address, port: ctx.port, error: failure.code, reason: failure.reason, phase: failure.phase, certAsked: askedButNotSent ? 'yes' : 'no' }),
    );
  } else {
    const alert = obs.alert ? ` (alert ${obs.alert.name} ${obs.alert.code} from the ${obs.alert.from})` : '';
    found.push(
      finding('TLS_HANDSHAKE_FAILED', 'error', 'The TLS handshake failed', `The handshake with ${address}:${ctx.port} failed: ${failure.reason}${alert}. The tap shows no certificate-related cause.`, 'Compare the server’s accepted versions, cipher suites and key types with ours (run the openssl command under Reproduce with -msg), and check the server logs.', { address, port: ctx.port, reason: failure.reason, alert: obs.alert?.name ?? '', alertCode: obs.alert?.code ?? '', alertFrom: obs.alert?.from ?? '' }),
    );
  }
  if (askedButNotSent && found[0]!.code === 'CONNECTION_RESET') {
    found.push(
      finding('CLIENT_CERT_MISSING', 'error', 'The server likely requires a client certificate', `The server asked for a client certificate${obs.cas.length ? ` from ${obs.cas.map((ca) => ca.dn).join('; ')}` : ''}, none was sent, and it then dropped the connection.`, ctx.identity ? 'Our certificate was not sent: see the other findings (key mismatch, signature algorithms).' : 'Run again with the client certificate: --cert/--key or --p12.', { via: 'reset', requested: 'yes', cas: obs.cas.map((ca) => ca.dn).join('; '), ours: ctx.identity ? 'notSent' : 'none', status: '', statusLine: '', rejection: 'none', alert: obs.alert?.name ?? 'none', alertCode: obs.alert?.code ?? '', afterMs: '' }),
    );
  }
  return found;
}
