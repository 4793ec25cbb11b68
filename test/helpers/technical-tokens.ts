/**
 * Words that stay as they are in the Chinese UIs: format, algorithm, protocol and product names, and the one
 * error text servers print verbatim. Anything else in Latin letters in a zh-CN/zh-TW string is untranslated.
 */
export const TECHNICAL_WORDS = new Set([
  'mTLS', 'Studio', 'PEM', 'DER', 'PKCS', 'SHA', 'MD5', 'RSA', 'EC', 'TLS', 'CRL', 'CSR', 'CN', 'OCSP', 'DNS', 'IP', 'URI',
  'AWS', 'ACM', 'API', 'Gateway', 'CloudFront', 'ALB', 'CA', 'OpenSSL', 'Java', 'Windows', 'macOS', 'curl', 'nginx', 'AES',
  'KB', 'MB', 'clientAuth', 'English', 'unsupported', 'certificate', 'purpose',
  // the Authorities screen: file format, extended key usage names and the CA path-length constraint
  'CSV', 'serverAuth', 'pathLen', 'DES', 'Linux',
  // the Test console: protocols, formats and key names that stay as they are
  'HTTP', 'HTTPS', 'TCP', 'SNI', 'ALPN', 'URL', 'JSON', 'Markdown', 'CLB', 'VPN', 'ACL', 'IPv6', 'ClientHello', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'Ctrl', 'Enter',
  // Targets & lab: AWS service and product names, and the formats the screen names
  'RFC', 'IAM', 'ARN', 'CLI', 'ID', 'REST', 'CNAME', 'ICP', 'Lambda', 'Tengine', 'ECDSA', 'Apache',
  // installing into stores: the browsers and the NSS tools and package by name
  'NSS', 'Firefox', 'Chrome', 'Chromium', 'Safari', 'Edge', 'certutil', 'pk12util', 'libnss3', 'tools',
]);

/** file names and extensions as they appear in hints (leaf.crt, private-key.pem, .p12) */
const FILE_NAMES = /[\w-]*\.(?:crt|key|pem|p12|pfx|p7b|cer)\b/g;
/** i18next placeholders */
const PLACEHOLDERS = /\{\{[^}]+\}\}/g;

/** The Latin-letter words in `text` that are not technical tokens. */
export function untranslatedWords(text: string): string[] {
  const words = text.replace(PLACEHOLDERS, ' ').replace(FILE_NAMES, ' ').match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
  return words.filter((w) => w.length > 1 && !TECHNICAL_WORDS.has(w) && !/^[A-Z]?\d+$/.test(w) && !/^P\d+$/.test(w));
}
