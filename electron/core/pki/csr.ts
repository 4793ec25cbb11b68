import type { CsrInfo } from '../../common/dto/inspect';
import { children, decodeOid, expectTag, raw, readSingle, TAG, type Tlv } from './der';
import { bitStringBytes } from './certificate';
import { parseExtensions } from './extensions';
import { describePublicKey } from './keys';
import { formatName } from './names';
import { signatureAlgorithmName } from './signature-names';
import { guarded } from './read-errors';
import { verifySignature } from './signature';

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

function requestedExtensions(attributes: Tlv | undefined) {
  if (!attributes) return parseExtensions(undefined);
  for (const attribute of children(attributes)) {
    const [type, values] = children(expectTag(attribute, TAG.SEQUENCE, 'a CSR attribute'));
    if (type && values && decodeOid(type) === EXTENSION_REQUEST) return parseExtensions(children(values)[0]);
  }
  return parseExtensions(undefined);
}

/** PKCS#10 CertificationRequest → CsrInfo (the signature is checked with the request's own key). */
export function describeCsr(der: Uint8Array, source: string): CsrInfo {
  return guarded(source, 'the certificate request', () => {
    const [info, algorithm, signature] = children(expectTag(readSingle(der), TAG.SEQUENCE, 'a certificate request'));
    const [version, subject, spki, attributes] = children(expectTag(info, TAG.SEQUENCE, 'the request body'));
    expectTag(version, TAG.INTEGER, 'a version');
    const subjectName = formatName(expectTag(subject, TAG.SEQUENCE, 'a subject'));
    const spkiDer = raw(expectTag(spki, TAG.SEQUENCE, 'a public key'));
    const algorithmDer = raw(expectTag(algorithm, TAG.SEQUENCE, 'a signature algorithm'));
    const { spki: _normalized, ...publicKey } = describePublicKey(spkiDer);
    return {
      subject: subjectName,
      publicKey,
      subjectAltNames: requestedExtensions(attributes?.tag === 0xa0 ? attributes : undefined).subjectAltNames,
      signatureAlgorithm: signatureAlgorithmName(algorithmDer),
      signatureValid: verifySignature(raw(info!), algorithmDer, bitStringBytes(signature), spkiDer) === true,
      source,
    };
  });
}
