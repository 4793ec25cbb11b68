import { StudioError } from '../../../common/errors';

/**
 * The headers a backend received, from whatever the user pastes: raw `Name: value` lines (a request dump, curl -v
 * output with its `> `/`< ` marks, folded continuation lines), or a JSON object — flat, an echo backend's
 * `{"headers": {...}}`, or a Lambda/API Gateway event (its `requestContext.identity.clientCert` is kept too).
 */

export interface ReceivedHeader {
  name: string;
  value: string;
}

export interface ReceivedHeaders {
  headers: ReceivedHeader[];
  /** API Gateway's $context.identity.clientCert, when the input was an event or held one */
  apigwClientCert: Record<string, unknown> | null;
}

const MAX_INPUT_CHARS = 1_048_576;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s?(.*)$/;
const START_LINE = /^(?:[A-Z]+ \S+ HTTP\/\d(?:\.\d)?|HTTP\/\d(?:\.\d)? \d{3}.*)$/;

const unreadable = (reason: string) =>
  new StudioError('INVALID_ARGUMENT', `cannot read the headers: ${reason}`, {
    hint: 'Paste the headers the backend received, one "Name: value" per line, or a JSON object of them (an echo backend’s body).',
  });

export function readReceivedHeaders(text: string): ReceivedHeaders {
  if (text.length > MAX_INPUT_CHARS) throw unreadable(`the input is larger than ${MAX_INPUT_CHARS} characters`);
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw unreadable('the input is empty');
  const result = trimmed.startsWith('{') ? fromJson(trimmed) : fromLines(trimmed);
  if (result.headers.length === 0 && !result.apigwClientCert) throw unreadable('no "Name: value" line and no header object was found');
  return result;
}

function fromLines(text: string): ReceivedHeaders {
  const headers: ReceivedHeader[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^[<>] ?/, '');
    if (line.trim() === '' || START_LINE.test(line.trim())) continue;
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      // obsolete line folding: the value goes on
      last.value += ` ${line.trim()}`;
      continue;
    }
    const match = line.match(HEADER_LINE);
    if (match) headers.push({ name: match[1]!, value: match[2]!.trim() });
  }
  return { headers, apigwClientCert: null };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function fromJson(text: string): ReceivedHeaders {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw unreadable(`the text starts like JSON but is not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(parsed)) throw unreadable('the JSON is not an object');
  const source = isObject(parsed.headers) ? parsed.headers : parsed;
  const headers: ReceivedHeader[] = [];
  for (const [name, value] of Object.entries(source)) {
    if (typeof value === 'string') headers.push({ name, value });
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) headers.push({ name, value: value.join(', ') });
  }
  return { headers, apigwClientCert: findClientCert(parsed) };
}

/** `requestContext.identity.clientCert` (REST API event), `requestContext.authentication.clientCert` (HTTP API), or a bare `clientCert` */
function findClientCert(root: Json): Record<string, unknown> | null {
  const context = isObject(root.requestContext) ? root.requestContext : null;
  const candidates = [context && isObject(context.identity) ? context.identity.clientCert : null, context && isObject(context.authentication) ? context.authentication.clientCert : null, root.clientCert];
  const found = candidates.find((candidate) => isObject(candidate) && typeof candidate.clientCertPem === 'string');
  return (found as Record<string, unknown> | undefined) ?? null;
}
