import type { CertificateInfo } from '../../common/dto/inspect';
import type { ParsedCertificate } from './certificate';
import type { CertificateItem } from './model';
import { describePublicKey } from './keys';
import { signatureAlgorithmName } from './signature-names';

/** The public description of one certificate (`items`: every input occurrence of it, first one first). */
export function certificateInfo(cert: ParsedCertificate, items: CertificateItem[]): CertificateInfo {
  const { spki: _normalized, ...publicKey } = describePublicKey(cert.spki);
  const ext = cert.extensions;
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    sha256: cert.sha256,
    sha1: cert.sha1,
    isCA: ext.basicConstraints?.ca === true,
    selfSigned: cert.selfSigned,
    signatureAlgorithm: signatureAlgorithmName(cert.signatureAlgorithm),
    publicKey,
    subjectAltNames: ext.subjectAltNames,
    keyUsage: ext.keyUsage,
    extendedKeyUsage: ext.extendedKeyUsage,
    friendlyName: items.find((item) => item.friendlyName !== undefined)?.friendlyName ?? null,
    commonName: cert.commonName,
    issuerCommonName: cert.issuerCommonName,
    pathLenConstraint: ext.basicConstraints?.pathLen ?? null,
    subjectKeyIdentifier: ext.subjectKeyIdentifier,
    authorityKeyIdentifier: ext.authorityKeyIdentifier,
    source: items[0]?.source ?? '',
  };
}
