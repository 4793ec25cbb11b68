/**
 * Names that are the same in every language — header names, API fields, paths, ARN prefixes — kept out of the
 * translation files and interpolated into the translated sentences.
 */
export const TECHNICAL_NAMES = {
  albVerifyHeaders: 'X-Amzn-Mtls-Clientcert-Serial-Number, -Issuer, -Subject, -Validity, -Leaf',
  albPassthroughHeader: 'X-Amzn-Mtls-Clientcert',
  cloudfrontHeaders: 'CloudFront-Viewer-Cert-Serial-Number, -Issuer, -Subject, -Present, -Sha256, -Validity, -Pem',
  cloudfrontPassthrough: 'Client-Cert, Client-Cert-Chain',
  apigwContext: '$context.identity.clientCert',
  apigwFields: 'clientCertPem, subjectDN, issuerDN, serialNumber, validity',
  executeApi: 'execute-api',
  truststoreWarnings: 'truststoreWarnings',
  cloudfrontChina: '*.cloudfront.cn',
  iamPath: '/cloudfront/',
  arnPrefix: 'arn:aws-cn',
  nginxPages: '“No required SSL certificate was sent”, “The SSL certificate error”',
} as const;

/** what the header decoder's empty text box shows */
export const HEADERS_EXAMPLE = 'X-Amzn-Mtls-Clientcert-Leaf: -----BEGIN%20CERTIFICATE-----%0AMIIB…\nX-Amzn-Mtls-Clientcert-Serial-Number: 03A5B1';
