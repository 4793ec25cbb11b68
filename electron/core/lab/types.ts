/** The public shapes of the local lab: what the CLI, main and the UI see of a running lab. */

export type LabEndpointId =
  | 'alb-verify'
  | 'alb-passthrough'
  | 'alb-off'
  | 'apigw-custom-domain'
  | 'apigw-execute-api'
  | 'cloudfront-required'
  | 'cloudfront-optional'
  | 'cloudfront-off'
  | 'aws-clb'
  | 'alibaba-clb';

export const LAB_ENDPOINT_IDS: readonly LabEndpointId[] = [
  'alb-verify',
  'alb-passthrough',
  'alb-off',
  'apigw-custom-domain',
  'apigw-execute-api',
  'cloudfront-required',
  'cloudfront-optional',
  'cloudfront-off',
  'aws-clb',
  'alibaba-clb',
];

export type LabTarget = 'alb' | 'apigw' | 'cloudfront' | 'clb' | 'generic';

/** How the endpoint treats client certificates during the handshake. */
export type LabCertificateRequest = 'none' | 'optional' | 'required';

export interface LabEndpoint {
  id: LabEndpointId;
  name: string;
  /** https://127.0.0.1:PORT/ */
  url: string;
  port: number;
  /** the cloud-style host name to use with `--resolve HOST:PORT:127.0.0.1` (it is in the server certificate) */
  hostname?: string;
  target: LabTarget;
  /** whose product it imitates: `clb` is shared by AWS Classic LB and Alibaba Cloud CLB */
  vendor: 'aws' | 'alibaba';
  emulates: string;
  /** whether the handshake carries a CertificateRequest, and whether going on without a certificate is allowed */
  certificateRequest: LabCertificateRequest;
  /** the acceptable-CA names it sends in the CertificateRequest: [] = an empty list (or no request at all) */
  advertisedCaNames: string[];
  /** RFC 2253 names of the CAs its client trust store holds (the lab CA, then --trust CAs); [] = it verifies nothing */
  trustedCaNames: string[];
  /** behaviours documented by the vendor (DOMAIN.md) */
  confirmed: string[];
  /** behaviours the lab had to choose because the vendor does not document them: the product says "likely" */
  assumed: string[];
}

export interface LabKeyPair {
  cert: string;
  key: string;
}

export interface LabFiles {
  folder: string;
  /** the lab CA: trust it to verify the lab's server certificate (`--ca`), and it is the lab's client trust store */
  caCert: string;
  serverCaChain?: string;
  /** a valid client identity issued by the lab CA; `chain` holds leaf + lab CA (what passthrough forwards whole) */
  client: LabKeyPair & { chain: string };
  /** issued by the lab CA, expired */
  expiredClient: LabKeyPair;
  /** valid dates, issued by a CA the lab does not trust */
  unknownCaClient: LabKeyPair;
  /**
   * the lab intermediate CA (issued by the lab CA); no endpoint trusts it unless it is given with --trust.
   * Optional in the type only so that hand-made LabFiles of earlier versions still fit: startLab always sets it.
   */
  intermediateCaCert?: string;
  /** a valid client issued by the lab intermediate; `chain` holds leaf + intermediate (always set by startLab) */
  intermediateClient?: LabKeyPair & { chain: string };
}

export interface RunningLab {
  endpoints: LabEndpoint[];
  files: LabFiles;
  stop(): Promise<void>;
}

export interface StartLabOptions {
  /** default <data home>/lab */
  folder?: string;
  host?: '127.0.0.1';
  /** 'ephemeral' (default): each endpoint on a free port; a number: endpoints on BASE, BASE+1, … BASE+9 */
  ports?: 'ephemeral' | number;
  /**
   * CA certificate files (PEM, DER, PKCS#7) the verifying endpoints trust besides the lab CA: the trust-store bundle
   * about to be uploaded. Over ALB's limits (25 CAs, 16 KB each) the lab refuses to start, as ALB would refuse it.
   */
  trust?: string[];
  now?: () => Date;
}
