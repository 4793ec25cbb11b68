import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { encodePem } from '../../../electron/core/pki';

/**
 * Certificates made at test time with @peculiar/x509 (ECDSA P-256), with full control over the extensions a
 * path validator looks at: basicConstraints, pathLen, keyUsage, extendedKeyUsage, key identifiers, dates.
 */

/** Node's WebCrypto, typed as the DOM one @peculiar/x509 declares */
const webcrypto: Crypto = globalThis.crypto;
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;
export const NOW = new Date('2026-06-01T00:00:00Z');

export interface TestCert {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  name: string;
  sha256: string;
  der: Uint8Array;
  pem: string;
}

export interface IssueOptions {
  /** CN (and O=Chain Tests) */
  cn: string;
  /** issuer; omitted = self-signed */
  issuer?: TestCert;
  /** reuse a key pair (cross-signing, re-issued CAs) */
  keys?: CryptoKeyPair;
  ca?: boolean;
  /** no basicConstraints extension at all */
  noBasicConstraints?: boolean;
  pathLen?: number;
  /** keyUsage flags; default CA: keyCertSign|cRLSign, leaf: digitalSignature; null = no extension */
  keyUsage?: number | null;
  /** extendedKeyUsage OIDs; default none */
  eku?: string[];
  notBefore?: Date;
  notAfter?: Date;
  serial?: string;
  /** leave out the key identifiers */
  noKeyIds?: boolean;
  /** the issuer name written into the certificate, when it must differ from the issuer's subject */
  issuerName?: string;
  extraExtensions?: x509.Extension[];
}

let serialCounter = 0x1000;
export const dn = (cn: string): string => `CN=${cn}, O=Chain Tests`;

export async function keyPair(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
}

export async function issue(options: IssueOptions): Promise<TestCert> {
  const keys = options.keys ?? (await keyPair());
  const signer = options.issuer?.keys ?? keys;
  const ca = options.ca ?? false;
  const extensions: x509.Extension[] = [];
  if (!options.noBasicConstraints) extensions.push(new x509.BasicConstraintsExtension(ca, options.pathLen, true));
  const usage = options.keyUsage === undefined ? (ca ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign : x509.KeyUsageFlags.digitalSignature) : options.keyUsage;
  if (usage !== null) extensions.push(new x509.KeyUsagesExtension(usage, true));
  if (options.eku) extensions.push(new x509.ExtendedKeyUsageExtension(options.eku, false));
  if (!options.noKeyIds) {
    extensions.push(await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, webcrypto));
    extensions.push(await x509.AuthorityKeyIdentifierExtension.create(signer.publicKey, false, webcrypto));
  }
  extensions.push(...(options.extraExtensions ?? []));
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: options.serial ?? (serialCounter++).toString(16),
      subject: dn(options.cn),
      issuer: options.issuerName ?? (options.issuer ? options.issuer.cert.subject : dn(options.cn)),
      notBefore: options.notBefore ?? new Date(NOW.getTime() - 30 * DAY),
      notAfter: options.notAfter ?? new Date(NOW.getTime() + 365 * DAY),
      signingAlgorithm: ALGORITHM,
      publicKey: keys.publicKey,
      signingKey: signer.privateKey,
      extensions,
    },
    webcrypto,
  );
  const der = new Uint8Array(cert.rawData);
  const sha256 = Buffer.from(await webcrypto.subtle.digest('SHA-256', der)).toString('hex');
  return { cert, keys, name: options.cn, sha256, der, pem: cert.toString('pem') };
}

export const root = (cn: string, options: Partial<IssueOptions> = {}): Promise<TestCert> => issue({ cn, ca: true, ...options });
export const intermediate = (cn: string, issuer: TestCert, options: Partial<IssueOptions> = {}): Promise<TestCert> => issue({ cn, issuer, ca: true, ...options });
export const leaf = (cn: string, issuer: TestCert, options: Partial<IssueOptions> = {}): Promise<TestCert> => issue({ cn, issuer, eku: ['1.3.6.1.5.5.7.3.2'], ...options });

export interface TestCrl {
  crl: x509.X509Crl;
  der: Uint8Array;
  pem: string;
}

export async function crlOf(issuer: TestCert, revoked: { cert: TestCert; reason?: x509.X509CrlReason }[], options: { thisUpdate?: Date; nextUpdate?: Date; signer?: CryptoKeyPair } = {}): Promise<TestCrl> {
  const crl = await x509.X509CrlGenerator.create(
    {
      issuer: issuer.cert.subject,
      thisUpdate: options.thisUpdate ?? new Date(NOW.getTime() - DAY),
      nextUpdate: options.nextUpdate ?? new Date(NOW.getTime() + 7 * DAY),
      entries: revoked.map((entry) => ({ serialNumber: entry.cert.cert.serialNumber, revocationDate: new Date(NOW.getTime() - 2 * DAY), ...(entry.reason === undefined ? {} : { reason: entry.reason }) })),
      signingAlgorithm: ALGORITHM,
      signingKey: (options.signer ?? issuer.keys).privateKey,
    },
    webcrypto,
  );
  const der = new Uint8Array(crl.rawData);
  // @peculiar/x509 labels it 'CRL'; OpenSSL (and everyone else) reads 'X509 CRL'
  return { crl, der, pem: encodePem('X509 CRL', der) };
}

/** A copy of the certificate with one byte of its signature flipped. */
export function tampered(cert: TestCert): { der: Uint8Array; source: string } {
  const der = new Uint8Array(cert.der);
  der[der.length - 3]! ^= 0x01;
  return { der, source: `${cert.name} (tampered)` };
}

export function writePem(dir: string, name: string, ...items: { pem: string }[]): string {
  const path = join(dir, name);
  writeFileSync(path, items.map((item) => item.pem.trim()).join('\n') + '\n');
  return path;
}
