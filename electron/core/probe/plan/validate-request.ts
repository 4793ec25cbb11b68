import { isIP } from 'node:net';
import { StudioError } from '../../../common/errors';
import type { ProbeRequest, ProbeResolveEntry } from '../../../common/dto/probe';

/** Checks a ProbeRequest before anything is read or sent; every problem is an INVALID_ARGUMENT naming the field. */

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const MAX_TIMEOUT_MS = 600_000;
const MAX_REPEAT = 10_000;
const MAX_CONCURRENCY = 256;

const invalid = (message: string, hint: string, params: Record<string, string | number> = {}) => new StudioError('INVALID_ARGUMENT', message, { hint, params });

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function parseProbeUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`'${text}' is not a URL`, 'Give the full URL, for example https://api.example.com/health.', { url: text });
  }
  if (url.protocol !== 'https:') {
    throw invalid(`'${text}' is not an https:// URL`, 'The probe tests TLS: use https:// (a plaintext http:// service has no certificates to test).', { url: text });
  }
  if (url.username || url.password) {
    throw invalid('the URL carries a user name or password', 'Send credentials in a header (-H "Authorization: …") instead of the URL, so they are not shown in reports.');
  }
  return url;
}

export function validateHeaders(headers: [string, string][]): void {
  for (const [name, value] of headers) {
    if (!TOKEN.test(name)) throw invalid(`'${name}' is not a valid header name`, 'Header names are letters, digits and !#$%&\'*+-.^_`|~, written as -H "Name: value".', { header: name });
    if (/[\r\n\0]/.test(value)) throw invalid(`the value of header '${name}' contains a line break`, 'Give each header on its own -H option.', { header: name });
  }
}

export function validateMethod(method: string): string {
  if (!TOKEN.test(method)) throw invalid(`'${method}' is not an HTTP method`, 'Use GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.', { method });
  const upper = method.toUpperCase();
  if (upper === 'CONNECT') throw invalid('CONNECT is not supported', 'Probe the target directly.');
  return upper;
}

export function validateResolve(entries: ProbeResolveEntry[]): void {
  for (const entry of entries) {
    if (!entry.host || !Number.isInteger(entry.port) || entry.port < 1 || entry.port > 65535) {
      throw invalid(`'${entry.host}:${entry.port}' is not a HOST:PORT for --resolve`, 'Write --resolve HOST:PORT:ADDRESS, for example api.example.com:443:203.0.113.7.');
    }
    if (entry.addresses.length === 0) throw invalid(`--resolve ${entry.host}:${entry.port} has no address`, 'Write --resolve HOST:PORT:ADDRESS[,ADDRESS…].');
    for (const address of entry.addresses) {
      if (!isIP(address.replace(/^\[|\]$/g, ''))) throw invalid(`'${address}' in --resolve is not an IP address`, 'Give IPv4 (203.0.113.7) or IPv6 ([2001:db8::7]) addresses.', { address });
    }
  }
}

export function validateNumbers(request: ProbeRequest): { timeoutMs: number; maxBodyBytes: number } {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) throw invalid(`timeout ${timeoutMs} is out of range`, `Give a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}.`);
  const maxBodyBytes = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) throw invalid(`body size cap ${maxBodyBytes} is not a byte count`, 'Give a whole number of bytes (0 or more).');
  if (request.repeat) {
    const { count, concurrency } = request.repeat;
    if (!Number.isInteger(count) || count < 1 || count > MAX_REPEAT) throw invalid(`repeat count ${count} is out of range`, `Repeat 1 to ${MAX_REPEAT} times.`);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) throw invalid(`concurrency ${concurrency} is out of range`, `Use 1 to ${MAX_CONCURRENCY} requests at once.`);
  }
  if (request.tlsMin === '1.3' && request.tlsMax === '1.2') throw invalid('the minimum TLS version is above the maximum', 'Give --tls-min 1.2 --tls-max 1.3, or the same version twice.');
  return { timeoutMs, maxBodyBytes };
}
