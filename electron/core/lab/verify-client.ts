import { X509Certificate } from 'node:crypto';

/**
 * The lab's own client-certificate check. Node verifies a peer only after the handshake and only against the
 * store that also fills the advertised CA list; the lab needs to trust its CA without always advertising it, so it
 * checks the presented chain itself: path to a trust anchor (signatures and names), validity, clientAuth purpose,
 * and the vendor's rules: whether intermediates the client sends count (API Gateway builds the path from its
 * truststore only) and the chain depth limit (ALB, API Gateway, CloudFront: at most 4 certificates, leaf to root).
 */

export type ClientVerdict =
  | { status: 'none' }
  | { status: 'trusted'; leaf: Uint8Array; chain: Uint8Array[] }
  | { status: 'untrusted' | 'expired' | 'not-yet-valid' | 'wrong-purpose'; leaf: Uint8Array; chain: Uint8Array[]; reason: string };

/** how far a path is followed at all; the vendors' depth limits are checked on the path found */
const MAX_SEARCH = 8;
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const ANY_EKU = '2.5.29.37.0';

const signedBy = (cert: X509Certificate, issuer: X509Certificate): boolean => {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
};

export interface VerifyRules {
  /** intermediates the client sends may complete the path (false: API Gateway, whose truststore must hold them) */
  clientIntermediates: boolean;
  /** most certificates a path may have, leaf and trust-store root included; null: no vendor limit */
  maxPathCertificates: number | null;
}

export const NODE_RULES: VerifyRules = { clientIntermediates: true, maxPathCertificates: null };

const selfSigned = (cert: X509Certificate): boolean => signedBy(cert, cert);

/**
 * Leaf → presented intermediates → the first trust-store certificate that signs; from there on through the trust
 * store up to its root, so that a trusted intermediate still counts its root in the depth.
 */
function buildPath(leaf: X509Certificate, presented: X509Certificate[], anchors: X509Certificate[]): X509Certificate[] | null {
  const path = [leaf];
  const unused = (candidate: X509Certificate) => !path.some((p) => p.fingerprint256 === candidate.fingerprint256);
  let anchored = anchors.some((anchor) => anchor.fingerprint256 === leaf.fingerprint256);
  while (path.length < MAX_SEARCH) {
    const current = path[path.length - 1]!;
    if (anchored && selfSigned(current)) return path;
    const anchor = anchors.find((candidate) => unused(candidate) && signedBy(current, candidate));
    if (anchor) {
      anchored = true;
      path.push(anchor);
      continue;
    }
    if (anchored) return path;
    const next = presented.find((candidate) => candidate.ca && unused(candidate) && signedBy(current, candidate));
    if (!next) return null;
    path.push(next);
  }
  return anchored ? path : null;
}

export function verifyClientChain(chainDer: readonly Uint8Array[], anchorsDer: readonly Uint8Array[], now: Date, rules: VerifyRules = NODE_RULES): ClientVerdict {
  if (chainDer.length === 0) return { status: 'none' };
  const chain = [...chainDer];
  const leafDer = chain[0]!;
  const presented = chain.map((der) => new X509Certificate(Buffer.from(der)));
  const leaf = presented[0]!;
  const anchors = anchorsDer.map((der) => new X509Certificate(Buffer.from(der)));
  const path = buildPath(leaf, rules.clientIntermediates ? presented.slice(1) : [], anchors);
  if (!path) return { status: 'untrusted', leaf: leafDer, chain, reason: `no path from '${leaf.subject.replace(/\n/g, ', ')}' to a CA in the trust store` };
  if (rules.maxPathCertificates !== null && path.length > rules.maxPathCertificates) {
    return { status: 'untrusted', leaf: leafDer, chain, reason: `the chain has ${path.length} certificates, over the depth limit of ${rules.maxPathCertificates} (ALB logs ClientCertMaxChainDepthExceeded)` };
  }
  for (const cert of path) {
    const label = cert.subject.replace(/\n/g, ', ');
    if (now.getTime() > new Date(cert.validTo).getTime()) return { status: 'expired', leaf: leafDer, chain, reason: `'${label}' expired ${cert.validTo}` };
    if (now.getTime() < new Date(cert.validFrom).getTime()) return { status: 'not-yet-valid', leaf: leafDer, chain, reason: `'${label}' is valid from ${cert.validFrom}` };
  }
  const purposes = leaf.keyUsage;
  if (purposes && purposes.length > 0 && !purposes.includes(CLIENT_AUTH) && !purposes.includes(ANY_EKU)) {
    return { status: 'wrong-purpose', leaf: leafDer, chain, reason: 'the certificate has no clientAuth extended key usage' };
  }
  return { status: 'trusted', leaf: leafDer, chain };
}
