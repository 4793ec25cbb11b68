import { Name, X509CertificateGenerator, type Extension } from '@peculiar/x509';
import type { KeyObject } from 'node:crypto';
import { parseCertificate } from '../pki/certificate';
import { encodePem } from '../pki/pem';
import { signerFor, x509Crypto } from './signer';
import type { ValidityWindow } from './validity';

/** Assembles and signs one X.509 v3 certificate, and describes what was signed. */

export interface CertificateSpec {
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  spki: Uint8Array;
  /** lowercase hex, see randomSerial() */
  serial: string;
  validity: ValidityWindow;
  extensions: Extension[];
  signingKey: KeyObject;
}

/** What the CA made, as the registry and the CLI report it. */
export interface IssuedCertificate {
  /** DER */
  certificate: Uint8Array;
  pem: string;
  /** lowercase hex without sign padding, as OpenSSL prints it */
  serial: string;
  /** RFC 4514, Unicode intact */
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** true when the requested validity was shortened to end with the issuer's */
  validityCapped: boolean;
  /** lowercase hex SHA-256 of the DER */
  sha256: string;
}

export async function buildCertificate(spec: CertificateSpec): Promise<Uint8Array> {
  const signer = await signerFor(spec.signingKey);
  const certificate = await X509CertificateGenerator.create(
    {
      serialNumber: spec.serial,
      subject: new Name(spec.subjectDer),
      issuer: new Name(spec.issuerDer),
      notBefore: spec.validity.notBefore,
      notAfter: spec.validity.notAfter,
      publicKey: spec.spki,
      signingKey: signer.key,
      signingAlgorithm: signer.algorithm,
      extensions: spec.extensions,
    },
    x509Crypto,
  );
  return new Uint8Array(certificate.rawData);
}

export function describeIssued(der: Uint8Array, validityCapped: boolean): IssuedCertificate {
  const parsed = parseCertificate(der, 'the issued certificate');
  return {
    certificate: der,
    pem: encodePem('CERTIFICATE', der),
    serial: parsed.serialNumber,
    subject: parsed.subject,
    issuer: parsed.issuer,
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    validityCapped,
    sha256: parsed.sha256,
  };
}
