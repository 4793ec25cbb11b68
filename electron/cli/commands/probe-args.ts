import { StudioError } from '../../common/errors';
import type { ProbeIdentitySource, ProbeRequest, ProbeResolveEntry, ProbeTarget, TlsVersionOption } from '../../common/dto/probe';
import { parseCommandArgs, requireOne } from '../args';
import { passwordFrom } from '../secrets';

/** `mtls-studio probe` arguments → a ProbeRequest (the same DTO the Test console sends over IPC). */

export const PROBE_USAGE =
  "mtls-studio probe URL [--identity NAME | --cert F --key F [--key-password-env VAR] | --p12 F [--password-env VAR]] [--ca F]... [--servername NAME] [--resolve HOST:PORT:ADDR]... [--all-addresses] [--tls-min 1.2|1.3] [--tls-max 1.2|1.3] [--target auto|alb|apigw|cloudfront|clb|generic] [-X METHOD] [-H 'Name: value']... [--data TEXT|@FILE] [--timeout MS] [--repeat N [--concurrency C]] [--insecure] [--report FILE.md] [--json]";

const OPTIONS = {
  identity: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'key-password-env': { type: 'string' },
  p12: { type: 'string' },
  'password-env': { type: 'string' },
  ca: { type: 'string', multiple: true },
  servername: { type: 'string' },
  resolve: { type: 'string', multiple: true },
  'all-addresses': { type: 'boolean' },
  'tls-min': { type: 'string' },
  'tls-max': { type: 'string' },
  target: { type: 'string' },
  request: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string' },
  timeout: { type: 'string' },
  repeat: { type: 'string' },
  concurrency: { type: 'string' },
  insecure: { type: 'boolean' },
  report: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const TARGETS: readonly ProbeTarget[] = ['auto', 'alb', 'apigw', 'cloudfront', 'clb', 'generic'];
const VERSIONS: readonly TlsVersionOption[] = ['1.2', '1.3'];

const usage = (message: string) => new StudioError('USAGE', message, { hint: PROBE_USAGE });

function wholeNumber(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw usage(`${flag} must be a whole number from ${min} to ${max} (got '${value}')`);
  return Number(value);
}

/** curl's --resolve: HOST:PORT:ADDR[,ADDR…], IPv6 in brackets. */
export function parseResolve(text: string): ProbeResolveEntry {
  const match = /^(\[[^\]]+\]|[^:]+):(\d+):(.+)$/.exec(text);
  if (!match) throw usage(`--resolve '${text}' is not HOST:PORT:ADDRESS`);
  const addresses = match[3]!.split(',').map((address) => address.trim().replace(/^\[|\]$/g, ''));
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port: Number(match[2]), addresses };
}

export function parseHeader(text: string): [string, string] {
  const colon = text.indexOf(':');
  if (colon <= 0) throw usage(`-H '${text}' is not 'Name: value'`);
  return [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
}

function identityFrom(values: ReturnType<typeof parse>['values']): { identity?: ProbeIdentitySource; passwordEnv: { key?: string; p12?: string } } {
  const chosen = [values.identity !== undefined, values.cert !== undefined || values.key !== undefined, values.p12 !== undefined].filter(Boolean).length;
  if (chosen > 1) throw usage('give one identity: --identity NAME, or --cert/--key, or --p12');
  if (values['key-password-env'] !== undefined && values.cert === undefined && values.key === undefined) throw usage('--key-password-env goes with --cert/--key');
  if (values['password-env'] !== undefined && values.p12 === undefined) throw usage('--password-env goes with --p12');
  if (values.identity !== undefined) return { identity: { kind: 'vault', name: values.identity }, passwordEnv: {} };
  if (values.p12 !== undefined) {
    const password = passwordFrom({ env: values['password-env'] }, 'PKCS#12 password');
    return { identity: { kind: 'pkcs12', path: values.p12, ...(password === undefined ? {} : { password }) }, passwordEnv: values['password-env'] ? { p12: values['password-env'] } : {} };
  }
  if (values.key !== undefined && values.cert === undefined) throw usage('--key needs --cert');
  if (values.cert !== undefined) {
    const keyPassword = passwordFrom({ env: values['key-password-env'] }, 'key password');
    const identity: ProbeIdentitySource = { kind: 'files', certPath: values.cert, keyPath: values.key ?? values.cert, ...(keyPassword === undefined ? {} : { keyPassword }) };
    return { identity, passwordEnv: values['key-password-env'] ? { key: values['key-password-env'] } : {} };
  }
  return { passwordEnv: {} };
}

const parse = (argv: string[]) => parseCommandArgs(argv, OPTIONS, PROBE_USAGE);

export interface ProbeInvocation {
  request: ProbeRequest;
  passwordEnv: { key?: string; p12?: string };
  reportPath: string | undefined;
  /** the identity needs a password that was not given (asked for on a terminal) */
  promptFor: 'key' | 'p12' | null;
}

export function parseProbeArgs(argv: string[]): ProbeInvocation {
  const { values, positionals } = parse(argv);
  if (positionals.length !== 1) throw usage(positionals.length === 0 ? 'no URL given' : `one URL at a time (got ${positionals.length})`);
  const { identity, passwordEnv } = identityFrom(values);
  const repeatCount = wholeNumber(values.repeat, '--repeat', 1, 10_000);
  const concurrency = wholeNumber(values.concurrency, '--concurrency', 1, 256);
  if (concurrency !== undefined && repeatCount === undefined) throw usage('--concurrency goes with --repeat');
  const timeoutMs = wholeNumber(values.timeout, '--timeout', 1, 600_000);
  const data = values.data;
  const request: ProbeRequest = {
    url: positionals[0]!,
    ...(values.request !== undefined ? { method: values.request } : data !== undefined ? { method: 'POST' } : {}),
    headers: (values.header ?? []).map(parseHeader),
    ...(data !== undefined ? { body: data.startsWith('@') ? { file: data.slice(1) } : { text: data } } : {}),
    ...(identity ? { identity } : {}),
    caFiles: values.ca ?? [],
    ...(values.servername !== undefined ? { servername: values.servername } : {}),
    resolve: (values.resolve ?? []).map(parseResolve),
    allAddresses: values['all-addresses'] === true,
    ...(values['tls-min'] !== undefined ? { tlsMin: requireOne(values['tls-min'], VERSIONS, '--tls-min', PROBE_USAGE) } : {}),
    ...(values['tls-max'] !== undefined ? { tlsMax: requireOne(values['tls-max'], VERSIONS, '--tls-max', PROBE_USAGE) } : {}),
    target: values.target !== undefined ? requireOne(values.target, TARGETS, '--target', PROBE_USAGE) : 'auto',
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(repeatCount !== undefined ? { repeat: { count: repeatCount, concurrency: concurrency ?? 1 } } : {}),
    insecure: values.insecure === true,
  };
  const promptFor = identity?.kind === 'pkcs12' && identity.password === undefined ? 'p12' : identity?.kind === 'files' && identity.keyPassword === undefined ? 'key' : null;
  return { request, passwordEnv, reportPath: values.report, promptFor };
}
