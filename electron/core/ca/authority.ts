import { policyRefused } from './errors';
import { authorityKeyIdentifier, basicConstraints, keyIdentifier, keyUsage, subjectKeyIdentifier } from './extensions';
import { buildCertificate, describeIssued, type IssuedCertificate } from './certificate-builder';
import { loadIssuer, type CaSigner } from './issuer';
import { DEFAULT_KEY_TYPE, generateKey, keyMaterial, type KeyMaterial, type KeyType, type PrivateKeyInput } from './keys';
import { subjectDer, type SubjectName } from './subject';
import { DEFAULT_INTERMEDIATE_DAYS, DEFAULT_ROOT_DAYS, randomSerial, validityWindow } from './validity';
import { invalidArgument } from './errors';

/**
 * Root and intermediate CA certificates: basicConstraints CA:TRUE (critical) with an optional pathLen,
 * keyUsage keyCertSign + cRLSign (critical), subject and authority key identifiers.
 */

export interface CreateCaOptions {
  /** RFC 4514 (`CN=Example Root CA,O=Example`) or OpenSSL (`/O=Example/CN=Example Root CA`) text, or a parsed name */
  subject: string | SubjectName;
  /** key to generate (default ec-p256); ignored when `key` is given */
  keyType?: KeyType;
  /** an existing key to certify instead of a new one (re-issuing a CA keeps what it signed valid) */
  key?: PrivateKeyInput;
  /** default 3650 for a root, 1825 for an intermediate (capped at the parent's notAfter) */
  days?: number;
  /** how many intermediate levels may follow below this CA; omitted = no limit (root) or parent's − 1 */
  pathLen?: number;
  now?: Date;
}

export interface CreatedCa extends IssuedCertificate {
  key: KeyMaterial;
  pathLen: number | null;
}

const CA_USAGES = ['keyCertSign', 'cRLSign'] as const;

function checkPathLen(pathLen: number | undefined): number | undefined {
  if (pathLen !== undefined && (!Number.isInteger(pathLen) || pathLen < 0 || pathLen > 32)) throw invalidArgument('path length', `${String(pathLen)} is not a whole number in 0..32`);
  return pathLen;
}

const keyFor = async (options: CreateCaOptions): Promise<KeyMaterial> =>
  options.key === undefined ? generateKey(options.keyType ?? DEFAULT_KEY_TYPE) : keyMaterial(options.key, 'CA private key');

/** A self-signed root CA with a new (or the given) key. */
export async function createRootCa(options: CreateCaOptions): Promise<CreatedCa> {
  const pathLen = checkPathLen(options.pathLen);
  const name = subjectDer(options.subject);
  const validity = validityWindow(options.now ?? new Date(), options.days ?? DEFAULT_ROOT_DAYS);
  const key = await keyFor(options);
  const keyId = keyIdentifier(key.spki);
  const der = await buildCertificate({
    subjectDer: name,
    issuerDer: name,
    spki: key.spki,
    serial: randomSerial(),
    validity,
    extensions: [basicConstraints(true, pathLen), keyUsage(CA_USAGES), subjectKeyIdentifier(keyId), authorityKeyIdentifier(keyId)],
    signingKey: key.privateKey,
  });
  return { ...describeIssued(der, false), key, pathLen: pathLen ?? null };
}

/**
 * An intermediate CA signed by `parent`. Its validity ends no later than the parent's; its pathLen must stay
 * below the parent's (default: parent's − 1 when the parent has one).
 */
export async function createIntermediateCa(parent: CaSigner, options: CreateCaOptions): Promise<CreatedCa> {
  const now = options.now ?? new Date();
  const issuer = loadIssuer(parent, now);
  let pathLen = checkPathLen(options.pathLen);
  if (issuer.pathLen !== null) {
    if (issuer.pathLen === 0) throw policyRefused(`an intermediate CA under '${issuer.label}'`, `'${issuer.label}' has pathLen 0: it may only issue end-entity certificates`, 'Create the intermediate under a CA without a path length limit, or issue the certificates from this CA directly.');
    if (pathLen !== undefined && pathLen >= issuer.pathLen) throw policyRefused(`pathLen ${pathLen} under '${issuer.label}'`, `it must be below the parent's pathLen ${issuer.pathLen}`, `Use --path-len ${issuer.pathLen - 1} or less.`);
    pathLen ??= issuer.pathLen - 1;
  }
  const name = subjectDer(options.subject);
  const validity = validityWindow(now, options.days ?? DEFAULT_INTERMEDIATE_DAYS, issuer.certificate.notAfter);
  const key = await keyFor(options);
  const der = await buildCertificate({
    subjectDer: name,
    issuerDer: issuer.subjectDer,
    spki: key.spki,
    serial: randomSerial(),
    validity,
    extensions: [basicConstraints(true, pathLen), keyUsage(CA_USAGES), subjectKeyIdentifier(keyIdentifier(key.spki)), authorityKeyIdentifier(issuer.keyId)],
    signingKey: issuer.key,
  });
  return { ...describeIssued(der, validity.capped), key, pathLen: pathLen ?? null };
}
