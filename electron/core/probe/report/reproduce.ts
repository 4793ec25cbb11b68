import { win32 } from 'node:path';
import type { ProbeIdentitySource, ProbeRequest } from '../../../common/dto/probe';
import { redactHeader } from './redact';

/**
 * The same request as `curl` and `openssl s_client` command lines, to paste into a ticket or run elsewhere.
 * Files appear by name only (placeholders for the reader's own paths); passwords only as "$VARIABLE".
 */

export interface ReproduceInput {
  request: ProbeRequest;
  url: URL;
  /** the address the probe used, pinned with --resolve / -connect */
  address: string | null;
  servername: string;
  /** environment variable names the CLI read passwords from, to reference instead of the value */
  passwordEnv?: { key?: string; p12?: string };
  /** our identity has chain certificates: s_client sends them only when told with -cert_chain */
  sendsChain: boolean;
}

/** the file name whatever the platform wrote the path with (win32.basename splits on / and \\) */
const basename = (path: string) => win32.basename(path);
const quote = (value: string): string => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
const hostForUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);

function identityArgs(identity: ProbeIdentitySource | undefined, env: ReproduceInput['passwordEnv'], sendsChain: boolean): { curl: string[]; openssl: string[] } {
  if (!identity) return { curl: [], openssl: [] };
  if (identity.kind === 'pkcs12') {
    const file = basename(identity.path);
    const variable = env?.p12 ?? 'P12_PASSWORD';
    return {
      curl: ['--cert-type', 'P12', '--cert', `"${file.replace(/"/g, '')}:$${variable}"`],
      openssl: ['-cert', quote(file), '-pass', `env:${variable}`, ...(sendsChain ? ['-cert_chain', quote(file)] : [])],
    };
  }
  const cert = identity.kind === 'files' ? basename(identity.certPath) : `${identity.name}.crt`;
  const key = identity.kind === 'files' ? basename(identity.keyPath) : `${identity.name}.key`;
  const encrypted = identity.kind === 'files' && identity.keyPassword !== undefined;
  const variable = env?.key ?? 'KEY_PASSWORD';
  return {
    curl: ['--cert', quote(cert), '--key', quote(key), ...(encrypted ? ['--pass', `"$${variable}"`] : [])],
    openssl: ['-cert', quote(cert), '-key', quote(key), ...(encrypted ? ['-pass', `env:${variable}`] : []), ...(sendsChain ? ['-cert_chain', quote(cert)] : [])],
  };
}

function versionArgs(min: string, max: string): { curl: string[]; openssl: string[] } {
  const curl = [...(min === '1.3' ? ['--tlsv1.3'] : ['--tlsv1.2']), ...(max === '1.2' ? ['--tls-max', '1.2'] : [])];
  const openssl = min === max ? [min === '1.3' ? '-tls1_3' : '-tls1_2'] : max === '1.2' ? ['-no_tls1_3'] : [];
  return { curl, openssl };
}

export function reproduceCommands(input: ReproduceInput): { curl: string; openssl: string } {
  const { request, url, servername } = input;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const method = (request.method ?? 'GET').toUpperCase();
  const headers = (request.headers ?? []).map(([name, value]) => [name, redactHeader(name, value)] as const);
  const identity = identityArgs(request.identity, input.passwordEnv, input.sendsChain);
  const versions = versionArgs(request.tlsMin ?? '1.2', request.tlsMax ?? '1.3');
  const cas = request.caFiles ?? [];
  const address = input.address;

  const curlHost = servername !== host ? servername : host;
  const target = `https://${hostForUrl(curlHost)}${url.port ? `:${url.port}` : ''}${url.pathname}${url.search}`;
  const curl = ['curl', '-v', '--http1.1'];
  if (method !== 'GET' || request.body) curl.push('-X', method);
  if (address && (address !== host || curlHost !== host)) curl.push('--resolve', `${curlHost}:${port}:${address.includes(':') ? `[${address}]` : address}`);
  if (servername !== host) curl.push('-H', quote(`Host: ${url.host}`));
  for (const [name, value] of headers) curl.push('-H', quote(`${name}: ${value}`));
  if (request.body) curl.push('--data-binary', 'file' in request.body ? `@${quote(basename(request.body.file))}` : quote(request.body.text));
  curl.push(...identity.curl);
  for (const ca of cas) curl.push('--cacert', quote(basename(ca)));
  if (request.insecure) curl.push('--insecure');
  curl.push(...versions.curl);
  curl.push('--max-time', String(Math.ceil((request.timeoutMs ?? 10_000) / 1000)));
  curl.push(quote(target));

  const connect = `${address ? (address.includes(':') ? `[${address}]` : address) : hostForUrl(host)}:${port}`;
  const s = ['openssl', 's_client', '-connect', connect, ...(/^[\d.]+$|:/.test(servername) ? [] : ['-servername', quote(servername)])];
  s.push(...identity.openssl);
  for (const ca of cas.slice(0, 1)) s.push('-CAfile', quote(basename(ca)));
  s.push(...versions.openssl, '-showcerts', '-nameopt', 'RFC2253', '-ign_eof');
  const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, ...headers.map(([name, value]) => `${name}: ${value}`), 'Connection: close', '', ''];
  const printf = `printf ${quote(lines.join('\\r\\n').replace(/%/g, '%%'))}`;
  return { curl: curl.join(' '), openssl: `${printf} | ${s.join(' ')}` };
}
