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

/** A request someone sent us, as the sign step shows it before anything is issued. */
export interface CsrReview {
  /** main keeps the request's bytes under this id; the renderer signs by id, never by path */
  requestId: string;
  file: string;
  subject: string;
  subjectAltNames: string[];
  /** 'EC P-256', 'RSA 2048'… or the algorithm as read when the CA does not issue that key type */
  keyAlgorithm: string;
  /** requested EKUs ('clientAuth', 'serverAuth' or OIDs); null when none were asked for */
  requestedExtendedKeyUsage: string[] | null;
  requestsCa: boolean;
  signatureValid: boolean;
  /** the profile signing uses unless told otherwise: server when only serverAuth is asked for */
  suggestedType: 'client' | 'server';
  /** the CA policy's verdict at the default validity: null when the request may be signed */
  refusal: { code: string; message: string; hint?: string; params?: Record<string, string | number> } | null;
  /** the policy: key types allowed and longest validity, for the form */
  policy: { allowedKeyTypes: string[]; maxDays: number };
}

/** A file written through a native save dialog (saved: false, path: null when the dialog was dismissed). */
export interface SavedFile {
  saved: boolean;
  path: string | null;
}

export interface PublishedCrl extends SavedFile {
  crlNumber: string | null;
  revokedCount: number;
  nextUpdate: string | null;
}

export interface CreatedRequestDto extends SavedFile {
  request: PendingRequest | null;
}

export interface SignedRequestDto extends SavedFile {
  serial: string | null;
  subject: string | null;
  notAfter: string | null;
  /** what the request asked for and did not get (English, from the engine) */
  notes: string[];
}

export interface PickedCsv {
  /** main keeps the chosen path under this id (null: the dialog was dismissed) */
  csvId: string | null;
  file: string | null;
}

export interface BatchOutcome {
  results: BatchRowResult[];
  /** true when the run was cancelled before every row was issued */
  cancelled: boolean;
}

/** The partner kit written; `password` is the p12's, generated for this kit, in no file: show it once. */
export interface KitDto {
  created: boolean;
  folder: string | null;
  files: string[];
  p12File: string | null;
  profile: 'modern' | 'compat';
  lang: 'en' | 'zh-CN' | 'zh-TW';
  password: string | null;
}
