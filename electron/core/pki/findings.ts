import type { FileSummary, Finding, FindingCode, Severity } from '../../common/dto/inspect';
import { basename } from 'node:path';
import { parseCertificate, type ParsedCertificate } from './certificate';
import type { CertificateGraph } from './chains';
import { describePublicKey } from './keys';
import { isWeakSignature, signatureAlgorithmName } from './signature-names';

/**
 * The problems inspect reports, each with a stable code, an English message + hint, and params for the
 * renderer's translations. Never secrets.
 */

const DAY_MS = 86_400_000;
export const EXPIRES_SOON_DAYS = 30;
const MIN_RSA_BITS = 2048;

const who = (cert: ParsedCertificate): string => `'${cert.commonName ?? cert.subject}'`;
const day = (date: Date): string => date.toISOString().slice(0, 10);
const isCA = (cert: ParsedCertificate): boolean => cert.extensions.basicConstraints?.ca === true;

function finding(code: FindingCode, severity: Severity, message: string, hint: string, cert: ParsedCertificate | null, params: Record<string, string | number> = {}): Finding {
  return {
    code,
    severity,
    message,
    hint,
    certificateSha256: cert?.sha256 ?? null,
    params: { ...(cert ? { name: cert.commonName ?? cert.subject } : {}), ...params },
  };
}

function validity(cert: ParsedCertificate, now: Date): Finding[] {
  if (now.getTime() > cert.notAfter.getTime()) {
    return [finding('CERT_EXPIRED', 'error', `${who(cert)} expired on ${day(cert.notAfter)}`, 'Ask the issuer for a renewed certificate; servers reject expired ones.', cert, { date: cert.notAfter.toISOString() })];
  }
  if (now.getTime() < cert.notBefore.getTime()) {
    return [finding('CERT_NOT_YET_VALID', 'error', `${who(cert)} is not valid before ${day(cert.notBefore)}`, "Wait until then, or check this computer's clock and the issuer's.", cert, { date: cert.notBefore.toISOString() })];
  }
  const days = Math.floor((cert.notAfter.getTime() - now.getTime()) / DAY_MS);
  if (days <= EXPIRES_SOON_DAYS) {
    return [finding('CERT_EXPIRES_SOON', 'warning', `${who(cert)} expires in ${days} day${days === 1 ? '' : 's'} (${day(cert.notAfter)})`, 'Request a renewal now so the new certificate can be installed in time.', cert, { days, date: cert.notAfter.toISOString() })];
  }
  return [];
}

function weakKey(cert: ParsedCertificate): Finding[] {
  const key = describePublicKey(cert.spki);
  if ((key.algorithm !== 'RSA' && key.algorithm !== 'DSA') || key.bits === null || key.bits >= MIN_RSA_BITS) return [];
  return [finding('WEAK_KEY', 'error', `${who(cert)} has a ${key.bits}-bit ${key.algorithm} key`, 'Keys under 2048 bits are rejected by API Gateway, CloudFront and current TLS libraries: issue a new certificate with RSA 2048+ or ECDSA P-256.', cert, { algorithm: key.algorithm, bits: key.bits })];
}

/**
 * MD5/SHA-1 signatures. A self-signed root's own signature is never checked by browsers or TLS stacks
 * (the root is trusted as a key, not by its signature), but API Gateway and CloudFront trust stores reject
 * CA certificates signed with weak algorithms — so on self-signed roots it is a warning, on every other
 * certificate (whose signature is verified during the handshake) an error.
 */
function weakSignature(cert: ParsedCertificate): Finding[] {
  if (!isWeakSignature(cert.signatureAlgorithm)) return [];
  const root = cert.selfSigned && isCA(cert);
  const algorithm = signatureAlgorithmName(cert.signatureAlgorithm);
  return [
    finding(
      'WEAK_SIGNATURE',
      root ? 'warning' : 'error',
      `${who(cert)} is signed with ${algorithm}`,
      root
        ? 'Clients ignore a root’s own signature, but AWS trust stores (API Gateway, CloudFront) reject it: prefer a root signed with SHA-256.'
        : 'MD5 and SHA-1 signatures are rejected by current servers and AWS trust stores: have it re-issued with SHA-256.',
      cert,
      { algorithm },
    ),
  ];
}

const usableForClientAuth = (cert: ParsedCertificate): boolean => {
  const eku = cert.extensions.extendedKeyUsage;
  return eku === null || eku.includes('clientAuth') || eku.includes('anyExtendedKeyUsage');
};

function leafFindings(cert: ParsedCertificate): Finding[] {
  if (isCA(cert)) return [];
  const found: Finding[] = [];
  if (!usableForClientAuth(cert)) {
    const eku = cert.extensions.extendedKeyUsage!.join(', ');
    found.push(finding('NO_CLIENT_AUTH_EKU', 'warning', `${who(cert)} is not allowed for client authentication (extended key usage: ${eku})`, "Servers answer 'unsupported certificate purpose': request a certificate whose extended key usage includes clientAuth.", cert, { eku }));
  } else if (cert.selfSigned) {
    found.push(finding('SELF_SIGNED_LEAF', 'warning', `${who(cert)} is self-signed`, 'A server accepts it only if this exact certificate is in its trust store; API Gateway rejects self-signed client certificates. Prefer one issued by a CA.', cert));
  }
  return found;
}

function chainIncomplete(graph: CertificateGraph): Finding[] {
  return graph.chains
    .filter((path) => !isCA(path[0]!) && !path[path.length - 1]!.selfSigned)
    .map((path) => {
      const top = path[path.length - 1]!;
      return finding('CHAIN_INCOMPLETE', 'warning', `the issuer of ${who(top)} (${top.issuer}) is not in the input`, 'Add the intermediate CA certificate(s), usually a chain or bundle file from the issuer; servers that only trust the root need them.', path[0]!, { issuer: top.issuer });
    });
}

/** Within one PEM file: an issuer written before a certificate it issued (expected: leaf → intermediates → root). */
function chainOrder(graph: CertificateGraph, files: FileSummary[]): Finding[] {
  const pemSources = new Set(files.filter((file) => file.format === 'pem').map((file) => basename(file.path)));
  const found: Finding[] = [];
  for (const source of pemSources) {
    const shas = graph.items.filter((item) => item.source === source).map((item) => parseCertificate(item.der, source).sha256);
    const position = (cert: ParsedCertificate) => shas.indexOf(cert.sha256);
    const misplaced = [...new Set(shas)]
      .map((sha) => graph.bySha.get(sha)!)
      .find((cert) => {
        const issuer = graph.issuerOf.get(cert.sha256);
        return issuer !== undefined && position(issuer) >= 0 && position(issuer) < position(cert);
      });
    if (misplaced) {
      const issuer = graph.issuerOf.get(misplaced.sha256)!;
      found.push(finding('CHAIN_ORDER', 'warning', `in '${source}', ${who(issuer)} comes before ${who(misplaced)}, which it issued`, 'Order the file leaf first, then each issuer, root last; some servers and AWS imports reject other orders (convert to PEM here to fix it).', issuer, { file: source }));
    }
  }
  return found;
}

function duplicates(graph: CertificateGraph): Finding[] {
  return graph.unique
    .filter((cert) => graph.occurrences.get(cert.sha256)!.length > 1)
    .map((cert) => {
      const items = graph.occurrences.get(cert.sha256)!;
      const files = [...new Set(items.map((item) => item.source))].join(', ');
      return finding('DUPLICATE_CERTIFICATE', 'info', `${who(cert)} appears ${items.length} times (${files})`, 'Harmless, but remove the copies from bundles you upload: some trust stores count them against their limits.', cert, { count: items.length, files });
    });
}

export function keyWithoutCertificate(source: string, algorithm: string): Finding {
  return finding('KEY_WITHOUT_CERTIFICATE', 'warning', `the ${algorithm} private key from '${source}' matches none of the certificates`, 'Add the certificate issued for this key; if you have it, it belongs to another key.', null, { file: source, algorithm });
}

/** Certificate findings (keys are added by describeBundle, which matches them). */
export function certificateFindings(graph: CertificateGraph, files: FileSummary[], now: Date): Finding[] {
  const perCertificate = graph.ordered.flatMap((cert) => [...validity(cert, now), ...weakKey(cert), ...weakSignature(cert), ...leafFindings(cert)]);
  return [...perCertificate, ...chainIncomplete(graph), ...chainOrder(graph, files), ...duplicates(graph)];
}
