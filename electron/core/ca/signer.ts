import 'reflect-metadata'; // @peculiar/x509 resolves its algorithms through tsyringe, which needs it loaded first
import { webcrypto, type KeyObject } from 'node:crypto';
import { StudioError } from '../../common/errors';

/**
 * The bridge from node:crypto keys to the WebCrypto keys @peculiar/x509 signs with. Every x509 call gets
 * `x509Crypto` explicitly, so nothing depends on (or changes) the library's global provider.
 */

/** node's WebCrypto: what @peculiar/x509 signs and hashes with */
export const x509Crypto: webcrypto.Crypto = webcrypto;

export interface Signer {
  key: webcrypto.CryptoKey;
  /** WebCrypto signing parameters: ECDSA with the curve's hash, RSASSA-PKCS1-v1_5 with SHA-256 */
  algorithm: { name: string; hash: string };
}

const EC_HASH: Record<string, string> = { prime256v1: 'SHA-256', secp384r1: 'SHA-384', secp521r1: 'SHA-512' };
const EC_CURVE: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

const cache = new WeakMap<KeyObject, Promise<Signer>>();

async function importSigner(key: KeyObject): Promise<Signer> {
  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec' && details.namedCurve && EC_CURVE[details.namedCurve]) {
    const algorithm = { name: 'ECDSA', hash: EC_HASH[details.namedCurve]! };
    const imported = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: EC_CURVE[details.namedCurve]! }, false, ['sign']);
    return { key: imported, algorithm };
  }
  if (key.asymmetricKeyType === 'rsa') {
    const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    const imported = await webcrypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']);
    return { key: imported, algorithm };
  }
  const name = key.asymmetricKeyType === 'ec' ? `EC ${details.namedCurve ?? 'unknown curve'}` : (key.asymmetricKeyType ?? 'unknown');
  throw new StudioError('UNSUPPORTED_ALGORITHM', `cannot sign with a ${name} key: the CA signs with RSA or ECDSA P-256/P-384/P-521 keys`, {
    hint: 'Use a CA whose key is RSA (2048 bits or more) or ECDSA P-256/P-384.',
    params: { algorithm: name },
  });
}

/** The WebCrypto signer for a private key (imported once per KeyObject). */
export function signerFor(key: KeyObject): Promise<Signer> {
  let signer = cache.get(key);
  if (!signer) {
    signer = importSigner(key);
    cache.set(key, signer);
    signer.catch(() => cache.delete(key));
  }
  return signer;
}
