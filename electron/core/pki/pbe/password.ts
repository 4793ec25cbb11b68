/**
 * The byte strings one password turns into. PKCS#12 KDF schemes (PFX MAC, PBES1-PKCS12) take a BMPString plus
 * 00 00; PBKDF2/PBKDF1/scrypt take UTF-8. The empty password has two PKCS#12 encodings (zero bytes — OpenSSL's
 * NULL password — or 00 00) and readers must try both, as OpenSSL does.
 */
import { bmpPassword } from '../crypto/pkcs12-kdf';

export interface PasswordCandidate {
  /** input of the PKCS#12 KDF */
  bmp: Uint8Array;
  /** input of PBKDF2 / PBKDF1 / scrypt */
  utf8: Uint8Array;
}

/** True when no password was given (undefined) or it is empty: the reader may try the empty encodings. */
export const isEmptyPassword = (password: string | undefined): boolean =>
  password === undefined || password === '';

/**
 * Candidates in the order they are tried. For non-ASCII passwords a last candidate zero-extends each UTF-8 byte,
 * which is how OpenSSL before 1.1.0 encoded them (OpenSSL 3 still tries it too).
 */
export function passwordCandidates(password: string | undefined): PasswordCandidate[] {
  const empty = new Uint8Array(0);
  if (isEmptyPassword(password))
    return [
      { bmp: bmpPassword(null), utf8: empty },
      { bmp: bmpPassword(''), utf8: empty },
    ];
  const text = password as string;
  const utf8 = new Uint8Array(Buffer.from(text, 'utf8'));
  const candidates = [{ bmp: bmpPassword(text), utf8 }];
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(text))
    candidates.push({ bmp: bmpPassword(Buffer.from(utf8).toString('latin1')), utf8 });
  return candidates;
}
