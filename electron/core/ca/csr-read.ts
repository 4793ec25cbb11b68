import { createPublicKey } from 'node:crypto';
import type { PublicKeyInfo } from '../../common/dto/inspect';
import { StudioError } from '../../common/errors';
import { bitStringBytes } from '../pki/certificate';
import { children, decodeOid, expectTag, raw, readSingle, TAG, type Tlv } from '../pki/der';
import { parseExtensions, type CertificateExtensions } from '../pki/extensions';
import { describePublicKey } from '../pki/keys';
import { readContent } from '../pki';
import { formatName } from '../pki/names';
import { guarded } from '../pki/read-errors';
import { signatureAlgorithmName } from '../pki/signature-names';
import { verifySignature } from '../pki/signature';
import { keyTypeOf, type KeyType } from './keys';

/** A certificate request someone sent: what it asks for, and whether its signature holds. */

export interface CsrDetails {
  /** DER */
  csr: Uint8Array;
  /** RFC 4514, Unicode intact */
  subject: string;
  /** the subject Name as encoded in the request (issued certificates copy it) */
  subjectDer: Uint8Array;
  publicKey: PublicKeyInfo;
  /** one of the five key types the CA issues, or null (RSA-1024, P-521, Ed25519…) */
  keyType: KeyType | null;
  /** SubjectPublicKeyInfo DER */
  spki: Uint8Array;
  /** requested SANs, OpenSSL style ('DNS:…', 'IP:…', 'email:…', 'URI:…', 'otherName:<oid>'…) */
  subjectAltNames: string[];
  /** requested extended key usages ('clientAuth', 'serverAuth', or OIDs); null when none were requested */
  requestedExtendedKeyUsage: string[] | null;
  requestedKeyUsage: string[];
  /** true when the request asks for basicConstraints CA:TRUE */
  requestsCa: boolean;
  signatureAlgorithm: string;
  /** the request is signed by the key it carries (proof of possession) */
  signatureValid: boolean;
  source: string;
}

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

function requestedExtensions(attributes: Tlv | undefined): CertificateExtensions {
  if (!attributes) return parseExtensions(undefined);
  for (const attribute of children(attributes)) {
    const [type, values] = children(expectTag(attribute, TAG.SEQUENCE, 'a request attribute'));
    if (type && values && decodeOid(type) === EXTENSION_REQUEST) return parseExtensions(children(values)[0]);
  }
  return parseExtensions(undefined);
}

/** Decodes a PKCS#10 request given as DER. CORRUPT_INPUT naming `source` when malformed. */
export function describeCsrDer(der: Uint8Array, source: string): CsrDetails {
  return guarded(source, 'the certificate request', () => {
    const [info, algorithm, signature] = children(expectTag(readSingle(der), TAG.SEQUENCE, 'a certificate request'));
    const [version, subject, spkiTlv, attributes] = children(expectTag(info, TAG.SEQUENCE, 'the request body'));
    expectTag(version, TAG.INTEGER, 'a version');
    expectTag(subject, TAG.SEQUENCE, 'a subject');
    const spki = raw(expectTag(spkiTlv, TAG.SEQUENCE, 'a public key'));
    const algorithmDer = raw(expectTag(algorithm, TAG.SEQUENCE, 'a signature algorithm'));
    const extensions = requestedExtensions(attributes?.tag === 0xa0 ? attributes : undefined);
    const { spki: _normalized, ...publicKey } = describePublicKey(spki);
    let keyType: KeyType | null;
    try {
      keyType = keyTypeOf(createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }));
    } catch {
      keyType = null; // a key node:crypto cannot load: described by its OID above, refused by any policy
    }
    return {
      csr: der,
      subject: formatName(subject!),
      subjectDer: raw(subject!),
      publicKey,
      keyType,
      spki,
      subjectAltNames: extensions.subjectAltNames,
      requestedExtendedKeyUsage: extensions.extendedKeyUsage,
      requestedKeyUsage: extensions.keyUsage,
      requestsCa: extensions.basicConstraints?.ca === true,
      signatureAlgorithm: signatureAlgorithmName(algorithmDer),
      signatureValid: verifySignature(raw(info!), algorithmDer, bitStringBytes(signature), spki) === true,
      source,
    };
  });
}

/** Reads a request file's bytes (PEM or DER); exactly one request is expected. */
export function readCsr(bytes: Uint8Array, source: string): CsrDetails {
  const content = readContent(bytes, source);
  if (content.csrs.length !== 1) {
    throw new StudioError(content.csrs.length === 0 ? 'UNSUPPORTED_FORMAT' : 'AMBIGUOUS_SELECTION', `'${source}' holds ${content.csrs.length === 0 ? 'no certificate request' : `${content.csrs.length} certificate requests`}`, {
      hint: content.csrs.length === 0 ? 'Choose the .csr/.req file (PEM "BEGIN CERTIFICATE REQUEST" or DER).' : 'Give one request per file.',
      params: { file: source },
    });
  }
  return describeCsrDer(content.csrs[0]!.der, source);
}
