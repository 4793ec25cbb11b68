import type { Dispatcher } from 'undici';

/** Reads a response: status, headers, and the body up to a cap (the rest is not read; the connection is dropped). */

export interface ResponseFacts {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  bodyBytes: number;
  truncated: boolean;
  /** the first bytes kept for the preview and for error-page detection */
  head: Buffer;
  headersAtMs: number;
  endAtMs: number;
}

const PREVIEW_BYTES = 2048;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout',
  421: 'Misdirected Request', 429: 'Too Many Requests', 495: 'SSL Certificate Error', 496: 'SSL Certificate Required',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}

export async function readResponse(response: Dispatcher.ResponseData, maxBodyBytes: number, clock: () => number): Promise<ResponseFacts> {
  const headersAtMs = clock();
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let bodyBytes = 0;
  let truncated = false;
  const body = response.body;
  // events rather than `for await`: an async iterator per response is a measurable share of a keep-alive repeat run
  await new Promise<void>((resolve, reject) => {
    body.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
      if (keptBytes < PREVIEW_BYTES) {
        kept.push(chunk.subarray(0, PREVIEW_BYTES - keptBytes));
        keptBytes += Math.min(chunk.length, PREVIEW_BYTES - keptBytes);
      }
      if (bodyBytes > maxBodyBytes && !truncated) {
        truncated = true;
        body.destroy();
        resolve();
      }
    });
    body.once('end', resolve);
    body.once('error', reject);
    // a body destroyed from elsewhere (cancel) ends without 'end'; an error has already rejected by then
    body.once('close', resolve);
  });
  return {
    status: response.statusCode,
    statusText: STATUS_TEXT[response.statusCode] ?? '',
    headers: flattenHeaders(response.headers),
    bodyBytes,
    truncated,
    head: Buffer.concat(kept),
    headersAtMs,
    endAtMs: clock(),
  };
}

/** Text for people: UTF-8 when it decodes cleanly and is mostly printable, else a byte count. */
export function bodyPreview(head: Buffer, bodyBytes: number): string {
  if (head.length === 0) return '';
  let text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  // the preview may cut a multi-byte character in half
  if (head.length < bodyBytes) text = text.replace(/\uFFFD{1,3}$/, '');
  const controls = [...text].filter((c) => c < ' ' && c !== '\n' && c !== '\r' && c !== '\t').length;
  if (text.includes('\uFFFD') || controls > text.length / 20) return `<${bodyBytes} bytes of binary data>`;
  return text;
}
