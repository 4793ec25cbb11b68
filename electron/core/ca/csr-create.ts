import { Name, Pkcs10CertificateRequestGenerator, type Extension } from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { encodePem } from '../pki/pem';
import { extendedKeyUsage, keyUsage, subjectAltName, type ExtendedKeyUsageName } from './extensions';
import { DEFAULT_KEY_TYPE, generateKey, keyMaterial, type KeyMaterial, type KeyType, type PrivateKeyInput } from './keys';
import { formatSan, parseSans } from './san';
import { encodeSubject, formatSubject, parseSubject, type SubjectName } from './subject';
import { signerFor, x509Crypto } from './signer';

/**
 * A new key and a PKCS#10 request for it, to send to a real CA or a partner. The SANs (and, if asked, the key
 * usages a client or server certificate needs) travel as an extensionRequest attribute.
 */

export interface CreateCsrOptions {
  subject: string | SubjectName;
  sans?: readonly string[];
  /** key to generate (default ec-p256); ignored when `key` is given */
  keyType?: KeyType;
  /** an existing private key to request a certificate for (renewal with the same key) */
  key?: PrivateKeyInput;
  /** requested EKU, e.g. ['clientAuth']; adds keyUsage digitalSignature (+ keyEncipherment for RSA) */
  extendedKeyUsage?: readonly ExtendedKeyUsageName[];
}

export interface CreatedCsr {
  /** DER */
  csr: Uint8Array;
  pem: string;
  subject: string;
  subjectAltNames: string[];
  /** the pending key: keep it (in the vault) until the certificate comes back */
  key: KeyMaterial;
}

export async function createCsr(options: CreateCsrOptions): Promise<CreatedCsr> {
  const name = typeof options.subject === 'string' ? parseSubject(options.subject) : options.subject;
  const nameDer = encodeSubject(name);
  const sans = parseSans(options.sans ?? []);
  const key = options.key === undefined ? await generateKey(options.keyType ?? DEFAULT_KEY_TYPE) : keyMaterial(options.key);
  const signer = await signerFor(key.privateKey);
  const publicKey = await webcrypto.subtle.importKey('spki', key.spki, signer.key.algorithm, true, ['verify']);
  const extensions: Extension[] = [];
  if (sans.length > 0) extensions.push(subjectAltName(sans, name.length === 0));
  if (options.extendedKeyUsage && options.extendedKeyUsage.length > 0) {
    extensions.push(keyUsage(key.privateKey.asymmetricKeyType === 'rsa' ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature']));
    extensions.push(extendedKeyUsage(options.extendedKeyUsage));
  }
  const request = await Pkcs10CertificateRequestGenerator.create(
    {
      name: new Name(nameDer),
      extensions,
      signingAlgorithm: signer.algorithm,
      keys: { privateKey: signer.key, publicKey },
    },
    x509Crypto,
  );
  const der = new Uint8Array(request.rawData);
  return { csr: der, pem: encodePem('CERTIFICATE REQUEST', der), subject: formatSubject(nameDer), subjectAltNames: sans.map(formatSan), key };
}
