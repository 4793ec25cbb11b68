import { readDirection, type DirectionEvents } from './direction-reader';
import {
  parseCertificateList,
  parseCertificateRequest12,
  parseCertificateRequest13,
  parseServerHello,
  type CertificateRequestInfo,
} from './handshake-messages';
import { splitRecords, type WireChunk } from './records';
import { alertName, handshakeTypeName, TLS13_VERSION } from './registry';
import { TlsDecodeError } from './byte-reader';

/**
 * What the raw bytes of one connection show, both directions: the negotiated version, the server's
 * CertificateRequest (TLS 1.2 plaintext, TLS 1.3 decrypted with the keylog secrets), the certificates each
 * side sent, and every alert with its sender and time. Secrets are used here and never leave this module.
 */

export type Side = 'server' | 'client';

export interface WireAlert {
  from: Side;
  /** null for a TLS 1.2 alert sent after ChangeCipherSpec (encrypted, unreadable) */
  level: number | null;
  code: number | null;
  atMs: number;
}

export interface WireMessage {
  from: Side;
  type: string;
  atMs: number;
  note?: string;
}

export interface WireAnalysis {
  version: number | null;
  cipherSuite: number | null;
  notTls: { preview: string } | null;
  /** TLS 1.2: ServerHelloDone read; TLS 1.3: the server's Finished decrypted — so "no CertificateRequest" is a fact */
  serverFlightComplete: boolean;
  certificateRequest: CertificateRequestInfo | null;
  serverCertificates: Uint8Array[] | null;
  /** null when no Certificate message from us was seen (none requested, or not readable) */
  clientCertificates: Uint8Array[] | null;
  alerts: WireAlert[];
  messages: WireMessage[];
  /** why part of the stream could not be read, for the report; null when everything was read */
  unreadable: string | null;
}

export interface KeylogSecrets {
  CLIENT_HANDSHAKE_TRAFFIC_SECRET?: Buffer;
  SERVER_HANDSHAKE_TRAFFIC_SECRET?: Buffer;
  CLIENT_TRAFFIC_SECRET_0?: Buffer;
  SERVER_TRAFFIC_SECRET_0?: Buffer;
}

export function analyzeWire(inbound: WireChunk[], outbound: WireChunk[], secrets: KeylogSecrets): WireAnalysis {
  const analysis: WireAnalysis = {
    version: null,
    cipherSuite: null,
    notTls: null,
    serverFlightComplete: false,
    certificateRequest: null,
    serverCertificates: null,
    clientCertificates: null,
    alerts: [],
    messages: [],
    unreadable: null,
  };
  const problems: string[] = [];

  const eventsFor = (from: Side): DirectionEvents => ({
    onHandshake(type, body, atMs) {
      const message: WireMessage = { from, type: handshakeTypeName(type), atMs };
      analysis.messages.push(message);
      try {
        if (from === 'server') onServerHandshake(type, body, message);
        else if (type === 11 && analysis.version !== null) {
          analysis.clientCertificates = parseCertificateList(body, analysis.version);
          message.note = `${analysis.clientCertificates.length} certificate(s)`;
        }
      } catch (error) {
        if (!(error instanceof TlsDecodeError)) throw error;
        problems.push(`${from} ${message.type}: ${error.message}`);
      }
    },
    onAlert(level, code, atMs) {
      analysis.alerts.push({ from, level, code, atMs });
      const note = code === null ? 'encrypted' : `${level === 2 ? 'fatal' : 'warning'} ${alertName(code)} (${code})`;
      analysis.messages.push({ from, type: 'Alert', atMs, note });
    },
    onChangeCipherSpec(atMs) {
      analysis.messages.push({ from, type: 'ChangeCipherSpec', atMs });
    },
    onApplicationData(atMs, bytes) {
      const last = analysis.messages[analysis.messages.length - 1];
      if (last?.from === from && last.type === 'ApplicationData') return;
      analysis.messages.push({ from, type: 'ApplicationData', atMs, note: `${bytes} bytes` });
    },
  });

  function onServerHandshake(type: number, body: Uint8Array, message: WireMessage): void {
    if (type === 2) {
      const hello = parseServerHello(body);
      if (hello.helloRetryRequest) {
        message.type = 'HelloRetryRequest';
        return;
      }
      analysis.version = hello.version;
      analysis.cipherSuite = hello.cipherSuite;
    } else if (type === 13) {
      analysis.certificateRequest = analysis.version === TLS13_VERSION ? parseCertificateRequest13(body) : parseCertificateRequest12(body);
      message.note = `${analysis.certificateRequest.authorities.length} CA name(s)`;
    } else if (type === 11 && analysis.version !== null) {
      analysis.serverCertificates = parseCertificateList(body, analysis.version);
      message.note = `${analysis.serverCertificates.length} certificate(s)`;
    } else if (type === 14 || (type === 20 && analysis.version === TLS13_VERSION)) {
      analysis.serverFlightComplete = true;
    }
  }

  const server = splitRecords(inbound);
  analysis.notTls = server.notTls;
  const serverRead = readDirection(
    server.records,
    {
      version: () => analysis.version,
      cipherSuite: () => analysis.cipherSuite,
      secret: (epoch) => (epoch === 'handshake' ? secrets.SERVER_HANDSHAKE_TRAFFIC_SECRET : secrets.SERVER_TRAFFIC_SECRET_0) ?? null,
    },
    eventsFor('server'),
  );
  if (serverRead.stoppedBecause) problems.push(`server records: ${serverRead.stoppedBecause}`);

  const client = splitRecords(outbound);
  const clientRead = readDirection(
    client.records,
    {
      version: () => analysis.version,
      cipherSuite: () => analysis.cipherSuite,
      secret: (epoch) => (epoch === 'handshake' ? secrets.CLIENT_HANDSHAKE_TRAFFIC_SECRET : secrets.CLIENT_TRAFFIC_SECRET_0) ?? null,
    },
    eventsFor('client'),
  );
  if (clientRead.stoppedBecause) problems.push(`client records: ${clientRead.stoppedBecause}`);

  analysis.messages.sort((a, b) => a.atMs - b.atMs);
  analysis.unreadable = problems.length > 0 ? problems.join('; ') : null;
  return analysis;
}
