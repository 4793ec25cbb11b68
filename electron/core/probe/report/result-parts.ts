import type { ProbeCertificate, ProbeHttp, ProbeIdentitySummary, ProbeTls } from '../../../common/dto/probe';
import type { ParsedCertificate } from '../../pki/certificate';
import { parseWireCertificate } from '../certificate-cache';
import { bodyPreview } from '../attempt/http-exchange';
import type { AttemptRecord } from '../attempt/run-attempt';
import type { Observation } from '../diagnose/observation';
import type { LoadedIdentity } from '../identity/load-identity';
import { REDACTED } from './redact';
import { cipherSuiteName } from '../tls/registry';

/** DTO pieces of a result, from the attempt's raw facts. */

export function certificateDto(cert: ParsedCertificate): ProbeCertificate {
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    sha256: cert.sha256,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    serialNumber: cert.serialNumber,
    subjectAltNames: cert.extensions.subjectAltNames,
    selfSigned: cert.selfSigned,
    isCA: cert.extensions.basicConstraints?.ca === true,
  };
}

function certificatesFrom(ders: Uint8Array[], what: string): ProbeCertificate[] {
  const out: ProbeCertificate[] = [];
  for (const der of ders) {
    try {
      out.push(certificateDto(parseWireCertificate(der, what)));
    } catch {
      // a malformed certificate from the server is shown by count only; it cannot be described
    }
  }
  return out;
}

const VERSION_NAMES: Record<number, string> = { 0x0304: 'TLSv1.3', 0x0303: 'TLSv1.2', 0x0302: 'TLSv1.1', 0x0301: 'TLSv1' };
const ms = (value: number) => Math.round(value * 1000) / 1000;

export function tlsDto(attempt: AttemptRecord, obs: Observation, trust: string, insecure: boolean): ProbeTls {
  const facts = attempt.trace?.tls ?? null;
  const wire = attempt.wire;
  const request = wire?.certificateRequest ?? null;
  const serverDer = wire?.serverCertificates ?? facts?.peerChain ?? [];
  return {
    protocol: facts?.protocol ?? (wire?.version ? (VERSION_NAMES[wire.version] ?? null) : null),
    cipher: facts?.cipher ?? (wire?.cipherSuite != null ? cipherSuiteName(wire.cipherSuite) : null),
    alpn: facts?.alpn ?? null,
    sessionReused: facts?.sessionReused ?? false,
    serverCertificates: certificatesFrom(serverDer, 'a server certificate'),
    serverTrusted: facts !== null && facts.chainTrusted && facts.nameMatches,
    serverVerification: {
      chainTrusted: facts?.chainTrusted ?? false,
      nameMatches: facts?.nameMatches ?? false,
      error: facts?.verifyError ?? facts?.nameError ?? null,
      trust,
      skipped: insecure,
      checked: facts !== null,
    },
    certificateRequest:
      obs.requested === null
        ? null
        : {
            requested: obs.requested,
            acceptableCAs: obs.cas.map((ca) => ca.dn),
            signatureAlgorithms: request?.signatureAlgorithms ?? [],
            certificateTypes: request?.certificateTypes ?? [],
          },
    clientCertificatesSent: (obs.sent ?? []).map((cert) => cert.sha256),
    alert: obs.alert,
    messages: (wire?.messages ?? []).map((message) => ({ ...message, atMs: ms(message.atMs) })),
  };
}

export function httpDto(attempt: AttemptRecord): ProbeHttp | null {
  const response = attempt.response;
  if (!response) return null;
  const headers = { ...response.headers };
  if (headers['set-cookie'] !== undefined) headers['set-cookie'] = REDACTED;
  return {
    status: response.status,
    statusText: response.statusText,
    headers,
    bodyBytes: response.bodyBytes,
    bodyTruncated: response.truncated,
    bodyPreview: bodyPreview(response.head, response.bodyBytes),
  };
}

export function identityDto(identity: LoadedIdentity | null): ProbeIdentitySummary | null {
  if (!identity) return null;
  const chain = [identity.leaf, ...identity.chain].map(certificateDto);
  const { subject, issuer, sha256, notBefore, notAfter } = chain[0]!;
  return { source: identity.source, subject, issuer, sha256, notBefore, notAfter, chain };
}
