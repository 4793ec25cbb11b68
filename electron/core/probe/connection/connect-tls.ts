import type { X509Certificate } from 'node:crypto';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { KeylogSecrets } from '../tls/wire-analysis';
import { failureFacts, timeoutFacts, type FailureFacts } from './socket-error';
import { TapStream } from './tap-stream';

/**
 * One TCP + TLS connection to a chosen address, every step timed, the bytes tapped, the keylog secrets kept
 * for the handshake tap, and the first error of the socket remembered (undici later reports it only as
 * "other side closed").
 */

export interface TlsSettings {
  secureContext: tls.SecureContext;
  /** SNI; null for IP literals (RFC 6066 forbids IP addresses in SNI) */
  sni: string | null;
  /** the name the certificate is checked against */
  verifyName: string;
  minVersion: tls.SecureVersion;
  maxVersion: tls.SecureVersion;
  insecure: boolean;
  sessions: Map<string, Buffer> | null;
}

export interface TlsFacts {
  protocol: string | null;
  cipher: string | null;
  alpn: string | null;
  sessionReused: boolean;
  chainTrusted: boolean;
  verifyError: string | null;
  nameMatches: boolean;
  nameError: string | null;
  /** the peer chain as Node linked it; the tap's copy (as sent) is preferred */
  peerChain: Uint8Array[];
}

export interface ConnectionTrace {
  address: string;
  port: number;
  tcpStartMs: number | null;
  tcpEndMs: number | null;
  tlsEndMs: number | null;
  closedAtMs: number | null;
  failure: FailureFacts | null;
  tls: TlsFacts | null;
  tap: TapStream | null;
  secrets: KeylogSecrets;
}

export const newTrace = (address: string, port: number): ConnectionTrace => ({
  address,
  port,
  tcpStartMs: null,
  tcpEndMs: null,
  tlsEndMs: null,
  closedAtMs: null,
  failure: null,
  tls: null,
  tap: null,
  secrets: {},
});

/** Thrown to undici when we stop after the handshake because the server certificate did not verify. */
export class ServerNotVerifiedError extends Error {
  readonly code = 'SERVER_NOT_VERIFIED';
}

/** The peer chain as Node linked it (leaf first), from the X509Certificate objects: cheap, raw DER only. */
function peerChain(leaf: X509Certificate | undefined): Uint8Array[] {
  const chain: Uint8Array[] = [];
  for (let cert = leaf; cert && chain.length < 10; cert = cert.issuerCertificate) {
    if (chain.some((der) => Buffer.compare(der, cert!.raw) === 0)) break;
    chain.push(new Uint8Array(cert.raw));
  }
  return chain;
}

/** RFC 6125 name check on the leaf: IP SANs for an IP, DNS SANs (wildcards allowed) or, without any, the CN. */
function nameError(x509: X509Certificate | undefined, name: string): string | null {
  if (!x509) return 'the server sent no certificate';
  const matched = net.isIP(name) ? x509.checkIP(name) : x509.checkHost(name);
  return matched === undefined ? `the certificate is not issued for ${name}` : null;
}

function tlsFacts(socket: tls.TLSSocket, settings: TlsSettings): TlsFacts {
  const leaf = socket.getPeerX509Certificate();
  const mismatch = nameError(leaf, settings.verifyName);
  return {
    protocol: socket.getProtocol(),
    cipher: socket.getCipher()?.standardName ?? null,
    alpn: typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : null,
    sessionReused: socket.isSessionReused(),
    chainTrusted: socket.authorized,
    verifyError: socket.authorizationError ? String(socket.authorizationError) : null,
    nameMatches: mismatch === null,
    nameError: mismatch,
    peerChain: peerChain(leaf),
  };
}

/**
 * Before 'secureConnect' Node builds the whole peer chain as detailed JS objects only to hand it to
 * checkServerIdentity, which ours ignores (the name is checked on the X509Certificate in tlsFacts). That object
 * tree costs more CPU than our whole analysis of the handshake, on every new connection of a repeat run.
 */
const NOT_USED = Object.freeze({});
function skipDetailedPeerCertificate(socket: tls.TLSSocket): void {
  const own = tls.TLSSocket.prototype.getPeerCertificate;
  socket.getPeerCertificate = function (this: tls.TLSSocket, detailed?: boolean) {
    return detailed ? (NOT_USED as tls.DetailedPeerCertificate) : own.call(this, detailed);
  } as tls.TLSSocket['getPeerCertificate'];
}
function restorePeerCertificate(socket: tls.TLSSocket): void {
  delete (socket as Partial<Pick<tls.TLSSocket, 'getPeerCertificate'>>).getPeerCertificate;
}

/**
 * A TLS socket over a JS stream (our tap) can emit 'close' before the 'error' that caused it: a reset right after
 * the handshake. undici's HTTP/1 client drops its parser on 'close' but keeps its 'error' listener, which then
 * reads the parser and crashes the process. Such a late error goes to `onError` only (the trace records it);
 * undici has already failed the request as closed.
 */
function keepLateErrorsFromUndici(socket: tls.TLSSocket, onError: (error: Error) => void): void {
  let closed = false;
  socket.once('close', () => (closed = true));
  const emit = socket.emit as (this: tls.TLSSocket, event: string | symbol, ...args: unknown[]) => boolean;
  socket.emit = function (this: tls.TLSSocket, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'error' && closed) {
      onError(args[0] as Error);
      return true;
    }
    return emit.call(this, event, ...args);
  } as tls.TLSSocket['emit'];
}

const KEEP_SECRETS = new Set(['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'SERVER_TRAFFIC_SECRET_0']);

/**
 * Connects and completes the TLS handshake. Resolves with the TLS socket (handed to undici), rejects with the
 * socket error; `trace` is filled in either way. `timeoutMs` bounds TCP and TLS together.
 */
export function connectTls(trace: ConnectionTrace, settings: TlsSettings, clock: () => number, timeoutMs: number, cancel?: AbortSignal): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (facts: FailureFacts, error: Error) => {
      trace.failure ??= facts;
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
      reject(error);
    };
    const onCancel = () => {
      fail({ phase: trace.tcpEndMs === null ? 'tcp' : 'tls', code: 'ABORTED', reason: 'cancelled', receivedAlert: null, atMs: clock() }, Object.assign(new Error('cancelled'), { code: 'ABORTED' }));
      secure?.destroy();
      raw.destroy();
    };
    trace.tcpStartMs = clock();
    const raw = net.connect({ host: trace.address, port: trace.port, noDelay: true });
    let secure: tls.TLSSocket | null = null;
    const timer = setTimeout(() => {
      const phase = trace.tcpEndMs === null ? 'tcp' : 'tls';
      const error = Object.assign(new Error(`${phase === 'tcp' ? 'TCP connect' : 'TLS handshake'} timed out after ${timeoutMs} ms`), { code: 'TIMEOUT' });
      fail(timeoutFacts(phase, timeoutMs, clock()), error);
      secure?.destroy();
      raw.destroy();
    }, timeoutMs);
    if (cancel?.aborted) return onCancel();
    cancel?.addEventListener('abort', onCancel, { once: true });

    raw.once('error', (error) => {
      if (trace.tcpEndMs === null) fail(failureFacts('tcp', error, clock()), error);
    });
    raw.once('close', () => {
      trace.closedAtMs ??= clock();
    });
    raw.once('connect', () => {
      trace.tcpEndMs = clock();
      const tap = new TapStream(raw, clock);
      trace.tap = tap;
      const sessionKey = `${trace.address}|${settings.sni ?? ''}`;
      const socket = tls.connect({
        socket: tap,
        secureContext: settings.secureContext,
        ...(settings.sni ? { servername: settings.sni } : {}),
        minVersion: settings.minVersion,
        maxVersion: settings.maxVersion,
        ALPNProtocols: ['http/1.1'],
        rejectUnauthorized: false,
        // `authorized` then says whether the chain verifies; the name is checked separately (tlsFacts)
        checkServerIdentity: () => undefined,
        ...(settings.sessions?.get(sessionKey) ? { session: settings.sessions.get(sessionKey)! } : {}),
      });
      secure = socket;
      skipDetailedPeerCertificate(socket);
      socket.on('keylog', (line: Buffer) => {
        const [label, , secret] = line.toString('latin1').trim().split(' ');
        if (label && secret && KEEP_SECRETS.has(label)) trace.secrets[label as keyof KeylogSecrets] = Buffer.from(secret, 'hex');
      });
      if (settings.sessions) socket.on('session', (session: Buffer) => settings.sessions!.set(sessionKey, session));
      const onError = (error: Error) => fail(failureFacts(trace.tlsEndMs === null ? 'tls' : 'http', error, clock()), error);
      socket.on('error', onError);
      keepLateErrorsFromUndici(socket, onError);
      socket.once('secureConnect', () => {
        trace.tlsEndMs = clock();
        restorePeerCertificate(socket);
        trace.tls = tlsFacts(socket, settings);
        if (!settings.insecure && (!trace.tls.chainTrusted || !trace.tls.nameMatches)) {
          const error = new ServerNotVerifiedError(trace.tls.verifyError ?? trace.tls.nameError ?? 'server certificate not verified');
          fail({ phase: 'tls', code: error.code, reason: error.message, receivedAlert: null, atMs: clock() }, error);
          socket.destroy();
          return;
        }
        settled = true;
        clearTimeout(timer);
        cancel?.removeEventListener('abort', onCancel);
        resolve(socket);
      });
    });
  });
}
