/**
 * Chain validation results (core `chain/`, CLI `chain verify`, trust-store checks). The codes are a stable,
 * public interface: the renderer translates them, scripts match on them. Add codes; never rename one.
 */
export const CHAIN_FINDING_CODES = [
  /** no issuer for a certificate among the untrusted and trusted certificates */
  'PATH_NOT_FOUND',
  /** an issuer's key does not verify the certificate's signature (or the algorithm is unsupported) */
  'BAD_SIGNATURE',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  /** an issuer's subject name does not match the certificate's issuer name (RFC 5280 §7.1) */
  'NAME_CHAINING',
  /** an issuer lacks basicConstraints cA=TRUE */
  'ISSUER_NOT_CA',
  /** more CA certificates below an issuer than its pathLenConstraint allows */
  'PATH_LENGTH_EXCEEDED',
  /** an issuer's keyUsage lacks keyCertSign */
  'ISSUER_KEY_USAGE',
  /** the leaf (or a CA's) extendedKeyUsage / keyUsage does not allow the requested purpose */
  'WRONG_PURPOSE',
  /** the path ends at a self-signed certificate that is not among the trusted ones */
  'UNTRUSTED_ROOT',
  /** every way up returns to a certificate already on the path (e.g. two CAs cross-signing each other) */
  'LOOP_DETECTED',
  /** the path would be longer than the builder follows */
  'MAX_DEPTH_EXCEEDED',
  /** a certificate on the path is listed in its issuer's CRL */
  'REVOKED',
  /** a CRL for a certificate's issuer was given but cannot be used: bad signature, issuer may not sign CRLs, not yet valid, unsupported critical extension */
  'CRL_INVALID',
  /** the CRL's nextUpdate is in the past: revocation status unknown */
  'CRL_EXPIRED',
  /** warning: CRLs were given, but none from this certificate's issuer */
  'REVOCATION_NOT_CHECKED',
  /** a certificate carries a critical extension this validator does not process */
  'UNSUPPORTED_CRITICAL_EXTENSION',
  /** info: a first candidate path failed and another issuer was used */
  'ALTERNATIVE_PATH_USED',
] as const;

export type ChainFindingCode = (typeof CHAIN_FINDING_CODES)[number];

export type ChainPurpose = 'client' | 'server' | 'any';
export const CHAIN_PURPOSES: readonly ChainPurpose[] = ['client', 'server', 'any'];

export interface ChainFinding {
  code: ChainFindingCode;
  severity: 'error' | 'warning' | 'info';
  /** English, names the certificate (subject CN) and the cause */
  message: string;
  /** English, the next step */
  hint: string;
  /** the certificate the finding is about, when there is one */
  certificateSha256?: string;
  /** values for the renderer's translated message (names, dates, reasons); never secrets */
  params?: Record<string, string | number>;
}

export interface ChainVerification {
  valid: boolean;
  /** sha256 (hex) of each certificate, leaf → trust anchor; for an invalid result the path that came closest */
  path: string[];
  findings: ChainFinding[];
}
