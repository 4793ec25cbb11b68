import { ByteReader } from './byte-reader';
import { certificateTypeName, EXTENSION, HELLO_RETRY_RANDOM, signatureSchemeName, TLS13_VERSION } from './registry';

/** Parsers for the handshake message bodies the tap needs (RFC 5246 §7.4 and RFC 8446 §4). */

export interface ServerHello {
  /** the negotiated version: supported_versions when present, else legacy_version */
  version: number;
  cipherSuite: number;
  helloRetryRequest: boolean;
}

export function parseServerHello(body: Uint8Array): ServerHello {
  const reader = new ByteReader(body);
  const legacyVersion = reader.u16('ServerHello version');
  const random = Buffer.from(reader.take(32, 'ServerHello random')).toString('hex');
  reader.vector(1, 'ServerHello session id');
  const cipherSuite = reader.u16('ServerHello cipher suite');
  reader.u8('ServerHello compression');
  let version = legacyVersion;
  if (reader.remaining > 0) {
    const extensions = reader.vector(2, 'ServerHello extensions');
    while (extensions.remaining > 0) {
      const type = extensions.u16('extension type');
      const data = extensions.vector(2, 'extension data');
      if (type === EXTENSION.supportedVersions) version = data.u16('selected version');
    }
  }
  return { version, cipherSuite, helloRetryRequest: random === HELLO_RETRY_RANDOM };
}

export interface CertificateRequestInfo {
  /** DER of each DistinguishedName, in the order sent */
  authorities: Uint8Array[];
  signatureAlgorithms: string[];
  certificateTypes: string[];
}

function readAuthorities(list: ByteReader): Uint8Array[] {
  const names: Uint8Array[] = [];
  while (list.remaining > 0) names.push(list.vector(2, 'distinguished name').rest());
  return names;
}

function readSchemes(list: ByteReader): string[] {
  const schemes: string[] = [];
  while (list.remaining > 0) schemes.push(signatureSchemeName(list.u16('signature scheme')));
  return schemes;
}

/** TLS 1.2: certificate_types, supported_signature_algorithms, certificate_authorities. */
export function parseCertificateRequest12(body: Uint8Array): CertificateRequestInfo {
  const reader = new ByteReader(body);
  const types = reader.vector(1, 'certificate types');
  const certificateTypes: string[] = [];
  while (types.remaining > 0) certificateTypes.push(certificateTypeName(types.u8()));
  const signatureAlgorithms = readSchemes(reader.vector(2, 'signature algorithms'));
  const authorities = readAuthorities(reader.vector(2, 'certificate authorities'));
  return { authorities, signatureAlgorithms, certificateTypes };
}

/** TLS 1.3: certificate_request_context, then the signature_algorithms and certificate_authorities extensions. */
export function parseCertificateRequest13(body: Uint8Array): CertificateRequestInfo {
  const reader = new ByteReader(body);
  reader.vector(1, 'certificate request context');
  const extensions = reader.vector(2, 'certificate request extensions');
  const info: CertificateRequestInfo = { authorities: [], signatureAlgorithms: [], certificateTypes: [] };
  while (extensions.remaining > 0) {
    const type = extensions.u16('extension type');
    const data = extensions.vector(2, 'extension data');
    if (type === EXTENSION.signatureAlgorithms) info.signatureAlgorithms = readSchemes(data.vector(2, 'signature algorithms'));
    else if (type === EXTENSION.certificateAuthorities) info.authorities = readAuthorities(data.vector(2, 'certificate authorities'));
  }
  return info;
}

/** The DER certificates of a Certificate message, in the order sent. */
export function parseCertificateList(body: Uint8Array, version: number): Uint8Array[] {
  const reader = new ByteReader(body);
  if (version === TLS13_VERSION) reader.vector(1, 'certificate request context');
  const list = reader.vector(3, 'certificate list');
  const certificates: Uint8Array[] = [];
  while (list.remaining > 0) {
    certificates.push(list.vector(3, 'certificate').rest());
    if (version === TLS13_VERSION) list.vector(2, 'certificate entry extensions');
  }
  return certificates;
}
