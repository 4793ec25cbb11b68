import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderList } from './header-formats';

/** What the endpoints answer: the echo backend's JSON, API Gateway's 403, nginx-family 400 pages. */

const MAX_BODY_BYTES = 1_048_576;
const MAX_DRAIN_BYTES = 64 * MAX_BODY_BYTES;

/** Headers a proxy never forwards (RFC 9110 hop-by-hop) and certificate headers a client could try to forge. */
const DROPPED = /^(connection|keep-alive|proxy-connection|proxy-authenticate|proxy-authorization|te|trailer|transfer-encoding|upgrade|x-amzn-mtls-clientcert.*|cloudfront-viewer-cert-.*)$/i;

/** The client's headers as a proxy passes them on, in their original spelling and order. */
export function passedOnHeaders(req: IncomingMessage): HeaderList {
  const list: HeaderList = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    if (!DROPPED.test(name)) list.push([name, req.rawHeaders[i + 1]!]);
  }
  return list;
}

/** Every header exactly as received: what a server that terminates TLS itself sees. */
export function receivedHeaders(req: IncomingMessage): HeaderList {
  const list: HeaderList = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) list.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  return list;
}

/** X-Forwarded-For gets the client address appended; X-Forwarded-Proto/-Port are set by the listener. */
export function withForwardedFor(headers: HeaderList, clientAddress: string, port: number | null): HeaderList {
  const previous = headers.filter(([name]) => /^x-forwarded-for$/i.test(name)).map(([, value]) => value);
  const rest = headers.filter(([name]) => !/^x-forwarded-(for|proto|port)$/i.test(name));
  return [
    ...rest,
    ['X-Forwarded-For', [...previous, clientAddress].join(', ')],
    ['X-Forwarded-Proto', 'https'],
    ...(port === null ? [] : ([['X-Forwarded-Port', String(port)]] as HeaderList)),
  ];
}

export const traceId = (): string => `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

/**
 * Reads and counts the request body; past 1 MB it is drained and dropped (null: the front answers 413), and past
 * 64 MB the connection is cut.
 */
export function readBody(req: IncomingMessage): Promise<number | null> {
  return new Promise((resolve) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_DRAIN_BYTES) {
        resolve(null);
        req.socket.destroy();
      }
    });
    req.on('end', () => resolve(bytes > MAX_BODY_BYTES ? null : bytes));
    req.on('error', () => resolve(null));
  });
}

/** Several headers with one name are folded with ", " as HTTP allows; names keep their case. */
const headerObject = (headers: HeaderList): Record<string, string> => {
  const object: Record<string, string> = {};
  for (const [name, value] of headers) object[name] = name in object ? `${object[name]}, ${value}` : value;
  return object;
};

export interface EchoView {
  endpoint: string;
  emulates: string;
  /** headers exactly as the backend received them */
  headers: HeaderList;
  bodyBytes: number;
  /** extra fields a backend of this kind sees besides headers (API Gateway's request context, the TLS peer of a passthrough) */
  extra?: Record<string, unknown>;
}

export function sendEcho(req: IncomingMessage, res: ServerResponse, view: EchoView, responseHeaders: HeaderList = []): void {
  const body = JSON.stringify(
    {
      endpoint: view.endpoint,
      emulates: view.emulates,
      request: { method: req.method, path: req.url, httpVersion: req.httpVersion },
      headers: headerObject(view.headers),
      bodyBytes: view.bodyBytes,
      ...view.extra,
    },
    null,
    2,
  );
  send(res, 200, [['Content-Type', 'application/json'], ...responseHeaders], `${body}\n`);
}

export function send(res: ServerResponse, status: number, headers: HeaderList, body: string): void {
  res.statusCode = status;
  for (const [name, value] of headers) res.setHeader(name, value);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** The page nginx (and Tengine) answers when ssl_verify_client fails: HTTP 400, then the connection closes. */
export function nginxCertificatePage(res: ServerResponse, reason: 'No required SSL certificate was sent' | 'The SSL certificate error', server: string): void {
  const body = `<html>\r\n<head><title>400 ${reason}</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>${reason}</center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`;
  res.shouldKeepAlive = false;
  send(res, 400, [['Server', server], ['Content-Type', 'text/html'], ['Connection', 'close']], body);
}

export const requestId = (): string => {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** API Gateway's own headers on every response; `x-amz-apigw-id` is a 16-character id ending in `=`. */
export const apiGatewayHeaders = (): HeaderList => [
  ['x-amzn-RequestId', requestId()],
  ['x-amz-apigw-id', `${randomBytes(12).toString('base64').replace(/[+/]/g, 'A').slice(0, 15)}=`],
];

/** API Gateway's answer to a certificate it does not accept. */
export function apiGatewayForbidden(res: ServerResponse): void {
  send(res, 403, [['Content-Type', 'application/json'], ['x-amzn-ErrorType', 'ForbiddenException'], ...apiGatewayHeaders()], '{"message":"Forbidden"}');
}

/** CloudFront's response headers: where the answer came from. */
export function cloudFrontHeaders(): HeaderList {
  const id = randomBytes(42).toString('base64').replace(/[+/=]/g, '_');
  return [
    ['X-Cache', 'Miss from cloudfront'],
    ['Via', `1.1 ${randomBytes(16).toString('hex')}.cloudfront.net (CloudFront)`],
    ['X-Amz-Cf-Pop', 'IAD89-C1'],
    ['X-Amz-Cf-Id', id],
  ];
}
