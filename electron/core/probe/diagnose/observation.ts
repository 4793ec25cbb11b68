import type { ProbeAlert } from '../../../common/dto/probe';
import type { ParsedCertificate } from '../../pki/certificate';
import { parseWireCertificate } from '../certificate-cache';
import type { AttemptRecord } from '../attempt/run-attempt';
import { acceptableCas, type AcceptableCa } from '../identity/identity-facts';
import { alertName } from '../tls/registry';
import type { WireAnalysis } from '../tls/wire-analysis';

/**
 * The facts of one attempt that every diagnosis rule reads, derived once: which alert ended it and who sent it,
 * whether the server asked for a certificate and from which CAs, what we sent, how far the handshake got.
 */

export interface Observation {
  attempt: AttemptRecord;
  alert: ProbeAlert | null;
  /** null = could not be observed */
  requested: boolean | null;
  cas: AcceptableCa[];
  /** the certificates our side sent (empty when asked and none sent; null when not seen) */
  sent: ParsedCertificate[] | null;
  sentCertificate: boolean;
  handshakeDone: boolean;
  /** TLS bytes came back from the server at all */
  serverSpokeTls: boolean;
}

const IGNORED_ALERTS = new Set([0, 90]); // close_notify, user_canceled

function pickAlert(attempt: AttemptRecord): ProbeAlert | null {
  const handshakeAt = attempt.trace?.tlsEndMs ?? null;
  const make = (code: number, from: 'server' | 'client', atMs: number | null): ProbeAlert => {
    const after = handshakeAt !== null && atMs !== null && atMs >= handshakeAt;
    return { code, name: alertName(code), from, afterHandshake: after, msAfterHandshake: after ? Math.round((atMs! - handshakeAt!) * 1000) / 1000 : null };
  };
  const wireAlerts = attempt.wire?.alerts ?? [];
  const readable = wireAlerts.find((alert) => alert.code !== null && !IGNORED_ALERTS.has(alert.code));
  if (readable) return make(readable.code!, readable.from, readable.atMs);
  const received = attempt.failure?.receivedAlert ?? null;
  if (received !== null && !IGNORED_ALERTS.has(received)) {
    // a TLS 1.2 alert after ChangeCipherSpec is encrypted on the wire; OpenSSL's error names it
    const encrypted = wireAlerts.find((alert) => alert.code === null && alert.from === 'server');
    return make(received, 'server', encrypted?.atMs ?? attempt.failure!.atMs);
  }
  return null;
}

function parseSent(der: Uint8Array[] | null): ParsedCertificate[] | null {
  if (der === null) return null;
  const parsed: ParsedCertificate[] = [];
  for (const item of der) {
    try {
      parsed.push(parseWireCertificate(item, 'the client Certificate message'));
    } catch {
      // a certificate we sent is one we read ourselves; an unparsable one would already have failed earlier
    }
  }
  return parsed;
}

/** a kept-alive connection's handshake is observed once, however many requests it carries */
const derived = new WeakMap<WireAnalysis, { cas: AcceptableCa[]; sent: ParsedCertificate[] | null }>();

/** a server names the same CAs on every new connection of a repeat run: their DNs are decoded once per list */
const casByContent = new Map<string, AcceptableCa[]>();
const MAX_CA_LISTS = 64;

function casOf(authorities: Uint8Array[]): AcceptableCa[] {
  const key = authorities.map((der) => Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64')).join(',');
  let cas = casByContent.get(key);
  if (!cas) {
    cas = acceptableCas(authorities);
    casByContent.set(key, cas);
    if (casByContent.size > MAX_CA_LISTS) casByContent.delete(casByContent.keys().next().value!);
  }
  return cas;
}

function derive(wire: WireAnalysis | null): { cas: AcceptableCa[]; sent: ParsedCertificate[] | null } {
  if (!wire) return { cas: [], sent: null };
  let facts = derived.get(wire);
  if (!facts) {
    facts = { cas: wire.certificateRequest ? casOf(wire.certificateRequest.authorities) : [], sent: parseSent(wire.clientCertificates) };
    derived.set(wire, facts);
  }
  return facts;
}

export function observe(attempt: AttemptRecord): Observation {
  const wire = attempt.wire;
  const request = wire?.certificateRequest ?? null;
  let requested: boolean | null = null;
  if (request) requested = true;
  else if (wire?.serverFlightComplete) requested = false;
  const { cas, sent } = derive(wire);
  return {
    attempt,
    alert: pickAlert(attempt),
    requested,
    cas,
    sent,
    sentCertificate: (sent?.length ?? 0) > 0,
    handshakeDone: attempt.trace?.tlsEndMs != null,
    serverSpokeTls: (wire?.messages.some((message) => message.from === 'server') ?? false) && !wire?.notTls,
  };
}
