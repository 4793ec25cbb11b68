import type { KeyObject } from 'node:crypto';
import { StudioError } from '../../common/errors';
import { parseCertificate, type ParsedCertificate } from '../pki/certificate';
import { bytesEqual, children, expectTag, raw, readSingle, TAG } from '../pki/der';
import { describePublicKey } from '../pki/keys';
import { caExpired, notACa } from './errors';
import { keyIdentifier } from './extensions';
import { spkiOf, toPrivateKey, type PrivateKeyInput } from './keys';

/** A CA as callers hold it: its certificate (DER) and its private key. */
export interface CaSigner {
  certificate: Uint8Array;
  privateKey: PrivateKeyInput;
}

/** A CA checked and ready to sign: validity, CA flags and key pairing verified. */
export interface LoadedIssuer {
  certificate: ParsedCertificate;
  /** the subject Name exactly as encoded in the CA certificate: issued certificates copy it byte for byte */
  subjectDer: Uint8Array;
  /** what messages call it: its CN, else its subject */
  label: string;
  key: KeyObject;
  /** the CA's subjectKeyIdentifier (or, if it has none, the RFC 5280 method-1 hash of its key): the children's AKI */
  keyId: Uint8Array;
  pathLen: number | null;
}

const SOURCE = 'the CA certificate';

/** The raw subject Name of a certificate. */
export function certificateSubjectDer(der: Uint8Array): Uint8Array {
  const [tbs] = children(expectTag(readSingle(der), TAG.SEQUENCE, 'a certificate'));
  const fields = children(expectTag(tbs, TAG.SEQUENCE, 'the certificate body'));
  const body = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  return raw(expectTag(body[4], TAG.SEQUENCE, 'a subject name'));
}

/**
 * Checks that `signer` can sign `purpose` at `now`: a CA certificate (basicConstraints CA:TRUE; keyCertSign, or
 * cRLSign for CRLs, when keyUsage is present), valid now, whose public key is the given private key's.
 */
export function loadIssuer(signer: CaSigner, now: Date, purpose: 'certificates' | 'crl' = 'certificates'): LoadedIssuer {
  if (!(signer?.certificate instanceof Uint8Array)) throw new StudioError('INVALID_ARGUMENT', 'invalid CA: its certificate (DER) is missing', { hint: 'Give the CA certificate and its private key.' });
  const certificate = parseCertificate(signer.certificate, SOURCE);
  const label = certificate.commonName ?? certificate.subject;
  const { basicConstraints, keyUsage, subjectKeyIdentifier } = certificate.extensions;
  if (basicConstraints?.ca !== true) throw notACa(label, 'its certificate is not a CA certificate (basicConstraints CA:TRUE is missing)');
  const usage = purpose === 'crl' ? 'cRLSign' : 'keyCertSign';
  if (keyUsage.length > 0 && !keyUsage.includes(usage)) throw notACa(label, `its keyUsage (${keyUsage.join(', ')}) does not include ${usage}`);
  if (now.getTime() > certificate.notAfter.getTime()) throw caExpired(label, `it expired on ${certificate.notAfter.toISOString().slice(0, 10)}`);
  if (now.getTime() < certificate.notBefore.getTime()) throw caExpired(label, `it is not valid before ${certificate.notBefore.toISOString()}`);
  const key = toPrivateKey(signer.privateKey, 'CA private key');
  const certSpki = describePublicKey(certificate.spki).spki;
  if (certSpki === null || !bytesEqual(certSpki, spkiOf(key))) {
    throw new StudioError('KEY_MISMATCH', `the private key given for '${label}' is not the key of its certificate`, {
      hint: 'Give the key the CA certificate was made for (the pair that was created or imported together).',
      params: { name: label },
    });
  }
  return {
    certificate,
    subjectDer: certificateSubjectDer(signer.certificate),
    label,
    key,
    keyId: subjectKeyIdentifier === null ? keyIdentifier(certificate.spki) : new Uint8Array(Buffer.from(subjectKeyIdentifier, 'hex')),
    pathLen: basicConstraints.pathLen,
  };
}
