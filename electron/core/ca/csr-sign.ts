import { csrSignatureInvalid, invalidArgument, policyRefused } from './errors';
import type { IssuedCertificate } from './certificate-builder';
import { readCsr, type CsrDetails } from './csr-read';
import { issueCertificate, PROFILE_EKU, type LeafProfile } from './issue';
import type { CaSigner } from './issuer';
import { isKeyType, KEY_TYPES, keyTypeLabel, type KeyType } from './keys';
import { parseSans } from './san';
import { checkDays, DEFAULT_CLIENT_DAYS } from './validity';

/**
 * Signing a request someone sent, under the CA's policy: the key type must be allowed, the validity within the
 * maximum, the SANs well-formed; the EKU is the profile's whatever the request asked for. What the request asked
 * for and did not get is reported in `notes`.
 */

export interface CaPolicy {
  allowedKeyTypes: readonly KeyType[];
  /** longest validity this CA issues, in days */
  maxDays: number;
}

export const DEFAULT_POLICY: CaPolicy = { allowedKeyTypes: KEY_TYPES, maxDays: DEFAULT_CLIENT_DAYS };

export interface SignCsrOptions {
  profile: LeafProfile;
  /** default: the policy's maxDays or 397, whichever is shorter */
  days?: number;
  policy?: CaPolicy;
  now?: Date;
}

export interface SignedCsr extends IssuedCertificate {
  request: CsrDetails;
  /** what the request asked for and did not get (English, for the CLI and UI) */
  notes: string[];
}

export function checkPolicy(policy: CaPolicy): CaPolicy {
  if (!Array.isArray(policy.allowedKeyTypes) || policy.allowedKeyTypes.length === 0 || !policy.allowedKeyTypes.every((type) => isKeyType(type))) {
    throw invalidArgument('CA policy', `allowedKeyTypes must be a non-empty list of ${KEY_TYPES.join(', ')}`);
  }
  checkDays(policy.maxDays, 'CA policy maxDays');
  return policy;
}

const keyLabel = (request: CsrDetails): string =>
  request.keyType ? keyTypeLabel(request.keyType) : [request.publicKey.algorithm, request.publicKey.curve ?? request.publicKey.bits].filter((part) => part !== null).join(' ');

/** Throws CSR_SIGNATURE_INVALID or CA_POLICY_REFUSED (naming the rule) when the request may not be signed. */
export function checkRequest(request: CsrDetails, policy: CaPolicy, days: number): void {
  if (!request.signatureValid) throw csrSignatureInvalid(request.source);
  const what = `signing '${request.source}'`;
  if (request.keyType === null || !policy.allowedKeyTypes.includes(request.keyType)) {
    throw policyRefused(what, `its ${keyLabel(request)} key is not allowed by this CA (allowed: ${policy.allowedKeyTypes.map(keyTypeLabel).join(', ')})`, 'Ask the sender for a new request with an allowed key type, e.g. `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 …`.');
  }
  if (days > policy.maxDays) throw policyRefused(what, `${days} days is longer than this CA's maximum of ${policy.maxDays}`, `Ask for ${policy.maxDays} days or less.`);
  const unsupported = request.subjectAltNames.filter((san) => !/^(DNS|IP|email|URI):/.test(san));
  if (unsupported.length > 0) throw policyRefused(what, `it asks for names this CA does not issue (${unsupported.join(', ')})`, 'Ask for a request whose subject alternative names are DNS, IP, email or URI names only.');
}

function notesFor(request: CsrDetails, profile: LeafProfile): string[] {
  const notes: string[] = [];
  const eku = PROFILE_EKU[profile];
  const asked = request.requestedExtendedKeyUsage;
  if (asked !== null && (asked.length !== 1 || asked[0] !== eku)) notes.push(`the request asked for extended key usage ${asked.join(', ')}; the ${profile} profile issues ${eku}`);
  if (request.requestsCa) notes.push('the request asked to be a CA; it was issued as an end-entity certificate');
  return notes;
}

/** Checks `csr` (PEM or DER bytes, or already described) against the policy and issues it with the profile's extensions. */
export async function signCsr(ca: CaSigner, csr: Uint8Array | CsrDetails, options: SignCsrOptions): Promise<SignedCsr> {
  const policy = checkPolicy(options.policy ?? DEFAULT_POLICY);
  const request = csr instanceof Uint8Array ? readCsr(csr, 'the certificate request') : csr;
  const days = checkDays(options.days ?? Math.min(policy.maxDays, DEFAULT_CLIENT_DAYS));
  checkRequest(request, policy, days);
  const issued = await issueCertificate(ca, {
    profile: options.profile,
    subject: request.subjectDer,
    sans: parseSans(request.subjectAltNames, { wildcard: options.profile === 'server' }),
    days,
    publicKey: request.spki,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return { ...issued, request, notes: notesFor(request, options.profile) };
}
