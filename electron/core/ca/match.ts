import type { KeyObject } from 'node:crypto';
import { StudioError } from '../../common/errors';
import { parseCertificate } from '../pki/certificate';
import { bytesEqual } from '../pki/der';
import { describePublicKey } from '../pki/keys';
import { toPublicKey } from './keys';

/**
 * Completing a CSR: the certificate that comes back is paired with the pending key whose public key it carries.
 * Keys are compared as normalised SPKI, so encodings that differ only in form (compressed EC points) still match.
 */

export type PublicKeyInput = KeyObject | Uint8Array;

function normalizedSpki(key: PublicKeyInput): Uint8Array | null {
  try {
    return new Uint8Array(toPublicKey(key).export({ type: 'spki', format: 'der' }));
  } catch {
    return null;
  }
}

/** Does the certificate (DER) certify this key (public key as SPKI DER or KeyObject, or the private key)? */
export function certificateMatchesKey(certificate: Uint8Array, key: PublicKeyInput): boolean {
  const certSpki = describePublicKey(parseCertificate(certificate, 'the certificate').spki).spki;
  const keySpki = normalizedSpki(key);
  return certSpki !== null && keySpki !== null && bytesEqual(certSpki, keySpki);
}

/**
 * The pending entry whose key the certificate certifies. KEY_MISMATCH, naming the certificate and how many keys
 * were tried, when none does.
 */
export function matchPendingKey<P extends { publicKey: PublicKeyInput }>(certificate: Uint8Array, pending: readonly P[], source = 'the certificate'): P {
  const parsed = parseCertificate(certificate, source);
  const match = pending.find((entry) => certificateMatchesKey(certificate, entry.publicKey));
  if (match) return match;
  const key = describePublicKey(parsed.spki);
  const keyText = [key.algorithm, key.curve ?? key.bits].filter((part) => part !== null).join(' ');
  const who = parsed.commonName ?? parsed.subject;
  throw new StudioError('KEY_MISMATCH', pending.length === 0
    ? `'${who}' (${source}) cannot complete a request: there is no pending request`
    : `'${who}' (${source}, ${keyText} key) was not issued for ${pending.length === 1 ? 'the pending request' : `any of the ${pending.length} pending requests`}: its public key matches none of their keys`, {
    hint: 'Check that this is the certificate issued for the CSR you sent (the CA may have sent another one back), or create a new request for it.',
    params: { name: who, file: source, pending: pending.length },
  });
}
