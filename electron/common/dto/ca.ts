/**
 * The local CA as the CLI prints it and a renderer would see it. Plain data only: no key bytes, no passwords.
 */
export type AuthorityKind = 'root' | 'intermediate';

/** One row of `ca list`. */
export interface AuthoritySummary {
  id: string;
  name: string;
  kind: AuthorityKind;
  /** the vault CA that signed it (null: a root, or an imported intermediate whose parent is not in the vault) */
  parentId: string | null;
  parentName: string | null;
  pathLen: number | null;
  subject: string;
  notBefore: string;
  notAfter: string;
  keyAlgorithm: string;
  certificateSha256: string;
  issued: number;
  revoked: number;
  /** the number of the last CRL published (0: none yet) */
  crlNumber: number;
}

export type IssuedKindDto = 'client' | 'server' | 'intermediate-ca';
export type IssuedStatusDto = 'valid' | 'revoked' | 'expired' | 'not-yet-valid';

/** One certificate in a CA's registry, status as seen now. */
export interface IssuedEntry {
  serial: string;
  subject: string;
  name: string | null;
  kind: IssuedKindDto | null;
  notBefore: string;
  notAfter: string;
  status: IssuedStatusDto;
  revokedAt: string | null;
  reason: string | null;
  sha256: string | null;
}

/** What `ca issue` stored. */
export interface IssuedIdentityDto {
  id: string;
  name: string;
  authority: string;
  serial: string;
  subject: string;
  notBefore: string;
  notAfter: string;
  certificateSha256: string;
  /** true when the requested validity was cut to end with the CA's */
  validityCapped: boolean;
}

export interface BatchRowResult {
  row: number;
  name: string;
  identity: IssuedIdentityDto | null;
  error: { code: string; message: string; hint?: string } | null;
}

export interface PendingRequest {
  id: string;
  name: string;
  createdAt: string;
  subject: string;
  subjectAltNames: string[];
  keyAlgorithm: string;
}
