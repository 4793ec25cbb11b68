import type { CertificateInfo, InspectReport } from '../../../../../electron/common/dto/inspect';

export type Role = 'leaf' | 'intermediate' | 'root' | 'selfSignedLeaf';

export function roleOf(cert: CertificateInfo): Role {
  if (cert.isCA) return cert.selfSigned ? 'root' : 'intermediate';
  return cert.selfSigned ? 'selfSignedLeaf' : 'leaf';
}

export const ROLE_COLORS: Record<Role, string> = {
  leaf: 'indigo',
  intermediate: 'grape',
  root: 'teal',
  selfSignedLeaf: 'orange',
};

/** A certificate's display name: its CN, else its whole subject, else a translated "no name". */
export const displayName = (cert: CertificateInfo, fallback: string): string => cert.commonName ?? (cert.subject || fallback);

export function certificateIndex(report: InspectReport): Map<string, CertificateInfo> {
  return new Map(report.certificates.map((c) => [c.sha256, c]));
}

/** Certificates in chain order (leaf → root for each chain), then any not on a chain, each once. */
export function orderedCertificates(report: InspectReport): CertificateInfo[] {
  const bySha = certificateIndex(report);
  const seen = new Set<string>();
  const out: CertificateInfo[] = [];
  const add = (cert: CertificateInfo | undefined) => {
    if (cert && !seen.has(cert.sha256)) {
      seen.add(cert.sha256);
      out.push(cert);
    }
  };
  for (const chain of report.chains) for (const sha of chain.path) add(bySha.get(sha));
  for (const cert of report.certificates) add(cert);
  return out;
}

/**
 * Certificates that an export can be about: those with their private key, else the chain leaves. When there are
 * several, the user picks one (ExportRequest.select).
 */
export function exportCandidates(report: InspectReport): CertificateInfo[] {
  const bySha = certificateIndex(report);
  const withKey = report.privateKeys.flatMap((k) => (k.certificateSha256 ? [bySha.get(k.certificateSha256)] : [])).filter((c): c is CertificateInfo => !!c);
  if (withKey.length > 0) return [...new Map(withKey.map((c) => [c.sha256, c])).values()];
  const leaves = report.chains.map((c) => bySha.get(c.path[0] ?? '')).filter((c): c is CertificateInfo => !!c);
  return [...new Map(leaves.map((c) => [c.sha256, c])).values()];
}
