import type { CertificateInfo, Finding } from './inspect';

/**
 * Cloud targets (issue 5 §3): the mTLS header decoder's report, the region/certificate guide with its AWS CLI
 * commands, and the local lab as the app shows it. Plain data only.
 */

/** which product added a header: ALB verify mode, ALB passthrough, CloudFront viewer mTLS (and its passthrough), API Gateway's context */
export type MtlsHeaderFamily = 'alb-verify' | 'alb-passthrough' | 'cloudfront' | 'cloudfront-passthrough' | 'apigw-context';

export interface DecodedHeaderField {
  /** the header name as given */
  header: string;
  family: MtlsHeaderFamily;
  /** what the field carries: 'serial-number', 'issuer', 'subject', 'validity', 'leaf', 'chain', 'present', 'sha256', 'pem', … */
  field: string;
  /** the value as received (long values cut at 200 characters) */
  raw: string;
  /** after the path-style unescape (certificates: their PEM text) */
  decoded: string;
}

/** a header's claim compared with the certificate it came with (serial, SHA-256, subject) */
export interface HeaderCrossCheck {
  header: string;
  claimed: string;
  actual: string;
  agrees: boolean;
}

export interface MtlsHeaderReport {
  families: MtlsHeaderFamily[];
  /**
   * alb-verified: ALB checked the certificate against its trust store; alb-passthrough-unverified: ALB passed on
   * whatever the client sent; cloudfront-viewer: CloudFront viewer mTLS; apigw-context: API Gateway's
   * $context.identity.clientCert; none: no mTLS header found
   */
  verdict: 'alb-verified' | 'alb-passthrough-unverified' | 'cloudfront-viewer' | 'apigw-context' | 'none';
  /** CloudFront-Viewer-Cert-Present / presence of a certificate field */
  certificatePresent: boolean | null;
  fields: DecodedHeaderField[];
  /** the certificates carried (leaf first, as sent), described like `inspect` does */
  certificates: CertificateInfo[];
  crossChecks: HeaderCrossCheck[];
  /** certificate findings (expired, weak algorithm, …) from the inspector */
  findings: Finding[];
  /** header names seen that carry no mTLS information */
  otherHeaders: string[];
}

export type GuideTarget = 'alb' | 'apigw' | 'cloudfront' | 'clb';

/** what the user fills in on the Targets screen / passes to the guide; every field optional, placeholders otherwise */
export interface GuideValues {
  region?: string;
  /** API Gateway: regional (mTLS possible) or edge (no mTLS) */
  apigwEndpointType?: 'regional' | 'edge';
  domainName?: string;
  accountId?: string;
  bucket?: string;
  /** S3 key of the trust-store bundle */
  bundleKey?: string;
  /** local file names */
  certFile?: string;
  keyFile?: string;
  chainFile?: string;
  bundleFile?: string;
  trustStoreName?: string;
  trustStoreArn?: string;
  loadBalancerArn?: string;
  targetGroupArn?: string;
  certificateArn?: string;
  restApiId?: string;
  albMode?: 'verify' | 'passthrough';
  advertiseCaNames?: boolean;
  ignoreClientCertificateExpiry?: boolean;
  certificateName?: string;
  /** AWS Classic Load Balancer name */
  classicLbName?: string;
}

export interface CertificatePlacement {
  /** 'acm', 'iam' (CloudFront China), or 'instances' (Classic LB TCP passthrough: the instances hold it) */
  service: 'acm' | 'iam' | 'instances';
  /** where it must live; null for IAM (global) */
  region: string | null;
  partition: 'aws' | 'aws-cn';
  /** machine-readable reason, translated by the UI */
  rule: 'cloudfront-us-east-1' | 'edge-api-us-east-1' | 'resource-region' | 'cloudfront-china-iam' | 'apigw-china-regional-only' | 'clb-on-instances';
  /** one sentence, English (CLI) */
  explanation: string;
}

export interface AwsCommand {
  /** stable id: 'acm-import', 's3-cp-bundle', 'elbv2-create-trust-store', … */
  id: string;
  /** one line, English (CLI); the UI translates by id */
  purpose: string;
  argv: string[];
  /** argv as one POSIX shell line, each argument quoted where needed */
  shell: string;
  /** the same, each --option on its own line continued with a backslash (for reading) */
  multiline: string;
}

export interface TargetGuide {
  target: GuideTarget;
  placement: CertificatePlacement;
  commands: AwsCommand[];
  /** values the commands still need (shown as <PLACEHOLDER> in them) */
  missing: string[];
}

/** The local lab, as main reports it to the renderer. */
export interface LabEndpointDto {
  id: string;
  name: string;
  url: string;
  port: number;
  /** the cloud-style host name to use with --resolve HOST:PORT:127.0.0.1 (it is in the lab's server certificate) */
  hostname: string | null;
  target: 'alb' | 'apigw' | 'cloudfront' | 'clb' | 'generic';
  vendor: 'aws' | 'alibaba';
  certificateRequest: 'none' | 'optional' | 'required';
  /** RFC 2253 names of the CAs its client trust store holds (the lab CA, then the extra trusted files); [] = verifies nothing */
  trustedCaNames: string[];
  emulates: string;
  /** what the vendor documents, one line each: `id` is the translation key, `text` the CLI's English line */
  confirmed: LabFactDto[];
  /** what the lab chose where the vendor is silent ("likely" in the UI) */
  assumed: LabFactDto[];
}

export interface LabFactDto {
  id: string;
  text: string;
}

export interface LabStatus {
  running: boolean;
  endpoints: LabEndpointDto[];
  files: LabFilesDto | null;
  /** the CA files the lab was started with besides its own CA (e.g. the trust-store bundle about to be uploaded) */
  trust: string[];
}

/** `studio:lab.start`'s optional argument: CA files (PEM, DER, PKCS#7) the verifying endpoints trust too */
export interface LabStartRequest {
  trust?: string[];
}

export interface LabFilesDto {
  folder: string;
  caCert: string;
  client: { cert: string; key: string };
  expiredClient: { cert: string; key: string };
  unknownCaClient: { cert: string; key: string };
  /** the lab intermediate CA (issued by the lab CA); trusted by no endpoint unless it is given as a trusted file */
  intermediateCaCert: string | null;
  /** a client issued by the lab intermediate; `chain` (leaf + intermediate) is what it sends */
  intermediateClient: { cert: string; chain: string; key: string } | null;
}
