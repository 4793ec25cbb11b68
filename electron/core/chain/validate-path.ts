import type { ChainFinding, ChainPurpose } from '../../common/dto/chain';
import type { ParsedCertificate } from '../pki/certificate';
import { signatureAlgorithmName } from '../pki/signature-names';
import { children, readTlv } from '../pki/der';
import { verifySignature } from '../pki/signature';
import { buildPaths, type PathPool } from './build-paths';
import { crlFindings, type CrlSigner, type SeparateSigner } from './crl-check';
import type { ParsedCrl } from './crl-parse';
import { effectiveSpki, verifyWithInheritance } from './dsa-inheritance';
import { certificateExtensions, hasExtension } from './extension-list';
import { day, finding, isError, who } from './finding';
import { purposeFindings } from './purpose';

export interface PathContext {
  at: Date;
  purpose: ChainPurpose;
  /** undefined: no revocation checking */
  crls: ParsedCrl[] | undefined;
  /** every certificate given: separate CRL signers are looked up here */
  pool: PathPool;
  /** how many CRL-signer paths deep this validation is (bounded: a CRL signer's CRL signer is not chased forever) */
  crlSignerDepth: number;
}

const MAX_CRL_SIGNER_DEPTH = 2;

/** Extensions whose meaning this validator applies or which do not restrict the path. */
const PROCESSED = new Set([
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.15', // keyUsage
  '2.5.29.17', // subjectAltName
  '2.5.29.18', // issuerAltName
  '2.5.29.19', // basicConstraints
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.32', // certificatePolicies (any policy accepted: no policy processing)
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.37', // extendedKeyUsage
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
]);
/** Understood but not enforced: flagged as warnings so that a "valid" verdict says what it did not check. */
const NOT_ENFORCED: Record<string, string> = {
  '2.5.29.30': 'nameConstraints',
  '2.5.29.33': 'policyMappings',
  '2.5.29.36': 'policyConstraints',
  '2.5.29.54': 'inhibitAnyPolicy',
};

/** Subject and issuer name are the same: does not count against pathLenConstraint (RFC 5280 §6.1.4 l). */
const selfIssued = (cert: ParsedCertificate): boolean => cert.subjectKey === cert.issuerKey;

function validity(cert: ParsedCertificate, at: Date): ChainFinding[] {
  if (at > cert.notAfter) {
    return [finding('CERT_EXPIRED', 'error', cert, `${who(cert)} expired on ${day(cert.notAfter)} (checked at ${day(at)})`, 'Renew this certificate (or, for a CA, get the chain with its renewed certificate).', { date: cert.notAfter.toISOString() })];
  }
  if (at < cert.notBefore) {
    return [finding('CERT_NOT_YET_VALID', 'error', cert, `${who(cert)} is not valid before ${day(cert.notBefore)} (checked at ${day(at)})`, "Wait until then, or check the clocks of this computer and of the issuer.", { date: cert.notBefore.toISOString() })];
  }
  return [];
}

function signature(cert: ParsedCertificate, issuer: ParsedCertificate, above: ParsedCertificate[]): ChainFinding[] {
  const verified = verifyWithInheritance(cert, issuer, above);
  if (verified === true) return [];
  const algorithm = signatureAlgorithmName(cert.signatureAlgorithm);
  if (verified === null) {
    return [finding('BAD_SIGNATURE', 'error', cert, `the signature of ${who(cert)} (${algorithm}) cannot be checked with the key of ${who(issuer)}: unsupported algorithm or key`, 'Re-issue the certificate with RSA, ECDSA or EdDSA and SHA-256 or stronger.', { issuer: issuer.commonName ?? issuer.subject, algorithm })];
  }
  return [finding('BAD_SIGNATURE', 'error', cert, `the signature of ${who(cert)} does not verify with the key of its issuer ${who(issuer)}`, 'The certificate was altered or signed by another key with the same name: get the genuine certificate, or the issuer certificate that really signed it.', { issuer: issuer.commonName ?? issuer.subject })];
}

function nameChaining(cert: ParsedCertificate, issuer: ParsedCertificate): ChainFinding[] {
  if (cert.issuerKey === issuer.subjectKey) return [];
  return [finding('NAME_CHAINING', 'error', cert, `the issuer name of ${who(cert)} ("${cert.issuer}") does not match the subject of ${who(issuer)} ("${issuer.subject}"), although its key signed it`, 'Names must match attribute by attribute, in order (case and extra spaces aside): re-issue the certificate with the issuer name exactly as in the CA certificate.', { issuer: issuer.subject, expected: cert.issuer })];
}

/**
 * A trust anchor is a name and a key (RFC 5280 §6.1.1), but OpenSSL — and so nginx and most servers — still
 * refuses one that says cA=FALSE, or a v3 one with neither basicConstraints nor keyUsage keyCertSign.
 */
function anchorMayIssue(anchor: ParsedCertificate): boolean {
  const constraints = anchor.extensions.basicConstraints;
  if (constraints) return constraints.ca;
  const isV1 = children(readTlv(anchor.tbs))[0]?.tag !== 0xa0;
  return isV1 || anchor.extensions.keyUsage.includes('keyCertSign');
}

function issuerRole(issuer: ParsedCertificate, isAnchor: boolean): ChainFinding[] {
  const findings: ChainFinding[] = [];
  const constraints = issuer.extensions.basicConstraints;
  if (isAnchor ? !anchorMayIssue(issuer) : constraints?.ca !== true) {
    findings.push(finding('ISSUER_NOT_CA', 'error', issuer, `${who(issuer)} issued a certificate on this path but is not a CA (${constraints ? 'basicConstraints cA is FALSE' : 'no basicConstraints extension'})`, 'Use the real CA certificate as issuer; an end-entity certificate cannot sign others.'));
  }
  if (hasExtension(issuer, '2.5.29.15') && !issuer.extensions.keyUsage.includes('keyCertSign')) {
    findings.push(finding('ISSUER_KEY_USAGE', 'error', issuer, `${who(issuer)} issued a certificate on this path but its keyUsage (${issuer.extensions.keyUsage.join(', ') || 'none'}) lacks keyCertSign`, 'Re-issue the CA certificate with keyUsage keyCertSign (and cRLSign).', { usages: issuer.extensions.keyUsage.join(', ') }));
  }
  return findings;
}

/** pathLenConstraint, top down; the anchor's own constraint counts, as in OpenSSL. */
function pathLength(certs: ParsedCertificate[], anchored: boolean): ChainFinding[] {
  const top = certs.length - 1;
  let remaining = Number.POSITIVE_INFINITY;
  let constrainedBy: ParsedCertificate | null = null;
  const apply = (cert: ParsedCertificate): void => {
    const limit = cert.extensions.basicConstraints?.pathLen;
    if (cert.extensions.basicConstraints?.ca && limit !== null && limit !== undefined && limit < remaining) {
      remaining = limit;
      constrainedBy = cert;
    }
  };
  if (anchored) apply(certs[top]!);
  const findings: ChainFinding[] = [];
  for (let i = anchored ? top - 1 : top; i >= 1; i--) {
    const cert = certs[i]!;
    if (!selfIssued(cert)) {
      if (remaining <= 0 && constrainedBy) {
        const by: ParsedCertificate = constrainedBy;
        findings.push(finding('PATH_LENGTH_EXCEEDED', 'error', cert, `${who(cert)} is a CA below ${who(by)}, whose pathLenConstraint (${by.extensions.basicConstraints?.pathLen ?? 0}) allows no more CAs beneath it`, `Issue the certificate directly from a CA whose pathLenConstraint allows it, or re-issue ${who(by)} with a larger pathLenConstraint.`, { constrainedBy: by.commonName ?? by.subject }));
      }
      remaining -= 1;
    }
    apply(cert);
  }
  return findings;
}

function criticalExtensions(cert: ParsedCertificate): ChainFinding[] {
  return certificateExtensions(cert)
    .filter((extension) => extension.critical && !PROCESSED.has(extension.oid))
    .map((extension) => {
      const known = NOT_ENFORCED[extension.oid];
      return known
        ? finding('UNSUPPORTED_CRITICAL_EXTENSION', 'warning', cert, `${who(cert)} has a critical ${known} extension, which this check does not enforce`, 'Confirm the result with `openssl verify`, which applies it.', { extension: known })
        : finding('UNSUPPORTED_CRITICAL_EXTENSION', 'error', cert, `${who(cert)} has an unknown critical extension ${extension.oid}: RFC 5280 requires rejecting it`, 'Re-issue the certificate without that extension, or mark it non-critical.', { extension: extension.oid });
    });
}

/** The issuer at `index`, then the certificates above it for as long as each one below is self-issued. */
function crlSigners(certs: ParsedCertificate[], index: number): CrlSigner[] {
  const signers: CrlSigner[] = [];
  for (let j = index; j < certs.length; j++) {
    signers.push({ cert: certs[j]!, spki: effectiveSpki(certs[j]!, certs.slice(j + 1)) });
    if (!selfIssued(certs[j]!)) break;
  }
  return signers;
}

/**
 * Another certificate with the issuer's name whose key signed the CRL, validated on its own path to a trust
 * anchor (with revocation, one level deep) — PKITS "separate certificate and CRL keys".
 */
function separateSigner(issuer: ParsedCertificate, context: PathContext): SeparateSigner {
  return (crl) => {
    const cert = context.pool.all.find((other) => other.subjectKey === issuer.subjectKey && verifySignature(crl.tbs, crl.signatureAlgorithm, crl.signature, other.spki) === true);
    if (!cert) return null;
    if (context.crlSignerDepth >= MAX_CRL_SIGNER_DEPTH) return { cert, problem: 'its own revocation status cannot be checked (CRL signers nested too deep)' };
    const inner: PathContext = { ...context, purpose: 'any', crlSignerDepth: context.crlSignerDepth + 1 };
    let firstProblem = 'no path to a trusted certificate';
    for (const path of buildPaths(cert, context.pool, context.at)) {
      if (path.end !== 'anchor') continue;
      const errors = validatePath(path.certs, true, inner).filter(isError);
      if (errors.length === 0) return { cert, problem: null };
      firstProblem = errors[0]!.message;
    }
    return { cert, problem: firstProblem };
  };
}

/**
 * RFC 5280 §6.1 checks of one path (leaf first). `anchored`: the last certificate is a trust anchor (its
 * signature, keyUsage-free name-and-key role and revocation are not checked); otherwise the path is partial
 * and these checks explain what else is wrong with it.
 */
export function validatePath(certs: ParsedCertificate[], anchored: boolean, context: PathContext): ChainFinding[] {
  const findings: ChainFinding[] = [];
  certs.forEach((cert, i) => {
    const isAnchor = anchored && i === certs.length - 1;
    const issuer = certs[i + 1];
    findings.push(...validity(cert, context.at));
    if (issuer) {
      findings.push(...nameChaining(cert, issuer), ...signature(cert, issuer, certs.slice(i + 2)));
      if (context.crls) findings.push(...crlFindings(cert, crlSigners(certs, i + 1), separateSigner(issuer, context), context.crls, context.at));
    }
    if (i > 0) findings.push(...issuerRole(cert, isAnchor));
    if (!isAnchor) findings.push(...criticalExtensions(cert));
    if (!isAnchor || i === 0) findings.push(...purposeFindings(cert, i === 0, context.purpose));
  });
  findings.push(...pathLength(certs, anchored));
  return findings;
}
