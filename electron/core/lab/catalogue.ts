import type { LabCertificateRequest, LabEndpointId, LabTarget } from './types';

/**
 * What each lab endpoint imitates, and how sure we are: `confirmed` restates DOMAIN.md (vendor documentation);
 * `assumed` is every choice the lab had to make where the vendor is silent. The product says "likely" for those.
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

const ALB_HEADERS_NOTE = 'the forwarded request also carries X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Port and X-Amzn-Trace-Id';
const NODE_CLOSE = 'an untrusted or expired certificate: the connection closes right after the handshake, with no TLS alert and no HTTP response (a real ALB likely sends an alert such as unknown_ca or certificate_expired; Node.js cannot send one)';

export const LAB_ENDPOINTS: readonly LabEndpointDefinition[] = [
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
      'the client certificate is checked during the TLS handshake against the trust store; a missing or untrusted one gets no HTTP response',
      'trust store option "advertise CA subject names" is off by default: the certificate request carries an empty CA list',
      'expired client certificates are refused (the "allow expired" option is off by default)',
      'chain depth at most 4: a longer client chain is refused (connection log reason ClientCertMaxChainDepthExceeded); a --trust bundle over 25 CA certificates or with a CA over 16 KB is refused, as ALB refuses to create such a trust store',
      'the backend receives X-Amzn-Mtls-Clientcert-Serial-Number (plain hex), -Issuer and -Subject (RFC 2253), -Validity (NotBefore=…Z;NotAfter=…Z) and -Leaf (URL-encoded PEM, + = / literal)',
      ALB_HEADERS_NOTE,
    ],
    assumed: [
      'no certificate: the handshake ends with a TLS alert (certificate_required in TLS 1.3, handshake_failure in TLS 1.2)',
      NODE_CLOSE,
      'X-Amzn-Mtls-Clientcert-* headers sent by the client are removed, never passed on',
      'the depth counts the certificates from the leaf to the trust-store root, both included; intermediates the client sends complete the path',
    ],
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
    confirmed: [
      'the load balancer asks for a client certificate but does not verify it: every request goes through',
      'the backend receives X-Amzn-Mtls-Clientcert: the URL-encoded PEM of the whole chain the client presented, leaf first; absent when no certificate was sent',
      ALB_HEADERS_NOTE,
    ],
    assumed: ['the certificate request carries an empty CA list (there is no trust store in passthrough mode)', 'expired and unknown-CA certificates are passed on like any other'],
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
    confirmed: ['the server never asks for a client certificate', 'no certificate headers reach the backend', ALB_HEADERS_NOTE],
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
    confirmed: [
      'an untrusted, expired or self-signed client certificate gets HTTP 403',
      'intermediates must be in the truststore: it holds the lab root only, so the lab intermediate\'s client gets 403 until lab-intermediate-ca.crt is added with --trust; chain depth at most 4',
      'the integration sees $context.identity.clientCert: clientCertPem, subjectDN, issuerDN, serialNumber, validity.notBefore/notAfter',
    ],
    assumed: [
      'no certificate also gets HTTP 403 (the handshake completes)',
      'intermediates the client sends are not used to build the path: only the truststore counts',
      'the 403 body is {"message":"Forbidden"} with x-amzn-ErrorType: ForbiddenException',
      'the certificate request carries an empty CA list',
      'clientCert formats follow the example in AWS\'s documentation: DNs country first, serial number in decimal, dates like "May 28 12:30:02 2019 GMT"',
    ],
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
    confirmed: [
      'mTLS never applies on *.execute-api.<region>.amazonaws.com: no certificate is requested',
      'any client reaches the API without a certificate, bypassing the custom domain\'s mTLS',
    ],
    assumed: ['the integration sees clientCert: null'],
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
    confirmed: [
      'the client certificate is checked in the TLS handshake at the edge',
      'no certificate: the connection is reset (AWS\'s own curl example: "Recv failure: Connection reset by peer")',
      'the origin receives CloudFront-Viewer-Cert-Serial-Number (colon hex), -Issuer, -Subject, -Present, -Sha256, -Validity and -Pem when they are in the origin request policy',
    ],
    assumed: [
      'an untrusted or expired certificate is also answered with a TCP reset right after the handshake',
      'the certificate request carries an empty CA list',
      'the origin request policy lists every CloudFront-Viewer-Cert-* header and forwards the viewer\'s Host',
      '-Issuer/-Subject in RFC 2253, -Sha256 lowercase hex, -Validity and -Pem in the same formats as ALB',
    ],
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
    confirmed: ['a request without a certificate is allowed (CloudFront-Viewer-Cert-Present: 0)', 'a certificate that fails validation is denied'],
    assumed: ['a denied certificate gets a TCP reset right after the handshake', 'the certificate request carries an empty CA list', 'header formats as for "required"'],
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
    confirmed: [
      'CloudFront never asks for a client certificate: the user\'s certificate cannot reach anything behind it',
      'no CloudFront-Viewer-Cert-* headers reach the origin',
    ],
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
    confirmed: [
      'a Classic Load Balancer has no native mTLS: TLS passes through it untouched and the instance does the handshake',
      'no headers are added: the instance sees the client\'s request as sent',
    ],
    assumed: [
      'the instance is a Node.js server: it advertises its CA, a missing certificate ends the handshake with an alert (certificate_required / handshake_failure) and an untrusted one closes the connection after the handshake',
    ],
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
    confirmed: ['the client certificate is checked at the CLB against the one uploaded client-CA certificate'],
    assumed: [
      'like nginx with ssl_verify_client on: the CA names are advertised and the handshake always completes',
      'no certificate: HTTP 400 page "No required SSL certificate was sent"; an untrusted or expired one: HTTP 400 page "The SSL certificate error"',
      'responses carry Server: Tengine',
      'the backend receives X-Forwarded-For and X-Forwarded-Proto and no certificate headers',
    ],
  },
];

export const LAB_HOSTNAMES: readonly string[] = LAB_ENDPOINTS.map((endpoint) => endpoint.hostname);

/** The catalogue as the UI shows it before a lab runs. */
export const labEndpointCatalogue = (): readonly LabEndpointDefinition[] => LAB_ENDPOINTS;
