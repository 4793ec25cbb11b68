import type { ChannelArgs } from '../../../../../electron/common/ipc/contract';

/** The request as the Test console's form holds it; passwords live only in the form, never in history or collections. */

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type Method = (typeof METHODS)[number];
export const TARGETS = ['auto', 'alb', 'apigw', 'cloudfront', 'clb', 'generic'] as const;
export type TargetChoice = (typeof TARGETS)[number];

export type IdentityChoice =
  /** the identity the vault's host rules pick for the URL (none when no rule matches) */
  | { kind: 'auto' }
  | { kind: 'none' }
  | { kind: 'vault'; name: string }
  /** paths from the native open dialog: a .p12/.pfx, or certificate (+ chain) and key files */
  | { kind: 'files'; paths: string[] };

export interface ConsoleRequest {
  method: Method;
  url: string;
  identity: IdentityChoice;
  target: TargetChoice;
  caFiles: string[];
  servername: string;
  /** one HOST:PORT:ADDR[,ADDR] per line, like curl's --resolve */
  resolve: string;
  tlsMin: '' | '1.2' | '1.3';
  tlsMax: '' | '1.2' | '1.3';
  /** one "Name: value" per line */
  headers: string;
  body: string;
  timeoutMs: number;
  insecure: boolean;
  repeat: { enabled: boolean; count: number; concurrency: number };
}

export const emptyRequest = (): ConsoleRequest => ({
  method: 'GET',
  url: '',
  identity: { kind: 'auto' },
  target: 'auto',
  caFiles: [],
  servername: '',
  resolve: '',
  tlsMin: '',
  tlsMax: '',
  headers: '',
  body: '',
  timeoutMs: 10_000,
  insecure: false,
  repeat: { enabled: false, count: 50, concurrency: 5 },
});

export type ProbeRequestArgs = ChannelArgs<'studio:probe.run'>[1];

/** A problem in what was typed: the i18n key under probe.form.problems and the offending line. */
export interface FormProblem {
  key: 'url' | 'header' | 'resolve' | 'identityFiles';
  line?: string;
}

const isP12 = (path: string) => /\.(p12|pfx)$/i.test(path);
const isKey = (path: string) => /\.key$/i.test(path) || /(^|[\\/._-])key[^\\/]*\.pem$/i.test(path);

/** files → identity source: one .p12/.pfx, or a certificate file (may hold the chain) and a key file */
export function identityFromFiles(
  paths: string[],
  password: string,
): ProbeRequestArgs['identity'] | FormProblem {
  const p12 = paths.find(isP12);
  if (p12 && paths.length === 1) return { kind: 'pkcs12', path: p12, ...(password ? { password } : {}) };
  if (paths.length === 1)
    return {
      kind: 'files',
      certPath: paths[0]!,
      keyPath: paths[0]!,
      ...(password ? { keyPassword: password } : {}),
    };
  const key = paths.find(isKey);
  const cert = paths.find((path) => path !== key && !isP12(path));
  if (paths.length === 2 && key && cert)
    return { kind: 'files', certPath: cert, keyPath: key, ...(password ? { keyPassword: password } : {}) };
  return { key: 'identityFiles' };
}

function parseHeaders(text: string): [string, string][] | FormProblem {
  const out: [string, string][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon < 1) return { key: 'header', line };
    out.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return out;
}

function parseResolve(text: string): NonNullable<ProbeRequestArgs['resolve']> | FormProblem {
  const out: NonNullable<ProbeRequestArgs['resolve']> = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    // HOST:PORT:ADDR[,ADDR…]; IPv6 addresses may be in brackets
    const match = /^([^:\s]+):(\d{1,5}):(.+)$/.exec(line);
    const addresses =
      match?.[3]!
        .split(',')
        .map((a) => a.trim().replace(/^\[(.*)\]$/, '$1'))
        .filter(Boolean) ?? [];
    if (!match || addresses.length === 0 || Number(match[2]) < 1 || Number(match[2]) > 65_535)
      return { key: 'resolve', line };
    out.push({ host: match[1]!, port: Number(match[2]), addresses });
  }
  return out;
}

const isProblem = (value: unknown): value is FormProblem =>
  typeof value === 'object' && value !== null && 'key' in value;

/**
 * The IPC request for a form: `auto` identity resolves to the vault identity the host rules chose (passed in),
 * file identities take the password typed next to them. Returns the first problem instead when a field is malformed.
 */
export function toProbeRequest(
  form: ConsoleRequest,
  options: { autoIdentity: string | null; filesPassword: string },
): ProbeRequestArgs | FormProblem {
  const url = form.url.trim();
  if (!/^https:\/\/\S+$/i.test(url)) return { key: 'url' };
  const headers = parseHeaders(form.headers);
  if (isProblem(headers)) return headers;
  const resolve = parseResolve(form.resolve);
  if (isProblem(resolve)) return resolve;
  let identity: ProbeRequestArgs['identity'];
  if (form.identity.kind === 'vault') identity = { kind: 'vault', name: form.identity.name };
  else if (form.identity.kind === 'auto' && options.autoIdentity)
    identity = { kind: 'vault', name: options.autoIdentity };
  else if (form.identity.kind === 'files') {
    const fromFiles = identityFromFiles(form.identity.paths, options.filesPassword);
    if (isProblem(fromFiles)) return fromFiles;
    identity = fromFiles;
  }
  const request: ProbeRequestArgs = {
    url,
    method: form.method,
    target: form.target,
    timeoutMs: form.timeoutMs,
  };
  if (identity) request.identity = identity;
  if (headers.length) request.headers = headers;
  if (form.body && !['GET', 'HEAD'].includes(form.method)) request.body = { text: form.body };
  if (form.caFiles.length) request.caFiles = form.caFiles;
  if (form.servername.trim()) request.servername = form.servername.trim();
  if (resolve.length) request.resolve = resolve;
  if (form.tlsMin) request.tlsMin = form.tlsMin;
  if (form.tlsMax) request.tlsMax = form.tlsMax;
  if (form.insecure) request.insecure = true;
  if (form.repeat.enabled)
    request.repeat = {
      count: form.repeat.count,
      concurrency: Math.min(form.repeat.concurrency, form.repeat.count),
    };
  return request;
}

export { isProblem };
