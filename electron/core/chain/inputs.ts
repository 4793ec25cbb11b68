import type { X509Certificate, X509Crl } from '@peculiar/x509';
import type { ChainPurpose } from '../../common/dto/chain';
import { parseCertificate, type ParsedCertificate } from '../pki/certificate';
import { parseCrl, type ParsedCrl } from './crl-parse';

/** A certificate as @peculiar/x509 holds it, or as DER (pki's CertificateItem fits). */
export type CertificateInput = X509Certificate | { der: Uint8Array; source?: string };
/** A CRL as @peculiar/x509 holds it, or as DER (pki's DerItem fits). */
export type CrlInput = X509Crl | { der: Uint8Array; source?: string };

export interface VerifyChainInput {
  leaf: CertificateInput;
  /** intermediates offered by the peer or the user; order does not matter, extras are ignored */
  untrusted: CertificateInput[];
  /** trust anchors: a path is valid only if it ends at one of these (matched by name and key) */
  anchors: CertificateInput[];
  /** validation time; default now */
  at?: Date;
  /** default 'any' (no extendedKeyUsage requirement) */
  purpose?: ChainPurpose;
  /**
   * when given (non-empty), every certificate is checked against the CRLs of its issuer that cover it; a
   * certificate whose issuer has none here gets a REVOCATION_NOT_CHECKED warning
   */
  crls?: CrlInput[];
}

const derOf = (input: CertificateInput | CrlInput): Uint8Array => ('rawData' in input ? new Uint8Array(input.rawData) : input.der);
const sourceOf = (input: CertificateInput | CrlInput, fallback: string): string => ('rawData' in input ? fallback : (input.source ?? fallback));

export function toCertificate(input: CertificateInput, fallbackName: string): ParsedCertificate {
  return parseCertificate(derOf(input), sourceOf(input, fallbackName));
}

export function toCrl(input: CrlInput, fallbackName: string): ParsedCrl {
  return parseCrl(derOf(input), sourceOf(input, fallbackName));
}
