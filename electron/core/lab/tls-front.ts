import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { createSecureContext, TLSSocket, type PeerCertificate } from 'node:tls';
import { StudioError } from '../../common/errors';
import type { ClientVerdict } from './verify-client';

/**
 * One TLS listener with its own client-certificate policy in front of an HTTP handler.
 *
 * Each connection is a TLSSocket made here rather than by tls.Server, because tls.Server checks the client chain
 * against the same store that fills the CertificateRequest's CA list: the lab must verify against its CA while
 * advertising an empty list (ALB's default). `required` sets OpenSSL's fail-if-no-peer-cert, so a missing
 * certificate ends the handshake with an alert (certificate_required in TLS 1.3, handshake_failure in TLS 1.2);
 * Node cannot send an alert for an untrusted chain, so `onSecure` decides right after the handshake: continue to
 * HTTP, close (close_notify and FIN, no HTTP response) or reset (TCP RST).
 */

export type CertificatePolicy = 'none' | 'optional' | 'required';
export type AfterHandshake = 'continue' | 'close' | 'reset';

export interface TlsFrontOptions {
  host: string;
  port: number;
  certificatePem: string;
  keyPem: string;
  /** PEM of the CAs named in the CertificateRequest; null: an empty CA list */
  advertisedCasPem: string | null;
  policy: CertificatePolicy;
  /** the endpoint's own check of the chain the client presented (leaf first) */
  verify(chain: Uint8Array[]): ClientVerdict;
  onSecure(verdict: ClientVerdict): AfterHandshake;
  onRequest(req: IncomingMessage, res: ServerResponse, verdict: ClientVerdict): void;
}

export interface RunningFront {
  port: number;
  close(): Promise<void>;
}

/** The chain as the client presented it, leaf first (Node links it by issuer; a self-signed cert links to itself). */
function presentedChain(socket: TLSSocket): Uint8Array[] {
  const chain: Uint8Array[] = [];
  const seen = new Set<string>();
  let cert: PeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(new Uint8Array(cert.raw));
    cert = (cert as PeerCertificate & { issuerCertificate?: PeerCertificate }).issuerCertificate;
  }
  return chain;
}

export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StudioError('INVALID_ARGUMENT', `port ${port} on ${host} is already in use`, { hint: 'Choose another base port with --port, or leave it out to use free ports.' })
          : error,
      );
    };
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Closes a listener and every connection it still holds. */
export function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
  });
}

export async function startTlsFront(options: TlsFrontOptions): Promise<RunningFront> {
  const secureContext = createSecureContext({
    cert: options.certificatePem,
    key: options.keyPem,
    ...(options.advertisedCasPem ? { ca: options.advertisedCasPem } : {}),
    minVersion: 'TLSv1.2',
  });
  const verdicts = new WeakMap<object, ClientVerdict>();
  const http = createHttpServer({ keepAliveTimeout: 5_000, requestTimeout: 30_000 }, (req, res) => {
    options.onRequest(req, res, verdicts.get(req.socket) ?? { status: 'none' });
  });
  const sockets = new Set<Socket>();
  const server = createNetServer((raw) => {
    sockets.add(raw);
    raw.on('close', () => sockets.delete(raw));
    raw.on('error', () => raw.destroy());
    raw.setTimeout(30_000, () => raw.destroy());
    const socket = new TLSSocket(raw, {
      isServer: true,
      secureContext,
      requestCert: options.policy !== 'none',
      rejectUnauthorized: options.policy === 'required',
      ALPNProtocols: ['http/1.1'],
    });
    socket.on('error', () => socket.destroy());
    socket.once('secure', () => {
      const verdict = options.policy === 'none' ? ({ status: 'none' } as const) : options.verify(presentedChain(socket));
      const action = options.onSecure(verdict);
      if (action === 'reset') {
        // reset once the request is on its way (or after a second): the client then sees the reset while
        // reading, as in AWS's curl example, instead of racing it while still writing
        const reset = () => {
          if (!raw.destroyed) raw.resetAndDestroy();
        };
        socket.once('data', reset);
        raw.setTimeout(1_000, reset);
      }
      else if (action === 'close') {
        // close_notify + FIN; the request that may already be on its way is read and dropped, so the kernel does
        // not turn the close into a reset
        socket.resume();
        socket.end();
        raw.setTimeout(2_000, () => raw.destroy());
      }
      else {
        verdicts.set(socket, verdict);
        http.emit('connection', socket);
      }
    });
  });
  const port = await listen(server, options.host, options.port);
  return {
    port,
    close: async () => {
      await closeServer(server, sockets);
      http.closeAllConnections();
    },
  };
}
