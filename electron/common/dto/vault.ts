/**
 * The identity vault as the CLI prints it and the renderer sees it. Plain data only: no key bytes, no data keys,
 * no passwords. Identities are addressed by `id` (a UUID); the CLI also accepts the name.
 */
import type { CertificateInfo, ChainInfo, Finding, OutputFormat, Pkcs12Profile } from './inspect';

/** One row of `identity list` (the JSON fields first, additions after). */
export interface IdentitySummary {
  id: string;
  name: string;
  /** RFC 4514 subject and issuer of the identity's certificate */
  subject: string;
  issuer: string;
  /** ISO 8601 UTC */
  notAfter: string;
  /** whole days until notAfter, rounded down; negative once expired */
  daysLeft: number;
  certificateSha256: string;
  /** 'RSA 2048', 'EC P-256', 'Ed25519', … */
  keyAlgorithm: string;
  /** host patterns bound to this identity, normalised (`api.example.com`, `*.example.com:8443`) */
  hosts: string[];
  /** additions */
  subjectCommonName: string | null;
  issuerCommonName: string | null;
  notBefore: string;
  labels: string[];
  /** ISO 8601 UTC, when the identity was imported */
  createdAt: string;
}

export type HistoryAction = 'imported' | 'renamed' | 'exported';

/** The identity's own log. Never holds secrets: export entries say where and how, not with which password. */
export interface HistoryEntry {
  at: string;
  action: HistoryAction;
  /** imported: the input file names; renamed: `from`/`to`; exported: format, profile, file, keyIncluded, keyEncrypted */
  details: Record<string, string | boolean | string[]>;
}

/** `identity show`: the summary plus what the certificate files say. */
export interface IdentityDetails extends IdentitySummary {
  /** input file names the identity was imported from */
  source: string[];
  /** sha256 of the chain certificates, parent first */
  chain: string[];
  /** the leaf first, then the chain, as `inspect` describes them */
  certificates: CertificateInfo[];
  /** findings on the certificates (expiry, weak signature, incomplete chain…) */
  findings: Finding[];
  chainInfo: ChainInfo | null;
  history: HistoryEntry[];
}

/** The issue's `identity import --json` shape: `{"identity": ImportedIdentity}`. */
export interface ImportedIdentity {
  id: string;
  name: string;
  subject: string;
  issuer: string;
  notAfter: string;
  certificateSha256: string;
  /** sha256 of the chain certificates stored with it, parent first (from the input and from CAs already in the vault) */
  chain: string[];
}

/** Import what an earlier `files.inspect` read (its password is not needed again). */
export interface VaultImportRequest {
  inspectionId: string;
  /** sha256 of the certificate to import when the input holds several key + certificate pairs */
  select?: string;
  /** defaults to the certificate's CN (made unique with " (2)", " (3)"…) */
  name?: string;
}

export interface IdentityListQuery {
  /** only identities whose certificate expires within this many days (expired ones included) */
  expiringWithinDays?: number;
  /** 'name' (default, case-insensitive) or 'expiry' (soonest first) */
  sort?: 'name' | 'expiry';
}

export interface IdentityList {
  identities: IdentitySummary[];
  /** host patterns claimed by more than one identity */
  conflicts: HostConflict[];
}

export type IdentityExportFormat = Extract<OutputFormat, 'p12' | 'pem' | 'acm'>;

export interface IdentityExportRequest {
  /** id or name */
  identity: string;
  format: IdentityExportFormat;
  profile?: Pkcs12Profile;
  /** p12: required; pem: encrypts the key (without it the key is written in the clear, with a warning) */
  outPassword?: string;
  /** pem only: false writes the certificates alone (default true). p12 and acm always hold the key. */
  includeKey?: boolean;
}

export interface IdentityExportResult {
  written: string[];
  warnings: string[];
  /** true when the private key left the vault (and the identity's history says so) */
  keyExported: boolean;
}

export interface HostConflict {
  pattern: string;
  identities: { id: string; name: string }[];
}

export interface BindResult {
  identity: IdentitySummary;
  /** the normalised pattern */
  pattern: string;
  /** non-empty when another identity already claims the same pattern */
  conflicts: HostConflict[];
}

/** One rule that matches a URL, in precedence order. */
export interface HostRuleCandidate {
  identity: { id: string; name: string };
  pattern: string;
  kind: 'exact-host-port' | 'exact-host' | 'wildcard';
}

export interface HostMatch {
  /** the URL as understood: https, host in ASCII (IDN as punycode), port (443 when absent) */
  url: string;
  host: string;
  port: number;
  /** the identity a request to this URL uses; null when no rule matches or two identities tie */
  identity: IdentitySummary | null;
  pattern: string | null;
  kind: HostRuleCandidate['kind'] | null;
  /** one English sentence: which rule won and why (or why none did) */
  reason: string;
  /** every matching rule, best first */
  candidates: HostRuleCandidate[];
  /** set when the best rule is claimed by several identities */
  conflict: HostConflict | null;
}

export type DoctorProblemKind =
  | 'keychain-entry-without-identity'
  | 'files-without-identity'
  | 'identity-without-keychain-entry'
  | 'identity-without-files'
  | 'key-does-not-decrypt'
  | 'temporary-file';

export interface DoctorProblem {
  kind: DoctorProblemKind;
  /** identity id (or the keychain account / folder name of an orphan); the file name for temporary files */
  id: string;
  /** the identity's name when the vault still lists it */
  name: string | null;
  /** English explanation */
  message: string;
  /** what --repair does about it */
  repair: string;
  repaired: boolean;
}

export interface DoctorReport {
  /** true when nothing is wrong (or everything found was repaired) */
  ok: boolean;
  identities: number;
  problems: DoctorProblem[];
}
