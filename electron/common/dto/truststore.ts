/**
 * Trust-store bundles for the cloud targets: what `mtls-studio truststore build|check --json` prints and what the
 * Trust stores screen shows. The finding codes are a public interface: the renderer translates them, scripts match
 * them. Change them only additively.
 */

export const TRUSTSTORE_TARGETS = ['alb', 'apigw', 'cloudfront', 'clb-alibaba'] as const;
export type TrustStoreTarget = (typeof TRUSTSTORE_TARGETS)[number];

export const TRUSTSTORE_FINDING_CODES = [
  /** the bundle holds no CA certificate at all */
  'TRUSTSTORE_EMPTY',
  /** the bundle is DER or PKCS#7, not PEM text */
  'TRUSTSTORE_NOT_PEM',
  /** an empty line (ALB refuses them) */
  'TRUSTSTORE_BLANK_LINE',
  /** a `#` comment line containing `-` (ALB) */
  'TRUSTSTORE_BAD_COMMENT',
  /** text outside the certificate blocks that is not an allowed comment */
  'TRUSTSTORE_STRAY_TEXT',
  /** CRLF or CR line ends */
  'TRUSTSTORE_LINE_ENDINGS',
  /** a private key, CRL, CSR or other non-certificate PEM block */
  'TRUSTSTORE_NON_CERTIFICATE_BLOCK',
  /** an end-entity (non-CA) certificate among the CAs */
  'TRUSTSTORE_NOT_A_CA',
  /** the same certificate twice */
  'TRUSTSTORE_DUPLICATE',
  'TRUSTSTORE_TOO_MANY_CERTS',
  /** one CA larger than the per-certificate limit (ALB 16 KB) */
  'TRUSTSTORE_CERT_TOO_LARGE',
  /** the whole bundle larger than the limit (CloudFront 64 KB) */
  'TRUSTSTORE_TOO_LARGE',
  /** a CA so deep in its hierarchy that client chains under it exceed the depth limit */
  'TRUSTSTORE_CHAIN_TOO_DEEP',
  /** an intermediate whose issuer is not in the bundle */
  'TRUSTSTORE_MISSING_ISSUER',
  /** MD5/SHA-1 (or weaker) signature */
  'TRUSTSTORE_WEAK_SIGNATURE',
  /** RSA < 2048 or ECDSA below P-256 */
  'TRUSTSTORE_WEAK_KEY',
  /** a key type or size the target does not list (CloudFront: RSA 2048/3072/4096, P-256/P-384 only) */
  'TRUSTSTORE_UNSUPPORTED_KEY',
  'TRUSTSTORE_CA_EXPIRED',
  'TRUSTSTORE_CA_NOT_YET_VALID',
  /** Alibaba CLB takes one client-CA certificate per upload */
  'TRUSTSTORE_SINGLE_CA_EXPECTED',
  /** CRLs were given: they are uploaded separately (ALB) or not used at all (API Gateway, CloudFront, CLB) */
  'TRUSTSTORE_CRL_SEPARATE',
  'TRUSTSTORE_REVOCATION_UNSUPPORTED',
  'TRUSTSTORE_TOO_MANY_CRLS',
  /** client-certificate test: accepted */
  'TRUSTSTORE_CLIENT_ACCEPTED',
  /** client-certificate test: the client chain is longer than the target's depth limit */
  'TRUSTSTORE_CLIENT_CHAIN_TOO_DEEP',
  /** client-certificate test: the client certificate uses an algorithm the target refuses */
  'TRUSTSTORE_CLIENT_WEAK_ALGORITHM',
  /** client-certificate test: the file holds no certificate to test */
  'TRUSTSTORE_CLIENT_NO_CERTIFICATE',
] as const;

export type TrustStoreFindingCode = (typeof TRUSTSTORE_FINDING_CODES)[number];
export type TrustStoreSeverity = 'error' | 'warning' | 'info';

/**
 * One violation or remark. `code` is a trust-store code or, in a client verdict, a chain-validation code from
 * `chain verify` (PATH_NOT_FOUND, CERT_EXPIRED, …). `params` carries the values the renderer interpolates.
 */
export interface TrustStoreFinding {
  code: string;
  severity: TrustStoreSeverity;
  message: string;
  /** the fix */
  hint: string;
  certificateSha256?: string;
  params?: Record<string, string | number>;
}

/** One certificate as it ends up in (or was read from) the bundle. */
export interface TrustStoreCertificate {
  sha256: string;
  subject: string;
  issuer: string;
  commonName: string | null;
  notAfter: string;
  selfSigned: boolean;
  isCA: boolean;
  /** 'RSA 2048', 'EC P-256', … */
  key: string;
  signatureAlgorithm: string;
  /** 1 for a root, 2 for a CA it issued, …; null when its issuer is not in the bundle */
  level: number | null;
  /** PEM size in bytes */
  pemBytes: number;
  /** the input file it came from (file name only), or 'the vault' */
  source: string;
}

/** What one target accepts, as the product applies it (the UI lists these next to the target choice). */
export interface TrustStoreLimits {
  maxCertificates: number | null;
  maxCertificateBytes: number | null;
  maxBundleBytes: number | null;
  maxDepth: number | null;
  maxCrls: number | null;
}

export interface TrustStoreReport {
  target: TrustStoreTarget;
  /** true when no finding has severity 'error' */
  passes: boolean;
  certificates: TrustStoreCertificate[];
  findings: TrustStoreFinding[];
  bundleBytes: number;
  limits: TrustStoreLimits;
}

/** `truststore build --json` */
export interface TrustStoreBuildResult extends TrustStoreReport {
  /** absolute path written; null when nothing was written (violations left) */
  written: string | null;
}

/** Would this client certificate be accepted by a target using this bundle? */
export interface ClientVerdict {
  /** the file name, or the vault identity's name */
  source: string;
  subject: string | null;
  certificateSha256: string | null;
  accepted: boolean;
  /** sha256 of the path found, leaf → anchor (empty when none) */
  path: string[];
  findings: TrustStoreFinding[];
}

/** `truststore check --json` */
export interface TrustStoreCheckResult extends TrustStoreReport {
  clients: ClientVerdict[];
}

/** A CA certificate of the vault the Trust stores screen offers. */
export interface VaultCaSummary {
  sha256: string;
  name: string;
  subject: string;
  notAfter: string;
  selfSigned: boolean;
  /** 'RSA 2048', 'EC P-256', … */
  key: string;
  /** one of the local CA's authorities, or a chain certificate seen when an identity was imported */
  kind: 'authority' | 'chain';
}

/** The CAs a bundle is built from: files the user picked and vault CAs (by SHA-256). */
export interface TrustStoreSelection {
  target: TrustStoreTarget;
  files: string[];
  vaultCas: string[];
}

/** A client certificate to test: a file (PEM/DER/PKCS#7; its chain optional) or a vault identity. */
export type ClientSource = { kind: 'file'; path: string } | { kind: 'vault'; identity: string };
