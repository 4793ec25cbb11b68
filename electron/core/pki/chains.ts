import type { CertificateItem } from './model';
import { issued, parseCertificate, type ParsedCertificate } from './certificate';

/**
 * Links the certificates of a bundle: duplicates merged, each certificate's issuer found by name AND
 * signature (so two CAs with the same name are told apart), chains built leaf → root.
 */
export interface CertificateGraph {
  /** the input items, in input order (duplicates included) */
  items: CertificateItem[];
  bySha: Map<string, ParsedCertificate>;
  /** distinct certificates, in input order of first appearance */
  unique: ParsedCertificate[];
  /** every input item for a certificate, by sha256 (several = duplicates) */
  occurrences: Map<string, CertificateItem[]>;
  /** the issuer found in the input, by sha256 of the subject; absent for roots and orphans */
  issuerOf: Map<string, ParsedCertificate>;
  /**
   * one per leaf (a certificate that issued none of the others), leaf → as far up as the input goes;
   * end-entity chains first, then CA certificates that issued nothing here (e.g. extra roots), input order otherwise
   */
  chains: ParsedCertificate[][];
  /** chains concatenated (each certificate once), then anything left over in input order */
  ordered: ParsedCertificate[];
}

const isCA = (cert: ParsedCertificate): boolean => cert.extensions.basicConstraints?.ca === true;

/** Among several certificates that verify as issuer, prefer a CA, then the one valid longest. */
function preferredIssuer(candidates: ParsedCertificate[]): ParsedCertificate | undefined {
  return [...candidates].sort((a, b) => {
    const ca = Number(b.extensions.basicConstraints?.ca ?? false) - Number(a.extensions.basicConstraints?.ca ?? false);
    return ca !== 0 ? ca : b.notAfter.getTime() - a.notAfter.getTime();
  })[0];
}

export function buildGraph(items: CertificateItem[]): CertificateGraph {
  const occurrences = new Map<string, CertificateItem[]>();
  const bySha = new Map<string, ParsedCertificate>();
  const unique: ParsedCertificate[] = [];
  for (const item of items) {
    const parsed = parseCertificate(item.der, item.source);
    const seen = occurrences.get(parsed.sha256);
    if (seen) seen.push(item);
    else {
      occurrences.set(parsed.sha256, [item]);
      bySha.set(parsed.sha256, parsed);
      unique.push(parsed);
    }
  }

  const issuerOf = new Map<string, ParsedCertificate>();
  for (const cert of unique) {
    if (cert.selfSigned) continue;
    const issuer = preferredIssuer(unique.filter((candidate) => candidate !== cert && issued(candidate, cert)));
    if (issuer) issuerOf.set(cert.sha256, issuer);
  }

  const issuers = new Set([...issuerOf.values()].map((cert) => cert.sha256));
  const chains = unique
    .filter((cert) => !issuers.has(cert.sha256))
    .map((leaf) => {
      const path = [leaf];
      for (let next = issuerOf.get(leaf.sha256); next && !path.includes(next); next = issuerOf.get(next.sha256)) path.push(next);
      return path;
    })
    .sort((a, b) => Number(isCA(a[0]!)) - Number(isCA(b[0]!)));

  const ordered: ParsedCertificate[] = [];
  for (const cert of [...chains.flat(), ...unique]) if (!ordered.includes(cert)) ordered.push(cert);
  return { items, bySha, unique, occurrences, issuerOf, chains, ordered };
}

/** The issuers of `leaf` found in the input, its parent first, up to the root (or as far as the input reaches). */
export function issuersOf(graph: CertificateGraph, leaf: ParsedCertificate): ParsedCertificate[] {
  const path: ParsedCertificate[] = [];
  for (let next = graph.issuerOf.get(leaf.sha256); next && next !== leaf && !path.includes(next); next = graph.issuerOf.get(next.sha256)) {
    path.push(next);
  }
  return path;
}
