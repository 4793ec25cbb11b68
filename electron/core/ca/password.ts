import { randomInt } from 'node:crypto';
import { invalidArgument } from './errors';

/**
 * Passwords for the PKCS#12 files we hand out: uniformly random (crypto.randomInt, no modulo bias) over an
 * alphabet without look-alikes (no 0/O/o, 1/l/I, 5/S, 2/Z, 8/B) or shell metacharacters, so it can be read over
 * the phone, typed from a printout and pasted into any shell unquoted. 24 characters ≈ 135 bits.
 */

export const PASSWORD_ALPHABET = 'ACDEFGHJKLMNPQRTUVWXYabcdefghijkmnpqrstuvwxyz34679';
export const DEFAULT_PASSWORD_LENGTH = 24;

export function generatePassword(length = DEFAULT_PASSWORD_LENGTH): string {
  if (!Number.isInteger(length) || length < 16 || length > 256) throw invalidArgument('password length', `${String(length)} is not a whole number in 16..256`);
  let password = '';
  for (let i = 0; i < length; i++) password += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return password;
}

/** Bits of entropy of a generated password of `length` characters. */
export const passwordEntropyBits = (length = DEFAULT_PASSWORD_LENGTH): number => Math.floor(length * Math.log2(PASSWORD_ALPHABET.length));
