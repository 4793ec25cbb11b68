import type { TrustStoreCertificate } from '../../../common/dto/truststore';
import { encodePem } from '../../pki';
import { issued, parseCertificate, type ParsedCertificate } from '../../pki/certificate';
import { describePublicKey, type KeyDetails } from '../../pki/keys';
import { signatureAlgorithmName, signatureHash } from '../../pki/signature-names';

/** One certificate of a trust store, with what the rules look at. */
export interface StoreCert {
  parsed: ParsedCertificate;
  key: KeyDetails;
  /** normalized PEM (LF, 64-character lines): what a built bundle contains */
  pem: string;
  source: string;
}

export function storeCert(der: Uint8Array, source: string): StoreCert {
  const parsed = parseCertificate(der, source);
  return { parsed, key: describePublicKey(parsed.spki), pem: encodePem('CERTIFICATE', der), source };
}

/** basicConstraints cA=true. A v1 self-signed root (no extensions, as `openssl x509 -req -signkey` makes) counts too. */
export const isCa = (cert: StoreCert): boolean =>
  cert.parsed.extensions.basicConstraints?.ca ??
  (cert.parsed.selfSigned && cert.parsed.extensions.basicConstraints === null);

export const displayName = (cert: StoreCert): string => cert.parsed.commonName ?? cert.parsed.subject;

export const keyLabel = (key: KeyDetails): string =>
  key.algorithm === 'EC'
    ? `EC ${key.curve ?? 'unknown curve'}`
    : key.bits === null
      ? key.algorithm
      : `${key.algorithm} ${key.bits}`;

export const weakHash = (cert: StoreCert): string | null => {
  const hash = signatureHash(cert.parsed.signatureAlgorithm);
  return hash !== null && ['md2', 'md4', 'md5', 'sha1'].includes(hash) ? hash : null;
};

/** The certificate in `certs` that issued `cert` (a different certificate: roots have none). */
export function issuerIn(cert: StoreCert, certs: StoreCert[]): StoreCert | null {
  if (cert.parsed.selfSigned) return null;
  return certs.find((other) => other !== cert && issued(other.parsed, cert.parsed)) ?? null;
}

/**
 * The level of each certificate in the hierarchy the bundle holds: 1 for a self-signed root, its children 2, …;
 * null when the chain upwards leaves the bundle before reaching a root (or loops).
 */
export function levelsOf(certs: StoreCert[]): Map<StoreCert, number | null> {
  const levels = new Map<StoreCert, number | null>();
  const levelOf = (cert: StoreCert, seen: Set<StoreCert>): number | null => {
    if (levels.has(cert)) return levels.get(cert)!;
    if (cert.parsed.selfSigned) return 1;
    const parent = issuerIn(cert, certs);
    if (parent === null || seen.has(parent)) return null;
    seen.add(cert);
    const above = levelOf(parent, seen);
    return above === null ? null : above + 1;
  };
  for (const cert of certs) levels.set(cert, levelOf(cert, new Set()));
  return levels;
}

export function describeStoreCert(cert: StoreCert, level: number | null): TrustStoreCertificate {
  const { parsed } = cert;
  return {
    sha256: parsed.sha256,
    subject: parsed.subject,
    issuer: parsed.issuer,
    commonName: parsed.commonName,
    notAfter: parsed.notAfter.toISOString(),
    selfSigned: parsed.selfSigned,
    isCA: isCa(cert),
    key: keyLabel(cert.key),
    signatureAlgorithm: signatureAlgorithmName(parsed.signatureAlgorithm),
    level,
    pemBytes: Buffer.byteLength(cert.pem),
    source: cert.source,
  };
}

/**
 * Roots first, each followed by what it issued (depth first): parents always before their children. Certificates
 * whose issuer is not in the set come after the complete trees, in input order, each followed by its own subtree.
 */
export function treeOrder(certs: StoreCert[]): StoreCert[] {
  const ordered: StoreCert[] = [];
  const parents = new Map(certs.map((cert) => [cert, issuerIn(cert, certs)] as const));
  const visit = (cert: StoreCert): void => {
    if (ordered.includes(cert)) return;
    ordered.push(cert);
    for (const child of certs) if (parents.get(child) === cert) visit(child);
  };
  for (const cert of certs) if (cert.parsed.selfSigned) visit(cert);
  for (const cert of certs) if (parents.get(cert) === null) visit(cert);
  for (const cert of certs) visit(cert);
  return ordered;
}
