import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { TLSSocket } from 'node:tls';

/**
 * In-process loopback servers for the probe's core tests (the CLI tests, which block on spawnSync, use child
 * processes instead): Node https with a client-certificate policy, plain HTTP on a "TLS" port, a TCP port that
 * never answers, one that resets, and a port nobody listens on.
 */

export interface LocalServer {
  port: number;
  close(): Promise<void>;
}

const open = new Set<net.Server>();

/** every accepted socket, so closing a server never waits for a client that keeps its connection */
const connections = new WeakMap<net.Server, Set<net.Socket>>();

function dropConnections(server: net.Server): void {
  connections.get(server)?.forEach((socket) => socket.destroy());
}

function listen(server: net.Server, host = '127.0.0.1', port = 0): Promise<LocalServer> {
  open.add(server);
  const sockets = new Set<net.Socket>();
  connections.set(server, sockets);
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        port,
        close: () =>
          new Promise((done) => {
            open.delete(server);
            dropConnections(server);
            server.close(() => done());
          }),
      });
    });
  });
}

export async function closeAllLocalServers(): Promise<void> {
  await Promise.all(
    [...open].map(
      (server) =>
        new Promise<void>((done) => {
          dropConnections(server);
          server.close(() => done());
        }),
    ),
  );
  open.clear();
}

export interface HttpsServerOptions {
  cert: string;
  key: string;
  /** CA file for client certificates; with it the server asks for one */
  clientCa?: string;
  /** answer for each request; `authorized` = the client certificate verified against clientCa */
  respond: (request: http.IncomingMessage, authorized: boolean, body: Buffer) => { status: number; body: string | Buffer; headers?: Record<string, string> };
  /** default 127.0.0.1, any free port */
  host?: string;
  port?: number;
}

export function startHttpsServer(options: HttpsServerOptions): Promise<LocalServer> {
  const server = https.createServer(
    {
      cert: readFileSync(options.cert),
      key: readFileSync(options.key),
      ...(options.clientCa ? { ca: readFileSync(options.clientCa), requestCert: true, rejectUnauthorized: false } : {}),
    },
    (request, response) => {
      const socket = request.socket as TLSSocket;
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const answer = options.respond(request, socket.authorized === true, Buffer.concat(chunks));
        response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
        response.end(answer.body);
      });
    },
  );
  return listen(server, options.host, options.port);
}

/**
 * A TLS server that asks for a client certificate and resets the connection (no alert, no HTTP answer) when
 * none is sent — how CloudFront viewer mTLS in "required" mode answers.
 */
export function startResetWithoutCertificateServer(options: { cert: string; key: string; clientCa: string }): Promise<LocalServer> {
  const raw = new Map<number, net.Socket>();
  const server = tls.createServer({ cert: readFileSync(options.cert), key: readFileSync(options.key), ca: readFileSync(options.clientCa), requestCert: true, rejectUnauthorized: false }, (socket) => {
    socket.on('error', () => undefined);
    if (socket.getPeerCertificate()?.raw) socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
    else raw.get(socket.remotePort!)?.resetAndDestroy(); // the TCP socket under the TLS one: a real RST
  });
  server.on('connection', (socket: net.Socket) => {
    raw.set(socket.remotePort!, socket);
    socket.on('error', () => undefined);
    socket.on('close', () => raw.delete(socket.remotePort!));
  });
  server.on('close', () => raw.forEach((socket) => socket.destroy()));
  return listen(server);
}

/** A plaintext HTTP server: what a TLS client meets on a port that is not TLS. */
export function startPlainHttpServer(): Promise<LocalServer> {
  return listen(http.createServer((_request, response) => response.end('plain\n')));
}

/** Accepts TCP connections and never sends a byte. */
export function startSilentServer(): Promise<LocalServer> {
  return listen(net.createServer((socket) => socket.on('error', () => undefined)));
}

/** Resets every connection as soon as the client speaks (a TCP RST, not a clean close). */
export function startResettingServer(): Promise<LocalServer> {
  return listen(
    net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => socket.resetAndDestroy());
    }),
  );
}

/** A loopback port with nothing listening on it. */
export async function refusedPort(): Promise<number> {
  const server = await listen(net.createServer());
  await server.close();
  return server.port;
}
