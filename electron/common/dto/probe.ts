/**
 * The mTLS probe's public data: what the Test console sends (ProbeRequest) and what it gets back
 * (ProbeResult). The same shape is `mtls-studio probe --json`. Plain data only — no key bytes, no passwords.
 */

export const DIAGNOSIS_CODES = [
  // network
  'DNS_FAILED',
  'CONNECTION_REFUSED',
  'CONNECTION_TIMEOUT',
  'CONNECTION_RESET',
  // TLS
  'NOT_TLS',
  'TLS_VERSION_MISMATCH',
  'TLS_HANDSHAKE_FAILED',
  // server side
  'SERVER_CERT_UNTRUSTED',
  'SERVER_CERT_EXPIRED',
  'SERVER_NAME_MISMATCH',
  'SERVER_VERIFICATION_DISABLED',
  // client certificate
  'CLIENT_CERT_NOT_REQUESTED',
  'CLIENT_CERT_OPTIONAL',
  'CLIENT_CERT_MISSING',
  'CLIENT_CHAIN_INCOMPLETE',
  'CLIENT_CERT_UNTRUSTED',
  'CLIENT_CA_NOT_ADVERTISED',
  'CLIENT_CERT_EXPIRED',
  'CLIENT_CERT_NOT_YET_VALID',
  'CLIENT_CERT_REVOKED',
  'CLIENT_CERT_PURPOSE',
  'CLIENT_KEY_MISMATCH',
  'CLIENT_CERT_REJECTED',
  // HTTP
  'HTTP_FORBIDDEN',
  'HTTP_CLIENT_CERT_ERROR',
  'HTTP_ERROR_STATUS',
  // cloud targets (issue 5)
  'APIGW_DEFAULT_ENDPOINT',
  'CLOUDFRONT_NO_VIEWER_MTLS',
  'AWS_CLB_NO_MTLS',
  'ALB_PASSTHROUGH_NOT_VERIFIED',
  'TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE',
  // several addresses
  'ADDRESSES_DISAGREE',
  // success
  'MTLS_OK',
] as const;

export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];

/** the values behind one rule's "why": which phrase the alert-or-close clause takes, and its numbers */
const REJECTION = ['rejection', 'alert', 'alertCode', 'afterMs'] as const;

/**
 * The params each code's finding carries: every value its title, detail and fix use, plus yes/no flags for the
 * clauses the core chooses. Data only (names, DNs, codes, dates, numbers, addresses), never English prose, so a
 * translated sentence can say the same.
 */
export const DIAGNOSIS_PARAMS = {
  DNS_FAILED: ['host', 'port', 'error'],
  CONNECTION_REFUSED: ['addresses', 'port', 'error', 'reason'],
  CONNECTION_TIMEOUT: ['addresses', 'port', 'error', 'timeoutMs', 'phase'],
  CONNECTION_RESET: ['addresses', 'port', 'error', 'reason', 'phase', 'certAsked'],
  NOT_TLS: ['address', 'port', 'preview', 'reason'],
  TLS_VERSION_MISMATCH: ['alert', 'alertCode', 'alertFrom', 'reason', 'error', 'tlsMin', 'tlsMax'],
  TLS_HANDSHAKE_FAILED: ['address', 'port', 'reason', 'alert', 'alertCode', 'alertFrom'],
  SERVER_CERT_UNTRUSTED: ['name', 'issuer', 'error', 'trust', 'caFiles', 'insecure'],
  SERVER_CERT_EXPIRED: ['name', 'date', 'day', 'insecure'],
  SERVER_NAME_MISMATCH: ['servername', 'name', 'names', 'insecure'],
  SERVER_VERIFICATION_DISABLED: ['verified'],
  CLIENT_CERT_NOT_REQUESTED: ['host', 'identity'],
  CLIENT_CERT_OPTIONAL: ['status', 'statusLine', 'cas'],
  CLIENT_CERT_MISSING: ['via', 'requested', 'cas', 'ours', 'status', 'statusLine', ...REJECTION],
  CLIENT_CHAIN_INCOMPLETE: ['count', 'top', 'missing', 'cas', 'inVault', ...REJECTION],
  CLIENT_CERT_UNTRUSTED: ['root', 'top', 'endsAtRoot', 'cas', ...REJECTION],
  CLIENT_CA_NOT_ADVERTISED: ['cas', 'name', 'issuer', 'top', 'chain'],
  CLIENT_CERT_EXPIRED: ['name', 'date', 'day', 'sent', ...REJECTION],
  CLIENT_CERT_NOT_YET_VALID: ['name', 'date', ...REJECTION],
  CLIENT_CERT_REVOKED: ['serial', 'name', ...REJECTION],
  CLIENT_CERT_PURPOSE: ['name', 'purpose', 'eku', 'keyUsage', ...REJECTION],
  CLIENT_KEY_MISMATCH: ['name', 'sha256'],
  CLIENT_CERT_REJECTED: ['name', 'issuer', 'sha256', 'endsAtRoot', 'missing', ...REJECTION],
  HTTP_FORBIDDEN: ['status', 'sent'],
  HTTP_CLIENT_CERT_ERROR: ['status', 'statusLine', 'name', 'issuer', 'cas'],
  HTTP_ERROR_STATUS: ['status', 'statusLine'],
  APIGW_DEFAULT_ENDPOINT: ['host', 'region', 'private', 'requested'],
  CLOUDFRONT_NO_VIEWER_MTLS: ['host'],
  AWS_CLB_NO_MTLS: ['host', 'requested'],
  ALB_PASSTHROUGH_NOT_VERIFIED: ['name', 'header'],
  TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE: ['issuer', 'issuerName', 'name', 'status'],
  ADDRESSES_DISAGREE: ['failed', 'ok', 'outcomes'],
  MTLS_OK: ['name', 'count', 'status', 'statusLine', 'cas'],
} as const satisfies Record<DiagnosisCode, readonly string[]>;

/** the params object a finding with code C carries */
export type DiagnosisParams<C extends DiagnosisCode> = { [N in (typeof DIAGNOSIS_PARAMS)[C][number]]: string | number };
export type DiagnosisSeverity = 'error' | 'warning' | 'info';

export interface DiagnosisFinding {
  code: DiagnosisCode;
  severity: DiagnosisSeverity;
  /** one line, plain English */
  title: string;
  /** what was observed: alert, status, CA names, addresses */
  detail: string;
  /** the next step, in plain words */
  fix: string;
  /** the values in title/detail/fix, for translated renderings (names, codes, addresses; never secrets) */
  params: Record<string, string | number>;
}

export type ProbeTarget = 'auto' | 'alb' | 'apigw' | 'cloudfront' | 'clb' | 'generic';
export type DetectedTarget = Exclude<ProbeTarget, 'auto'>;
export type TlsVersionOption = '1.2' | '1.3';
export type ProbeOutcome = 'success' | 'http-error' | 'tls-error' | 'network-error';

/** Where the client identity comes from. Passwords travel only inside the main process / CLI. */
export type ProbeIdentitySource =
  /** certPath may hold the chain too; keyPath may be the same file as certPath */
  | { kind: 'files'; certPath: string; keyPath: string; keyPassword?: string }
  | { kind: 'pkcs12'; path: string; password?: string }
  | { kind: 'vault'; name: string };

export interface ProbeResolveEntry {
  host: string;
  port: number;
  /** IPv4/IPv6 literals used instead of DNS for host:port (curl's --resolve) */
  addresses: string[];
}

export interface ProbeRepeatOptions {
  /** total requests, 1…10000 */
  count: number;
  /** requests in flight at once, 1…256 */
  concurrency: number;
  /** 'new' (default): a new connection and full handshake per request; 'keep-alive': one connection per slot */
  connection?: 'new' | 'keep-alive';
  /** offer TLS sessions from earlier connections of this run (default false: every handshake is full) */
  reuseSessions?: boolean;
}

export interface ProbeRequest {
  /** https://host[:port]/path?query */
  url: string;
  /** default GET */
  method?: string;
  /** in order, as typed; the same name may repeat */
  headers?: [string, string][];
  body?: { text: string } | { file: string };
  identity?: ProbeIdentitySource;
  /** extra trust anchors for the server certificate (PEM/DER/PKCS#7 files) */
  caFiles?: string[];
  /** trust the system roots too; default: true without caFiles, false with them (as curl's --cacert) */
  systemRoots?: boolean;
  /** go on when the server certificate does not verify (reported as a finding) */
  insecure?: boolean;
  /** SNI and the name the server certificate is checked against; default: the URL's host */
  servername?: string;
  resolve?: ProbeResolveEntry[];
  /** probe every resolved address with the same SNI and compare */
  allAddresses?: boolean;
  tlsMin?: TlsVersionOption;
  tlsMax?: TlsVersionOption;
  /** default 'auto' */
  target?: ProbeTarget;
  /** per request, default 10 000 ms */
  timeoutMs?: number;
  /** response body bytes kept, default 1 MiB; the rest is discarded and counted as truncated */
  maxBodyBytes?: number;
  repeat?: ProbeRepeatOptions;
}

export interface ProbeTimings {
  /** DNS lookup; 0 for IP literals and --resolve entries */
  dnsMs: number | null;
  /** TCP connect */
  tcpMs: number | null;
  /** TLS handshake, from TCP connected to the handshake finished on our side */
  tlsMs: number | null;
  /** from the start to the response headers (includes DNS, TCP and TLS) */
  ttfbMs: number | null;
  /** from the start to the last body byte (or to the failure) */
  totalMs: number | null;
}

export interface ProbeCertificate {
  subject: string;
  issuer: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
  serialNumber: string;
  subjectAltNames: string[];
  selfSigned: boolean;
  isCA: boolean;
}

export interface ProbeCertificateRequest {
  requested: boolean;
  /** RFC 4514 DNs, in the order the server sent them; empty = the server did not name any */
  acceptableCAs: string[];
  /** TLS SignatureScheme names ('ecdsa_secp256r1_sha256', 'rsa_pss_rsae_sha256', …) or '0x….' */
  signatureAlgorithms: string[];
  /** TLS 1.2 only: 'rsa_sign', 'ecdsa_sign', …; empty for TLS 1.3 */
  certificateTypes: string[];
}

export interface ProbeAlert {
  code: number;
  /** RFC 8446 name: 'certificate_required', 'unknown_ca', 'handshake_failure', … */
  name: string;
  from: 'server' | 'client';
  /** TLS 1.3: the alert came after our side had finished the handshake (a late client-certificate rejection) */
  afterHandshake: boolean;
  /** ms after our side finished the handshake, when it did */
  msAfterHandshake: number | null;
}

export interface ProbeHandshakeMessage {
  from: 'server' | 'client';
  /** 'ClientHello', 'ServerHello', 'EncryptedExtensions', 'CertificateRequest', 'Certificate', 'Finished', 'Alert', … */
  type: string;
  /** ms from the start of the attempt */
  atMs: number;
  /** readable detail for alerts and certificate lists */
  note?: string;
}

export interface ProbeTls {
  protocol: string | null;
  cipher: string | null;
  alpn: string | null;
  sessionReused: boolean;
  /** the server's certificates exactly as sent, in the order sent */
  serverCertificates: ProbeCertificate[];
  /** chain trusted by the chosen trust and the name matches */
  serverTrusted: boolean;
  serverVerification: {
    chainTrusted: boolean;
    nameMatches: boolean;
    /** OpenSSL verify code ('CERT_HAS_EXPIRED', 'SELF_SIGNED_CERT_IN_CHAIN', …) or null */
    error: string | null;
    /** 'system', 'ca-files', 'system+ca-files' */
    trust: string;
    /** --insecure: the result of the check was not enforced */
    skipped: boolean;
    /** false when the handshake stopped before the server certificate could be checked */
    checked: boolean;
  };
  /** null only when it could not be observed (the handshake stopped before the server's flight) */
  certificateRequest: ProbeCertificateRequest | null;
  /** sha256 of each certificate our side sent, in order */
  clientCertificatesSent: string[];
  alert: ProbeAlert | null;
  /** the handshake as seen on the wire, both directions */
  messages: ProbeHandshakeMessage[];
}

export interface ProbeHttp {
  status: number;
  statusText: string;
  /** lower-case names; repeated headers joined with ', ' (set-cookie values redacted) */
  headers: Record<string, string>;
  bodyBytes: number;
  bodyTruncated: boolean;
  /** the first 2 KiB as text (binary shown as a byte count) */
  bodyPreview: string;
}

export type PreflightCheckName = 'key-matches-certificate' | 'validity' | 'client-auth-purpose' | 'chain-complete' | 'reaches-acceptable-ca';

export interface PreflightCheck {
  check: PreflightCheckName;
  status: 'pass' | 'warn' | 'fail' | 'unknown';
  detail: string;
}

export interface ProbeIdentitySummary {
  /** where it came from: file names or the vault name (never a path outside the file name, never a password) */
  source: string;
  subject: string;
  issuer: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
  /** our chain as configured: leaf first */
  chain: ProbeCertificate[];
}

export interface ProbeAddressResult {
  address: string;
  outcome: ProbeOutcome;
  /** the most important finding's code (MTLS_OK, CLIENT_CERT_UNTRUSTED, …) */
  primaryCode: DiagnosisCode;
  status: number | null;
  alert: ProbeAlert | null;
  timings: ProbeTimings;
  diagnosis: DiagnosisFinding[];
}

export interface ProbeRepeatSummary {
  requests: number;
  concurrency: number;
  connection: 'new' | 'keep-alive';
  succeeded: number;
  failed: number;
  /** 0…1 */
  successRate: number;
  durationMs: number;
  requestsPerSecond: number;
  latencyMs: { min: number; p50: number; p95: number; p99: number; max: number; mean: number } | null;
  /** failures by primary diagnosis code */
  errorsByCode: Record<string, number>;
  /** per address: requests, failures and failures by code */
  byAddress: Record<string, { requests: number; failed: number; errorsByCode: Record<string, number> }>;
}

export interface ProbeResult {
  url: string;
  /** as given, or detected when 'auto' */
  target: DetectedTarget;
  targetDetected: boolean;
  /** why the target was chosen: 'server: awselb/2.0', 'host ends in .cloudfront.net', … */
  targetEvidence: string[];
  outcome: ProbeOutcome;
  /** the address used (the first that answered) */
  address: string | null;
  port: number;
  servername: string;
  /** every address DNS (or --resolve) gave */
  resolvedAddresses: string[];
  timings: ProbeTimings;
  /** always present; fields are null/empty for what was not reached (certificateRequest null = not observable) */
  tls: ProbeTls;
  http: ProbeHttp | null;
  diagnosis: DiagnosisFinding[];
  reproduce: { curl: string; openssl: string };
  request: { method: string; headers: [string, string][]; bodyBytes: number };
  identity: ProbeIdentitySummary | null;
  preflight: PreflightCheck[];
  /** with allAddresses: one entry per address */
  addresses: ProbeAddressResult[] | null;
  repeat: ProbeRepeatSummary | null;
  startedAt: string;
}

export interface ProbeProgress {
  done: number;
  total: number;
  succeeded: number;
  failed: number;
  /** latency of the request that just finished, ms */
  lastLatencyMs: number | null;
  lastCode: DiagnosisCode | null;
}
