// INTERFACE ONLY — being implemented by the PKCS#12/PBE work; bodies are replaced there.
import { StudioError } from '../../../common/errors';
import type { Pkcs12Profile } from '../../../common/dto/inspect';
import type { ParsedContent } from '../model';

/** Cheap structural check: does this DER look like a PFX (version 3, authSafe data or signedData)? */
export function isPkcs12(_bytes: Uint8Array): boolean {
  return false;
}

/** Reads a PKCS#12 file. password undefined → tries the empty password in both encodings, then PASSWORD_REQUIRED. */
export function readPkcs12(_bytes: Uint8Array, _password: string | undefined, source: string): ParsedContent {
  throw new StudioError('UNSUPPORTED_FORMAT', `cannot read '${source}': PKCS#12 is not readable yet`);
}

export interface Pkcs12WriteOptions {
  /** unencrypted PKCS#8 DER; omitted for a certificate-only file */
  key?: { pkcs8: Uint8Array; friendlyName?: string };
  /** leaf first, then intermediates, then root; the first one is paired with the key (localKeyId) */
  certificates: { der: Uint8Array; friendlyName?: string }[];
  password: string;
  profile: Pkcs12Profile;
  /** compat only: how certificates are encrypted (default '3des'; 'rc2-40' for the oldest consumers) */
  compatCertCipher?: '3des' | 'rc2-40';
  /** override iteration counts (tests and benchmarks) */
  iterations?: number;
  macIterations?: number;
}

export function writePkcs12(_options: Pkcs12WriteOptions): Uint8Array {
  throw new StudioError('UNSUPPORTED_FORMAT', 'writing PKCS#12 is not available yet');
}
