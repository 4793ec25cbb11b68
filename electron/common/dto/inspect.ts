/**
 * What `inspect` reports about one or many certificate/key files. This is the public JSON of
 * `mtls-studio inspect --json` and what the renderer shows; it never contains key material.
 */

export type FileFormat =
  | 'pem'
  | 'der-certificate'
  | 'der-private-key'
  | 'der-encrypted-private-key'
  | 'der-rsa-private-key'
  | 'der-ec-private-key'
  | 'der-pkcs7'
  | 'der-crl'
  | 'der-csr'
  | 'pkcs12';

export interface FileSummary {
  path: string;
  format: FileFormat;
}

export interface PublicKeyInfo {
  /** 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | an OID for anything else */
  algorithm: string;
  bits: number | null;
  /** 'P-256' | 'P-384' | 'P-521' | … for EC keys, null otherwise */
  curve: string | null;
}

export interface CertificateInfo {
  /** RFC 4514 string, Unicode intact */
  subject: string;
  issuer: string;
  /** lowercase hex, no separators, leading zeros as encoded */
  serialNumber: string;
  /** ISO 8601 UTC */
  notBefore: string;
  notAfter: string;
  /** lowercase hex without separators */
  sha256: string;
  sha1: string;
  isCA: boolean;
  selfSigned: boolean;
  /** readable name: 'sha256WithRSAEncryption', 'ecdsa-with-SHA256', 'md5WithRSAEncryption', 'Ed25519', or the OID */
  signatureAlgorithm: string;
  publicKey: PublicKeyInfo;
  /** OpenSSL style: 'DNS:api.example.com', 'IP:127.0.0.1', 'email:a@b.c', 'URI:https://…', 'DirName:…', 'otherName:<oid>' */
  subjectAltNames: string[];
  /** 'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly' */
  keyUsage: string[];
  /** 'serverAuth', 'clientAuth', 'codeSigning', 'emailProtection', 'timeStamping', 'OCSPSigning', 'anyExtendedKeyUsage', or the OID; null when the extension is absent */
  extendedKeyUsage: string[] | null;
  friendlyName: string | null;
  /** additions beyond the minimum JSON */
  commonName: string | null;
  issuerCommonName: string | null;
  pathLenConstraint: number | null;
  subjectKeyIdentifier: string | null;
  authorityKeyIdentifier: string | null;
  /** the file (name as given) this certificate came from */
  source: string;
}

export interface PrivateKeyInfo extends PublicKeyInfo {
  /** the certificate whose public key this key matches, or null */
  certificateSha256: string | null;
  friendlyName: string | null;
  source: string;
  /** true when the file held the key encrypted (a password was needed) */
  wasEncrypted: boolean;
}

export interface CsrInfo {
  subject: string;
  publicKey: PublicKeyInfo;
  subjectAltNames: string[];
  signatureAlgorithm: string;
  signatureValid: boolean;
  source: string;
}

export interface CrlInfo {
  issuer: string;
  thisUpdate: string;
  nextUpdate: string | null;
  revokedSerialNumbers: string[];
  signatureAlgorithm: string;
  source: string;
}

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = [
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_EXPIRES_SOON',
  'WEAK_KEY',
  'WEAK_SIGNATURE',
  'NO_CLIENT_AUTH_EKU',
  'CHAIN_INCOMPLETE',
  'CHAIN_ORDER',
  'DUPLICATE_CERTIFICATE',
  'KEY_WITHOUT_CERTIFICATE',
  'SELF_SIGNED_LEAF',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** English text for CLI and reports; the renderer translates by code with `params`. */
  message: string;
  hint: string;
  certificateSha256: string | null;
  /** values for translated messages (subject CN, days, file names) — never secrets */
  params: Record<string, string | number>;
}

/** One leaf (or lone certificate) and the issuers found for it in the input, leaf first. */
export interface ChainInfo {
  /** sha256 of each certificate, leaf → root (as far as the input reaches) */
  path: string[];
  /** true when the last certificate is self-signed */
  complete: boolean;
}

export interface InspectReport {
  files: FileSummary[];
  certificates: CertificateInfo[];
  privateKeys: PrivateKeyInfo[];
  findings: Finding[];
  chains: ChainInfo[];
  csrs: CsrInfo[];
  crls: CrlInfo[];
}

export type OutputFormat = 'p12' | 'pem' | 'der' | 'p7b' | 'acm';
export type Pkcs12Profile = 'modern' | 'compat';
