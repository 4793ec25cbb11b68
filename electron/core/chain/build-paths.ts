import { bytesEqual } from '../pki/der';
import type { ParsedCertificate } from '../pki/certificate';
import { verifySignature } from '../pki/signature';

/** Longest path followed, leaf and trust anchor included; real chains have 2 to 5 certificates. */
export const MAX_PATH_CERTIFICATES = 16;
/** Bounds the search when many certificates share a name (each terminal is one explored way up). */
const MAX_TERMINALS = 256;

/**
 * How a way up from the leaf ended: at a trust anchor (a candidate path, still to be checked), or not.
 * `anchor`: the last certificate is a trust anchor; `untrusted-root`: a self-signed certificate that is not
 * trusted; `no-issuer`: nothing issued the last certificate; `loop`: every issuer is already on the path;
 * `max-depth`: the path reached MAX_PATH_CERTIFICATES.
 */
export type PathEnd = 'anchor' | 'untrusted-root' | 'no-issuer' | 'loop' | 'max-depth';

export interface CandidatePath {
  /** leaf first; for `anchor` the trust anchor last */
  certs: ParsedCertificate[];
  end: PathEnd;
}

export interface PathPool {
  anchors: ParsedCertificate[];
  /** untrusted and trusted certificates, each once */
  all: ParsedCertificate[];
}

const identity = (cert: ParsedCertificate): string => `${cert.subjectKey}|${Buffer.from(cert.spki).toString('hex')}`;

/** The trust anchor this certificate stands for: the same certificate, or one with the same name and key. */
export function anchorFor(cert: ParsedCertificate, anchors: ParsedCertificate[]): ParsedCertificate | undefined {
  return (
    anchors.find((anchor) => anchor.sha256 === cert.sha256) ??
    anchors.find((anchor) => anchor.subjectKey === cert.subjectKey && bytesEqual(anchor.spki, cert.spki))
  );
}

const keyIdsMatch = (cert: ParsedCertificate, issuer: ParsedCertificate): boolean =>
  cert.extensions.authorityKeyIdentifier !== null && cert.extensions.authorityKeyIdentifier === issuer.extensions.subjectKeyIdentifier;
const keyIdsConflict = (cert: ParsedCertificate, issuer: ParsedCertificate): boolean =>
  cert.extensions.authorityKeyIdentifier !== null &&
  issuer.extensions.subjectKeyIdentifier !== null &&
  cert.extensions.authorityKeyIdentifier !== issuer.extensions.subjectKeyIdentifier;
const signs = (issuer: ParsedCertificate, cert: ParsedCertificate): boolean =>
  verifySignature(cert.tbs, cert.signatureAlgorithm, cert.signature, issuer.spki) === true;
const validAt = (cert: ParsedCertificate, at: Date): boolean => cert.notBefore <= at && at <= cert.notAfter;

/**
 * Possible issuers of `cert`, most promising first (RFC 4158 §3: signature verifies, AKI = SKI, trust
 * anchor, valid now, newest). Matched by name; when no name matches, certificates whose key verifies the
 * signature are offered so that the checks can report the name mismatch instead of "no issuer".
 */
export function issuerCandidates(cert: ParsedCertificate, pool: PathPool, at: Date): ParsedCertificate[] {
  let candidates = pool.all.filter((other) => other !== cert && other.subjectKey === cert.issuerKey);
  if (candidates.length === 0) candidates = pool.all.filter((other) => other !== cert && !cert.selfSigned && signs(other, cert));
  const score = (issuer: ParsedCertificate): number[] => [
    signs(issuer, cert) ? 0 : 1,
    keyIdsMatch(cert, issuer) ? 0 : keyIdsConflict(cert, issuer) ? 2 : 1,
    anchorFor(issuer, pool.anchors) ? 0 : 1,
    validAt(issuer, at) ? 0 : 1,
    -issuer.notAfter.getTime(),
  ];
  const scored = candidates.map((issuer) => ({ issuer, score: score(issuer) }));
  scored.sort((a, b) => {
    for (let i = 0; i < a.score.length; i++) if (a.score[i] !== b.score[i]) return a.score[i]! - b.score[i]!;
    return 0;
  });
  return scored.map((entry) => entry.issuer);
}

/** Every way up from the leaf, depth first in candidate order, up to MAX_TERMINALS ends. */
export function buildPaths(leaf: ParsedCertificate, pool: PathPool, at: Date): CandidatePath[] {
  const ends: CandidatePath[] = [];
  const walk = (path: ParsedCertificate[]): void => {
    if (ends.length >= MAX_TERMINALS) return;
    const cert = path[path.length - 1]!;
    const anchor = anchorFor(cert, pool.anchors);
    if (anchor) {
      ends.push({ certs: [...path.slice(0, -1), anchor], end: 'anchor' });
      return;
    }
    if (path.length >= MAX_PATH_CERTIFICATES) {
      ends.push({ certs: path, end: 'max-depth' });
      return;
    }
    const onPath = new Set(path.map(identity));
    const candidates = issuerCandidates(cert, pool, at);
    const fresh = candidates.filter((issuer) => !onPath.has(identity(issuer)));
    for (const issuer of fresh) walk([...path, issuer]);
    if (fresh.length === 0) {
      const end: PathEnd = cert.selfSigned ? 'untrusted-root' : candidates.length > 0 ? 'loop' : 'no-issuer';
      ends.push({ certs: path, end });
    }
  };
  walk([leaf]);
  return ends;
}
