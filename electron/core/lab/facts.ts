/**
 * Every "confirmed" and "assumed" line of the lab catalogue, by a stable id: the CLI prints the English text, the
 * app translates by id (targets.lab.facts.<id>) and falls back to this text. A line shared by several endpoints has
 * one id. Ids never change when a line moves; a new wording of the same fact keeps its id.
 */
export const LAB_FACTS = {
  'alb-verify-handshake': 'the client certificate is checked during the TLS handshake against the trust store; a missing or untrusted one gets no HTTP response',
  'alb-advertise-ca-off': 'trust store option "advertise CA subject names" is off by default: the certificate request carries an empty CA list',
  'alb-expired-refused': 'expired client certificates are refused (the "allow expired" option is off by default)',
  'alb-chain-depth':
    'chain depth at most 4: a longer client chain is refused (connection log reason ClientCertMaxChainDepthExceeded); a --trust bundle over 25 CA certificates or with a CA over 16 KB is refused, as ALB refuses to create such a trust store',
  'alb-verify-headers':
    'the backend receives X-Amzn-Mtls-Clientcert-Serial-Number (plain hex), -Issuer and -Subject (RFC 2253), -Validity (NotBefore=…Z;NotAfter=…Z) and -Leaf (URL-encoded PEM, + = / literal)',
  'alb-forwarded-headers': 'the forwarded request also carries X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Port and X-Amzn-Trace-Id',
  'alb-no-cert-alert': 'no certificate: the handshake ends with a TLS alert (certificate_required in TLS 1.3, handshake_failure in TLS 1.2)',
  'alb-untrusted-close':
    'an untrusted or expired certificate: the connection closes right after the handshake, with no TLS alert and no HTTP response (a real ALB likely sends an alert such as unknown_ca or certificate_expired; Node.js cannot send one)',
  'alb-client-headers-removed': 'X-Amzn-Mtls-Clientcert-* headers sent by the client are removed, never passed on',
  'alb-depth-counting': 'the depth counts the certificates from the leaf to the trust-store root, both included; intermediates the client sends complete the path',
  'alb-passthrough-no-verify': 'the load balancer asks for a client certificate but does not verify it: every request goes through',
  'alb-passthrough-header':
    'the backend receives X-Amzn-Mtls-Clientcert: the URL-encoded PEM of the whole chain the client presented, leaf first; absent when no certificate was sent',
  'alb-passthrough-empty-ca-list': 'the certificate request carries an empty CA list (there is no trust store in passthrough mode)',
  'alb-passthrough-any-certificate': 'expired and unknown-CA certificates are passed on like any other',
  'alb-off-no-request': 'the server never asks for a client certificate',
  'alb-off-no-headers': 'no certificate headers reach the backend',
  'apigw-bad-certificate-403': 'an untrusted, expired or self-signed client certificate gets HTTP 403',
  'apigw-intermediates-in-truststore':
    "intermediates must be in the truststore: it holds the lab root only, so the lab intermediate's client gets 403 until lab-intermediate-ca.crt is added with --trust; chain depth at most 4",
  'apigw-client-cert-context': 'the integration sees $context.identity.clientCert: clientCertPem, subjectDN, issuerDN, serialNumber, validity.notBefore/notAfter',
  'apigw-no-cert-403': 'no certificate also gets HTTP 403 (the handshake completes)',
  'apigw-client-chain-ignored': 'intermediates the client sends are not used to build the path: only the truststore counts',
  'apigw-403-body': 'the 403 body is {"message":"Forbidden"} with x-amzn-ErrorType: ForbiddenException',
  'empty-ca-list': 'the certificate request carries an empty CA list',
  'apigw-client-cert-formats':
    'clientCert formats follow the example in AWS\'s documentation: DNs country first, serial number in decimal, dates like "May 28 12:30:02 2019 GMT"',
  'execute-api-no-mtls': 'mTLS never applies on *.execute-api.<region>.amazonaws.com: no certificate is requested',
  'execute-api-bypass': "any client reaches the API without a certificate, bypassing the custom domain's mTLS",
  'execute-api-client-cert-null': 'the integration sees clientCert: null',
  'cloudfront-edge-check': 'the client certificate is checked in the TLS handshake at the edge',
  'cloudfront-no-cert-reset': 'no certificate: the connection is reset (AWS\'s own curl example: "Recv failure: Connection reset by peer")',
  'cloudfront-viewer-headers':
    'the origin receives CloudFront-Viewer-Cert-Serial-Number (colon hex), -Issuer, -Subject, -Present, -Sha256, -Validity and -Pem when they are in the origin request policy',
  'cloudfront-untrusted-reset': 'an untrusted or expired certificate is also answered with a TCP reset right after the handshake',
  'cloudfront-origin-policy': "the origin request policy lists every CloudFront-Viewer-Cert-* header and forwards the viewer's Host",
  'cloudfront-header-formats': '-Issuer/-Subject in RFC 2253, -Sha256 lowercase hex, -Validity and -Pem in the same formats as ALB',
  'cloudfront-optional-no-cert': 'a request without a certificate is allowed (CloudFront-Viewer-Cert-Present: 0)',
  'cloudfront-optional-invalid-denied': 'a certificate that fails validation is denied',
  'cloudfront-optional-denied-reset': 'a denied certificate gets a TCP reset right after the handshake',
  'cloudfront-optional-header-formats': 'header formats as for "required"',
  'cloudfront-off-no-request': "CloudFront never asks for a client certificate: the user's certificate cannot reach anything behind it",
  'cloudfront-off-no-headers': 'no CloudFront-Viewer-Cert-* headers reach the origin',
  'aws-clb-passthrough': 'a Classic Load Balancer has no native mTLS: TLS passes through it untouched and the instance does the handshake',
  'aws-clb-no-headers': "no headers are added: the instance sees the client's request as sent",
  'aws-clb-node-instance':
    'the instance is a Node.js server: it advertises its CA, a missing certificate ends the handshake with an alert (certificate_required / handshake_failure) and an untrusted one closes the connection after the handshake',
  'alibaba-clb-client-ca': 'the client certificate is checked at the CLB against the one uploaded client-CA certificate',
  'alibaba-clb-nginx': 'like nginx with ssl_verify_client on: the CA names are advertised and the handshake always completes',
  'alibaba-clb-400-pages': 'no certificate: HTTP 400 page "No required SSL certificate was sent"; an untrusted or expired one: HTTP 400 page "The SSL certificate error"',
  'alibaba-clb-tengine': 'responses carry Server: Tengine',
  'alibaba-clb-forwarded': 'the backend receives X-Forwarded-For and X-Forwarded-Proto and no certificate headers',
} as const satisfies Record<string, string>;

export type LabFactId = keyof typeof LAB_FACTS;

/** one line of what an endpoint does: its id (what the app translates by) and its English text (what the CLI prints) */
export interface LabFact {
  id: LabFactId;
  text: string;
}

export const labFact = (id: LabFactId): LabFact => ({ id, text: LAB_FACTS[id] });
