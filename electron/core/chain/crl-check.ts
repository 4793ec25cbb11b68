import type { ChainFinding } from '../../common/dto/chain';
import type { ParsedCertificate } from '../pki/certificate';
import { verifySignature } from '../pki/signature';
import type { ParsedCrl } from './crl-parse';
import { REASON_CODE_OID, serialKey } from './crl-parse';
import { crlScope, ISSUING_DISTRIBUTION_POINT } from './crl-scope';
import { hasExtension } from './extension-list';
import { day, finding, who } from './finding';

/** CRL extensions whose presence (even critical) does not change what a full, direct CRL means. */
const CRL_EXTENSIONS = new Set(['2.5.29.20', '2.5.29.35', ISSUING_DISTRIBUTION_POINT]); // cRLNumber, authorityKeyIdentifier, scope (crl-scope.ts)
const ENTRY_EXTENSIONS = new Set([REASON_CODE_OID, '2.5.29.24']); // reasonCode, invalidityDate

/** A key that may have signed the CRLs of a certificate's issuer: the issuer, or a self-issued peer above it. */
export interface CrlSigner {
  cert: ParsedCertificate;
  /** with inherited DSA parameters filled in */
  spki: Uint8Array;
}

/**
 * A CRL signed by a key that is not on the path (RFC 5280 §6.3.3 f: a separate CRL-signing certificate with the
 * issuer's name): the certificate whose key verifies it, and why that certificate is not acceptable (null: it is).
 */
export type SeparateSigner = (crl: ParsedCrl) => { cert: ParsedCertificate; problem: string | null } | null;

type Problem = { code: 'CRL_INVALID' | 'CRL_EXPIRED'; cause: string };

function signerProblem(crl: ParsedCrl, issuer: ParsedCertificate, signers: CrlSigner[], separate: SeparateSigner): Problem | null {
  const results = signers.map((signer) => verifySignature(crl.tbs, crl.signatureAlgorithm, crl.signature, signer.spki));
  let signer = signers[results.indexOf(true)]?.cert;
  if (!signer) {
    const other = separate(crl);
    if (other?.problem) return { code: 'CRL_INVALID', cause: `it is signed by a separate CRL signer ${who(other.cert)} that is not valid: ${other.problem}` };
    signer = other?.cert;
  }
  if (!signer) return { code: 'CRL_INVALID', cause: results.every((result) => result === null) ? 'its signature algorithm is not supported' : `its signature does not verify with the key of ${who(issuer)}` };
  if (hasExtension(signer, '2.5.29.15') && !signer.extensions.keyUsage.includes('cRLSign')) {
    return { code: 'CRL_INVALID', cause: `${who(signer)} may not sign CRLs (its keyUsage lacks cRLSign)` };
  }
  return null;
}

/** Why this CRL cannot say anything about certificates of `issuer`, or null when it can. */
function problem(crl: ParsedCrl, cert: ParsedCertificate, issuer: ParsedCertificate, signers: CrlSigner[], separate: SeparateSigner, at: Date): Problem | null {
  const scope = crlScope(crl, cert);
  if (scope.kind === 'unsupported') return { code: 'CRL_INVALID', cause: scope.cause };
  const bySigner = signerProblem(crl, issuer, signers, separate);
  if (bySigner) return bySigner;
  if (crl.thisUpdate > at) return { code: 'CRL_INVALID', cause: `it is not valid before ${day(crl.thisUpdate)}` };
  if (crl.nextUpdate && crl.nextUpdate < at) return { code: 'CRL_EXPIRED', cause: `its nextUpdate ${day(crl.nextUpdate)} has passed` };
  const critical = crl.extensions.find((extension) => extension.critical && !CRL_EXTENSIONS.has(extension.oid));
  if (critical) return { code: 'CRL_INVALID', cause: `it has a critical extension ${critical.oid} that is not supported (delta CRLs and partitioned CRLs are not)` };
  for (const entry of crl.revoked.values()) {
    const unknown = entry.extensions.find((extension) => extension.critical && !ENTRY_EXTENSIONS.has(extension.oid));
    if (unknown) return { code: 'CRL_INVALID', cause: `entry ${entry.serialNumber} has a critical extension ${unknown.oid} that is not supported (indirect CRLs are not)` };
  }
  return null;
}

/**
 * Revocation of `cert` by the CRLs its issuer published (matched by issuer name and scope). When CRLs were
 * given but none from this issuer covers it, a warning says revocation was not checked; when every CRL from it is unusable, the
 * status is unknown, which is an error (OpenSSL's -crl_check behaves the same). `signers`: the issuer first, then
 * the certificates above it reached through self-issued ones (a CA that rolled its key over signs CRLs with
 * either key; RFC 5280 §6.3.3 f, all on the already validated path).
 */
export function crlFindings(cert: ParsedCertificate, signers: CrlSigner[], separate: SeparateSigner, crls: ParsedCrl[], at: Date): ChainFinding[] {
  const issuer = signers[0]!.cert;
  const fromIssuer = crls.filter((crl) => crl.issuerKey === issuer.subjectKey && crlScope(crl, cert).kind !== 'out-of-scope');
  if (fromIssuer.length === 0) {
    return [finding('REVOCATION_NOT_CHECKED', 'warning', cert, `no CRL from ${who(issuer)} covering ${who(cert)} was given: its revocation was not checked`, `Add the CRL published by ${who(issuer)} (see its cRLDistributionPoints): nginx with ssl_crl and openssl -crl_check_all reject a chain when any CA on it has no CRL.`, { issuer: issuer.commonName ?? issuer.subject })];
  }
  const problems = new Map(fromIssuer.map((crl) => [crl, problem(crl, cert, issuer, signers, separate, at)]));
  const usable = fromIssuer.filter((crl) => problems.get(crl) === null);
  if (usable.length === 0) {
    return fromIssuer.map((crl) => {
      const { code, cause } = problems.get(crl)!;
      return finding(code, 'error', cert, `revocation of ${who(cert)} is unknown: the CRL '${crl.source}' from ${who(issuer)} cannot be used: ${cause}`, code === 'CRL_EXPIRED' ? `Download the current CRL of ${who(issuer)}.` : `Get the genuine, current CRL signed by ${who(issuer)}.`, { crl: crl.source, cause });
    });
  }
  for (const crl of usable) {
    const entry = crl.revoked.get(serialKey(cert));
    if (entry && entry.reason !== 'removeFromCRL') {
      const reason = entry.reason ?? 'no reason given';
      return [finding('REVOKED', 'error', cert, `${who(cert)} (serial ${cert.serialNumber}) was revoked by ${who(issuer)} on ${day(entry.revocationDate)}: ${reason}`, 'A revoked certificate cannot be used again: ask the issuer for a new one.', { serial: cert.serialNumber, reason, date: entry.revocationDate.toISOString() })];
    }
  }
  return [];
}
