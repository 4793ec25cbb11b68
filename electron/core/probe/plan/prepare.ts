import { basename } from 'node:path';
import * as tls from 'node:tls';
import { readFile, stat } from 'node:fs/promises';
import { StudioError } from '../../../common/errors';
import type { ProbeRequest } from '../../../common/dto/probe';
import type { TlsSettings } from '../connection/connect-tls';
import { loadTrust, type TrustAnchors } from '../connection/trust';
import { identityFacts, type IdentityFacts } from '../identity/identity-facts';
import { loadIdentity, type LoadedIdentity, type VaultIdentityProvider } from '../identity/load-identity';
import type { HttpPlan } from '../attempt/probe-client';
import { parseProbeUrl, validateHeaders, validateMethod, validateNumbers, validateResolve } from './validate-request';

/** Everything a run needs, read and checked once: URL parts, body, identity, trust, one shared TLS context. */

export interface PreparedProbe {
  request: ProbeRequest;
  url: URL;
  host: string;
  port: number;
  servername: string;
  http: HttpPlan;
  identity: LoadedIdentity | null;
  facts: IdentityFacts | null;
  trust: TrustAnchors;
  tlsMin: '1.2' | '1.3';
  tlsMax: '1.2' | '1.3';
  /** a TLS settings object per run (its session cache is per run) */
  tlsSettings(sessions: Map<string, Buffer> | null): TlsSettings;
}

const MAX_BODY_FILE_BYTES = 10 * 1024 * 1024;
const version = (v: '1.2' | '1.3'): tls.SecureVersion => (v === '1.3' ? 'TLSv1.3' : 'TLSv1.2');
/** OpenSSL refuses to load MD5-signed or small-key identities at its default level; the probe still lets the server judge them. */
const WEAK_IDENTITY = new Set(['ERR_SSL_CA_MD_TOO_WEAK', 'ERR_SSL_EE_KEY_TOO_SMALL', 'ERR_SSL_CA_KEY_TOO_SMALL']);

async function loadBody(body: ProbeRequest['body']): Promise<Buffer | null> {
  if (!body) return null;
  if ('text' in body) return Buffer.from(body.text, 'utf8');
  const name = basename(body.file);
  let size: number;
  try {
    size = (await stat(body.file)).size;
  } catch {
    throw new StudioError('FILE_NOT_FOUND', `cannot read the body file '${name}': no such file`, { hint: 'Check the path after --data @.', params: { file: name } });
  }
  if (size > MAX_BODY_FILE_BYTES) {
    throw new StudioError('FILE_TOO_LARGE', `the body file '${name}' is larger than 10 MB`, { hint: 'The probe is for testing connections: send a smaller body.', params: { file: name } });
  }
  return readFile(body.file);
}

function secureContext(trust: TrustAnchors, identity: LoadedIdentity | null, min: '1.2' | '1.3', max: '1.2' | '1.3'): tls.SecureContext {
  const options: tls.SecureContextOptions = {
    ca: trust.pems,
    minVersion: version(min),
    maxVersion: version(max),
    ...(identity?.tls ? { cert: identity.tls.cert, key: identity.tls.key } : {}),
  };
  try {
    return tls.createSecureContext(options);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (WEAK_IDENTITY.has(code)) return tls.createSecureContext({ ...options, ciphers: 'DEFAULT:@SECLEVEL=0' });
    throw new StudioError('INVALID_ARGUMENT', `the TLS library refused the client identity (${code || 'unknown reason'})`, {
      hint: 'Inspect the identity files with `mtls-studio inspect` to see what is wrong with them.',
      cause: error,
    });
  }
}

export async function prepareProbe(request: ProbeRequest, vault: VaultIdentityProvider | null, now: Date): Promise<PreparedProbe> {
  const url = parseProbeUrl(request.url);
  const method = validateMethod(request.method ?? 'GET');
  const headers = request.headers ?? [];
  validateHeaders(headers);
  validateResolve(request.resolve ?? []);
  const { timeoutMs, maxBodyBytes } = validateNumbers(request);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const servername = request.servername ?? host;
  const body = await loadBody(request.body);
  const identity = request.identity ? await loadIdentity(request.identity, vault) : null;
  const trust = await loadTrust(request.caFiles ?? [], request.systemRoots ?? (request.caFiles ?? []).length === 0);
  const tlsMin = request.tlsMin ?? '1.2';
  const tlsMax = request.tlsMax ?? '1.3';
  const context = secureContext(trust, identity, tlsMin, tlsMax);
  const sniIsIp = /^[\d.]+$/.test(servername) || servername.includes(':');
  return {
    request,
    url,
    host,
    port,
    servername,
    http: { origin: url.origin, path: `${url.pathname}${url.search}`, method, headers, body, timeoutMs, maxBodyBytes },
    identity,
    facts: identity ? identityFacts(identity, now) : null,
    trust,
    tlsMin,
    tlsMax,
    tlsSettings: (sessions) => ({
      secureContext: context,
      sni: sniIsIp ? null : servername,
      verifyName: servername,
      minVersion: version(tlsMin),
      maxVersion: version(tlsMax),
      insecure: request.insecure === true,
      sessions,
    }),
  };
}
