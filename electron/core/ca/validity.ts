import { randomBytes } from 'node:crypto';
import { invalidArgument } from './errors';

/** Validity periods and serial numbers of everything the CA signs. */

const DAY_MS = 86_400_000;
/** notBefore is set this far in the past, so a peer whose clock runs a little behind accepts a fresh certificate. */
export const BACKDATE_MS = 60_000;
export const DEFAULT_CLIENT_DAYS = 397;
export const DEFAULT_SERVER_DAYS = 397;
export const DEFAULT_ROOT_DAYS = 3650;
export const DEFAULT_INTERMEDIATE_DAYS = 1825;
export const MAX_DAYS = 36_500;

export interface ValidityWindow {
  notBefore: Date;
  notAfter: Date;
  /** true when the requested period was shortened to end with the issuer's notAfter */
  capped: boolean;
}

export function checkDays(days: number, what = 'validity'): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw invalidArgument(what, `${String(days)} days is not a whole number of days in 1..${MAX_DAYS}`);
  return days;
}

/** Certificates hold whole seconds: truncating here keeps what we report equal to what is encoded. */
const wholeSeconds = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000);

/** [now − 1 minute, notBefore + days], never past `issuerNotAfter`. */
export function validityWindow(now: Date, days: number, issuerNotAfter?: Date): ValidityWindow {
  checkDays(days);
  const notBefore = wholeSeconds(now.getTime() - BACKDATE_MS);
  const requested = wholeSeconds(notBefore.getTime() + days * DAY_MS);
  if (issuerNotAfter !== undefined && requested.getTime() > issuerNotAfter.getTime()) {
    return { notBefore, notAfter: wholeSeconds(issuerNotAfter.getTime()), capped: true };
  }
  return { notBefore, notAfter: requested, capped: false };
}

/**
 * A serial number: 128 random bits as a positive integer, in lowercase hex without sign padding (as OpenSSL
 * prints serials). Leading zero bytes are dropped, as DER's minimal INTEGER encoding requires.
 */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  if (bytes.every((byte) => byte === 0)) bytes[15] = 1; // zero is not a valid serial (2^-128, but cheap to rule out)
  return bytes.toString('hex').replace(/^(00)+/, '');
}

/** Normalises a serial given by a user or a registry: hex, optional colons/0x, no leading zeros. */
export function normalizeSerial(serial: string): string {
  const hex = serial.trim().toLowerCase().replace(/^0x/, '').replace(/:/g, '');
  if (!/^[0-9a-f]{1,40}$/.test(hex)) throw invalidArgument('serial number', `'${serial}' is not a hexadecimal serial of at most 20 bytes`);
  const trimmed = hex.replace(/^0+(?=.)/, '');
  if (/^0+$/.test(trimmed)) throw invalidArgument('serial number', 'zero is not a valid serial number');
  return trimmed.length % 2 === 1 ? `0${trimmed}` : trimmed;
}
