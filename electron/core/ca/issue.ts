import type { KeyObject } from 'node:crypto';
import { readSingle } from '../pki/der';
import { invalidArgument, invalidSan, invalidSubject } from './errors';
import {
  authorityKeyIdentifier,
  basicConstraints,
  extendedKeyUsage,
  keyIdentifier,
  keyUsage,
  subjectAltName,
  subjectKeyIdentifier,
  type ExtendedKeyUsageName,
  type KeyUsageName,
} from './extensions';
import { buildCertificate, describeIssued, type IssuedCertificate } from './certificate-builder';
import { loadIssuer, type CaSigner } from './issuer';
import { DEFAULT_KEY_TYPE, generateKey, toPublicKey, type GeneratedKey, type KeyType } from './keys';
import { parseSans, type SanEntry } from './san';
import { encodeSubject, parseSubject, type SubjectName } from './subject';
import { checkDays, DEFAULT_CLIENT_DAYS, DEFAULT_SERVER_DAYS, randomSerial, validityWindow } from './validity';

/**
 * End-entity certificates. client: EKU clientAuth; server: EKU serverAuth and at least one DNS/IP name. Both:
 * keyUsage digitalSignature (+ keyEncipherment for RSA keys), basicConstraints CA:FALSE, SKI/AKI, 128-bit random
 * serial, validity default 397 days capped at the issuer's notAfter.
 */

export type LeafProfile = 'client' | 'server';
export const LEAF_PROFILES: readonly LeafProfile[] = ['client', 'server'];

export interface IssueRequest {
  profile: LeafProfile;
  /** DN text (either form), a parsed name (e.g. from subjectFromTemplate()), or a DER Name copied as is (from a CSR) */
  subject: string | SubjectName | Uint8Array;
  /** `DNS:…`, `IP:…`, `email:…`, `URI:…` strings, or entries already parsed */
  sans?: readonly (string | SanEntry)[];
  days?: number;
  now?: Date;
}

export interface IssuedIdentity extends IssuedCertificate {
  key: GeneratedKey;
}

export const PROFILE_EKU: Record<LeafProfile, ExtendedKeyUsageName> = { client: 'clientAuth', server: 'serverAuth' };

function checkProfile(profile: unknown): LeafProfile {
  if (profile === 'client' || profile === 'server') return profile;
  throw invalidArgument('certificate type', `'${String(profile)}' is not client or server`);
}

function sanEntries(profile: LeafProfile, sans: readonly (string | SanEntry)[]): SanEntry[] {
  const texts = sans.filter((san): san is string => typeof san === 'string');
  const parsed = parseSans(texts, { wildcard: profile === 'server' });
  const given = sans.filter((san): san is SanEntry => typeof san !== 'string');
  const entries = [...given, ...parsed];
  if (profile === 'server' && !entries.some((entry) => entry.type === 'dns' || entry.type === 'ip')) {
    throw invalidSan(sans.map((san) => (typeof san === 'string' ? san : `${san.type}:${san.value}`)).join(', ') || '(none)', 'a server certificate needs at least one DNS: or IP: name — clients check the host name against these, not against CN');
  }
  return entries;
}

function subjectDerOf(subject: string | SubjectName | Uint8Array): Uint8Array {
  if (subject instanceof Uint8Array) {
    try {
      if (readSingle(subject).tag === 0x30) return subject;
    } catch {
      // reported below
    }
    throw invalidSubject('(DER)', 'the given subject is not a DER-encoded Name');
  }
  return encodeSubject(typeof subject === 'string' ? parseSubject(subject) : subject);
}

const usagesFor = (publicKey: KeyObject): KeyUsageName[] =>
  publicKey.asymmetricKeyType === 'rsa' ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature'];

/** Issues a certificate for an existing public key (SPKI DER or KeyObject), e.g. one from a CSR. */
export async function issueCertificate(ca: CaSigner, request: IssueRequest & { publicKey: KeyObject | Uint8Array }): Promise<IssuedCertificate> {
  const profile = checkProfile(request.profile);
  const now = request.now ?? new Date();
  const issuer = loadIssuer(ca, now);
  const sans = sanEntries(profile, request.sans ?? []);
  const nameDer = subjectDerOf(request.subject);
  const subjectEmpty = nameDer.length === 2; // an empty SEQUENCE: no RDN at all
  if (subjectEmpty && sans.length === 0) throw invalidSubject('', 'a certificate needs a subject or at least one subject alternative name');
  const publicKey = toPublicKey(request.publicKey);
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const validity = validityWindow(now, request.days ?? (profile === 'server' ? DEFAULT_SERVER_DAYS : DEFAULT_CLIENT_DAYS), issuer.certificate.notAfter);
  const extensions = [
    basicConstraints(false),
    keyUsage(usagesFor(publicKey)),
    extendedKeyUsage([PROFILE_EKU[profile]]),
    subjectKeyIdentifier(keyIdentifier(spki)),
    authorityKeyIdentifier(issuer.keyId),
    ...(sans.length > 0 ? [subjectAltName(sans, subjectEmpty)] : []),
  ];
  const der = await buildCertificate({ subjectDer: nameDer, issuerDer: issuer.subjectDer, spki, serial: randomSerial(), validity, extensions, signingKey: issuer.key });
  return describeIssued(der, validity.capped);
}

/** Generates a key of `keyType` (default ec-p256) and issues its certificate: a complete identity. */
export async function issueIdentity(ca: CaSigner, request: IssueRequest & { keyType?: KeyType }): Promise<IssuedIdentity> {
  // check everything that can be checked before spending a key generation (RSA-4096 takes seconds)
  checkProfile(request.profile);
  const now = request.now ?? new Date();
  loadIssuer(ca, now);
  if (request.days !== undefined) checkDays(request.days);
  const subject = typeof request.subject === 'string' ? parseSubject(request.subject) : request.subject;
  const sans = sanEntries(request.profile, request.sans ?? []);
  const key = await generateKey(request.keyType ?? DEFAULT_KEY_TYPE);
  const issued = await issueCertificate(ca, { ...request, subject, sans, now, publicKey: key.publicKey });
  return { ...issued, key };
}
