import { LAB_FACTS, labFact, type LabFact, type LabFactId } from './facts';
import type { LabCertificateRequest, LabEndpointId, LabTarget } from './types';

/**
 * What each lab endpoint imitates, and how sure we are: `confirmed` restates DOMAIN.md (vendor documentation);
 * `assumed` is every choice the lab had to make where the vendor is silent. The product says "likely" for those.
 * Both list fact ids (facts.ts): the CLI prints their English text, the app translates them by id.
 */

export interface LabEndpointDefinition {
  id: LabEndpointId;
  name: string;
  hostname: string;
  target: LabTarget;
  vendor: 'aws' | 'alibaba';
  emulates: string;
  certificateRequest: LabCertificateRequest;
  advertisesCa: boolean;
  confirmed: string[];
  assumed: string[];
}

interface LabEndpointSpec extends Omit<LabEndpointDefinition, 'confirmed' | 'assumed'> {
  confirmed: LabFactId[];
  assumed: LabFactId[];
}

const SPECS: readonly LabEndpointSpec[] = [
  {
    id: 'alb-verify',
    name: 'ALB mTLS verify',
    hostname: 'lab-alb-1234567890.us-east-1.elb.amazonaws.com',
    target: 'alb',
    vendor: 'aws',
    emulates: 'AWS Application Load Balancer, HTTPS listener with mutual authentication mode "verify" (trust store: the lab CA and any --trust CAs)',
    certificateRequest: 'required',
    advertisesCa: false,
    confirmed: [
      'alb-verify-handshake',
      'alb-advertise-ca-off',
      'alb-expired-refused',
      'alb-chain-depth',
      'alb-verify-headers',
      'alb-forwarded-headers',
    ],
    assumed: ['alb-no-cert-alert', 'alb-untrusted-close', 'alb-client-headers-removed', 'alb-depth-counting'],
  },
  {
    id: 'alb-passthrough',
    name: 'ALB mTLS passthrough',
    hostname: 'lab-alb-passthrough-1234567890.us-east-1.elb.amazonaws.com',
    target: 'alb',
    vendor: 'aws',
    emulates: 'AWS Application Load Balancer, mutual authentication mode "passthrough": asks for a certificate, verifies nothing',
    certificateRequest: 'optional',
    advertisesCa: false,
    confirmed: ['alb-passthrough-no-verify', 'alb-passthrough-header', 'alb-forwarded-headers'],
    assumed: ['alb-passthrough-empty-ca-list', 'alb-passthrough-any-certificate'],
  },
  {
    id: 'alb-off',
    name: 'ALB without mTLS',
    hostname: 'lab-alb-off-1234567890.us-east-1.elb.amazonaws.com',
    target: 'alb',
    vendor: 'aws',
    emulates: 'AWS Application Load Balancer, HTTPS listener with mutual authentication off',
    certificateRequest: 'none',
    advertisesCa: false,
    confirmed: ['alb-off-no-request', 'alb-off-no-headers', 'alb-forwarded-headers'],
    assumed: [],
  },
  {
    id: 'apigw-custom-domain',
    name: 'API Gateway custom domain (mTLS)',
    hostname: 'api.partner-lab.example.com',
    target: 'apigw',
    vendor: 'aws',
    emulates: 'Amazon API Gateway Regional custom domain with mutual TLS (truststore: the lab CA and any --trust CAs, not the lab intermediate), Lambda proxy integration',
    certificateRequest: 'required',
    advertisesCa: false,
    confirmed: ['apigw-bad-certificate-403', 'apigw-intermediates-in-truststore', 'apigw-client-cert-context'],
    assumed: ['apigw-no-cert-403', 'apigw-client-chain-ignored', 'apigw-403-body', 'empty-ca-list', 'apigw-client-cert-formats'],
  },
  {
    id: 'apigw-execute-api',
    name: 'API Gateway default endpoint',
    hostname: 'abcdef1234.execute-api.us-east-1.amazonaws.com',
    target: 'apigw',
    vendor: 'aws',
    emulates: 'the same API on its default execute-api endpoint, which was left enabled (disableExecuteApiEndpoint: false)',
    certificateRequest: 'none',
    advertisesCa: false,
    confirmed: ['execute-api-no-mtls', 'execute-api-bypass'],
    assumed: ['execute-api-client-cert-null'],
  },
  {
    id: 'cloudfront-required',
    name: 'CloudFront viewer mTLS required',
    hostname: 'd111111abcdef8.cloudfront.net',
    target: 'cloudfront',
    vendor: 'aws',
    emulates: 'Amazon CloudFront distribution with viewer mTLS in mode "required" (trust store: the lab CA and any --trust CAs; chain depth at most 4)',
    certificateRequest: 'required',
    advertisesCa: false,
    confirmed: ['cloudfront-edge-check', 'cloudfront-no-cert-reset', 'cloudfront-viewer-headers'],
    assumed: ['cloudfront-untrusted-reset', 'empty-ca-list', 'cloudfront-origin-policy', 'cloudfront-header-formats'],
  },
  {
    id: 'cloudfront-optional',
    name: 'CloudFront viewer mTLS optional',
    hostname: 'd222222abcdef8.cloudfront.net',
    target: 'cloudfront',
    vendor: 'aws',
    emulates: 'Amazon CloudFront distribution with viewer mTLS in mode "optional"',
    certificateRequest: 'optional',
    advertisesCa: false,
    confirmed: ['cloudfront-optional-no-cert', 'cloudfront-optional-invalid-denied'],
    assumed: ['cloudfront-optional-denied-reset', 'empty-ca-list', 'cloudfront-optional-header-formats'],
  },
  {
    id: 'cloudfront-off',
    name: 'CloudFront without viewer mTLS',
    hostname: 'd333333abcdef8.cloudfront.net',
    target: 'cloudfront',
    vendor: 'aws',
    emulates: 'Amazon CloudFront distribution without viewer mTLS (for example in front of an ALB in verify mode)',
    certificateRequest: 'none',
    advertisesCa: false,
    confirmed: ['cloudfront-off-no-request', 'cloudfront-off-no-headers'],
    assumed: [],
  },
  {
    id: 'aws-clb',
    name: 'AWS Classic LB (TCP passthrough)',
    hostname: 'lab-clb-1234567890.us-east-1.elb.amazonaws.com',
    target: 'clb',
    vendor: 'aws',
    emulates: 'AWS Classic Load Balancer with a TCP listener passing TLS through to an instance that does mTLS itself (a Node.js https server: requestCert, rejectUnauthorized, ca = the lab CA and any --trust CAs)',
    certificateRequest: 'required',
    advertisesCa: true,
    confirmed: ['aws-clb-passthrough', 'aws-clb-no-headers'],
    assumed: ['aws-clb-node-instance'],
  },
  {
    id: 'alibaba-clb',
    name: 'Alibaba Cloud CLB mutual auth',
    hostname: 'lab-clb.cn-hangzhou.slb.aliyuncs.com',
    target: 'clb',
    vendor: 'alibaba',
    emulates: 'Alibaba Cloud CLB HTTPS listener with mutual authentication on (client CA: the lab CA)',
    certificateRequest: 'required',
    advertisesCa: true,
    confirmed: ['alibaba-clb-client-ca'],
    assumed: ['alibaba-clb-nginx', 'alibaba-clb-400-pages', 'alibaba-clb-tengine', 'alibaba-clb-forwarded'],
  },
];

export const LAB_ENDPOINTS: readonly LabEndpointDefinition[] = SPECS.map(({ confirmed, assumed, ...spec }) => ({
  ...spec,
  confirmed: confirmed.map((id) => LAB_FACTS[id]),
  assumed: assumed.map((id) => LAB_FACTS[id]),
}));

/** An endpoint's lines with their ids, for the app (which translates them). */
export function labEndpointFacts(id: LabEndpointId): { confirmed: LabFact[]; assumed: LabFact[] } {
  const spec = SPECS.find((candidate) => candidate.id === id);
  return { confirmed: spec?.confirmed.map(labFact) ?? [], assumed: spec?.assumed.map(labFact) ?? [] };
}

export const LAB_HOSTNAMES: readonly string[] = LAB_ENDPOINTS.map((endpoint) => endpoint.hostname);

/** The catalogue as the UI shows it before a lab runs. */
export const labEndpointCatalogue = (): readonly LabEndpointDefinition[] => LAB_ENDPOINTS;
