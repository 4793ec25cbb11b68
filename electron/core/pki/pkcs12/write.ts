/**
 * Writing PKCS#12. Two profiles:
 * - modern: PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC for the key bag and the certificate SafeContents, MAC
 *   HMAC-SHA256 keyed with the PKCS#12 KDF over SHA-256 (what OpenSSL 3 writes), 16-byte random salts.
 * - compat: pbeWithSHAAnd3-KeyTripleDES-CBC key, certificates 3DES or RC2-40, SHA-1 MAC, 2048 iterations,
 *   8-byte salts — the shape OpenSSL 1.x and Windows write, for macOS Keychain, old Windows and appliances.
 * Layout as OpenSSL: certificates in an encryptedData SafeContents, the key in a data SafeContents.
 */
import { createHash, randomBytes } from 'node:crypto';
import { StudioError } from '../../../common/errors';
import type { Pkcs12Profile } from '../../../common/dto/inspect';
import { DEFAULT_PBE_ITERATIONS } from '../pbe';
import { TAG } from '../asn1';
import { derAlgorithm, derExplicit, derOctetString, derOid, derSequence, derUint, tlv } from '../der-write';
import { MAX_ITERATIONS } from '../pbe/errors';
import { OID } from '../pbe/oids';
import { passwordCandidates } from '../pbe/password';
import type { PasswordCandidate } from '../pbe/password';
import { pbes1Encrypt } from '../pbe/pbes1';
import { pbes2Encrypt } from '../pbe/pbes2';
import { isWholeSequence } from '../pbe/scheme';
import { writeAttributes } from './attributes';
import type { BagAttributes } from './attributes';
import { looksLikePkcs8 } from './bags';
import { computeMacData } from './mac';
import { P12 } from './oids';

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

/** compat keeps OpenSSL 1.x's count: the consumers it exists for are the old ones. */
const COMPAT_ITERATIONS = 2048;

function invalid(message: string): StudioError {
  return new StudioError('INVALID_ARGUMENT', `cannot write PKCS#12: ${message}`);
}

function checkCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_ITERATIONS)
    throw invalid(`${name} must be an integer in 1..${MAX_ITERATIONS}`);
  return value;
}

function safeBag(bagId: string, value: Uint8Array, attributes: BagAttributes): Uint8Array {
  return derSequence(derOid(bagId), derExplicit(0, value), ...writeAttributes(attributes));
}

function dataContentInfo(content: Uint8Array): Uint8Array {
  return derSequence(derOid(P12.data), derExplicit(0, derOctetString(content)));
}

function encryptedDataContentInfo(algorithm: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const encryptedContentInfo = derSequence(
    derOid(P12.data),
    algorithm,
    tlv(TAG.CONTEXT_0_PRIMITIVE, ciphertext),
  );
  return derSequence(
    derOid(P12.encryptedData),
    derExplicit(0, derSequence(derUint(0), encryptedContentInfo)),
  );
}

interface Encryptor {
  (plaintext: Uint8Array): { algorithm: Uint8Array; ciphertext: Uint8Array };
}

function encryptors(
  options: Pkcs12WriteOptions,
  password: PasswordCandidate,
  iterations: number,
): { key: Encryptor; certs: Encryptor } {
  if (options.profile === 'modern') {
    const pbes2: Encryptor = (plain) =>
      pbes2Encrypt(plain, password, { iterations, prf: 'sha256', cipher: 'aes-256-cbc', saltLength: 16 });
    return { key: pbes2, certs: pbes2 };
  }
  const pbes1 =
    (oid: typeof OID.pbeWithSHAAnd3KeyTripleDES | typeof OID.pbeWithSHAAnd40BitRC2): Encryptor =>
    (plain) => {
      const { params, ciphertext } = pbes1Encrypt(oid, plain, password, randomBytes(8), iterations);
      return { algorithm: derAlgorithm(oid, params), ciphertext };
    };
  const certOid =
    options.compatCertCipher === 'rc2-40' ? OID.pbeWithSHAAnd40BitRC2 : OID.pbeWithSHAAnd3KeyTripleDES;
  return { key: pbes1(OID.pbeWithSHAAnd3KeyTripleDES), certs: pbes1(certOid) };
}

/**
 * writePkcs12 with an explicit password encoding (tests use it to produce the "zero bytes" encoding of the
 * empty password that some tools write).
 */
export function writePkcs12WithCandidate(
  options: Pkcs12WriteOptions,
  password: PasswordCandidate,
): Uint8Array {
  const { key, certificates, profile } = options;
  if (profile !== 'modern' && profile !== 'compat') throw invalid(`unknown profile '${String(profile)}'`);
  if (key === undefined && certificates.length === 0)
    throw invalid('nothing to write: no key and no certificate');
  if (key !== undefined && !looksLikePkcs8(key.pkcs8))
    throw invalid('the private key is not a PKCS#8 PrivateKeyInfo');
  certificates.forEach((cert, i) => {
    if (!isWholeSequence(cert.der)) throw invalid(`certificate #${i + 1} is not DER`);
  });
  const iterations = checkCount(
    'iterations',
    options.iterations ?? (profile === 'modern' ? DEFAULT_PBE_ITERATIONS : COMPAT_ITERATIONS),
  );
  // The MAC is the cheapest brute-force target of the file, so it gets the same count as the encryption.
  const macIterations = checkCount('macIterations', options.macIterations ?? iterations);
  const encrypt = encryptors(options, password, iterations);

  const leaf = certificates[0];
  const localKeyId =
    key !== undefined && leaf !== undefined
      ? new Uint8Array(createHash('sha1').update(leaf.der).digest())
      : undefined;
  const safes: Uint8Array[] = [];
  if (certificates.length > 0) {
    const bags = certificates.map((cert, i) => {
      const friendlyName = i === 0 ? (cert.friendlyName ?? key?.friendlyName) : cert.friendlyName;
      const value = derSequence(derOid(P12.x509Certificate), derExplicit(0, derOctetString(cert.der)));
      return safeBag(P12.certBag, value, {
        ...(friendlyName === undefined ? {} : { friendlyName }),
        ...(i === 0 && localKeyId ? { localKeyId } : {}),
      });
    });
    const { algorithm, ciphertext } = encrypt.certs(derSequence(...bags));
    safes.push(encryptedDataContentInfo(algorithm, ciphertext));
  }
  if (key !== undefined) {
    const { algorithm, ciphertext } = encrypt.key(key.pkcs8);
    const friendlyName = key.friendlyName ?? leaf?.friendlyName;
    const bag = safeBag(P12.pkcs8ShroudedKeyBag, derSequence(algorithm, derOctetString(ciphertext)), {
      ...(friendlyName === undefined ? {} : { friendlyName }),
      ...(localKeyId ? { localKeyId } : {}),
    });
    safes.push(dataContentInfo(derSequence(bag)));
  }
  const authSafe = derSequence(...safes);
  const macData = computeMacData(
    authSafe,
    password,
    profile === 'modern' ? 'sha256' : 'sha1',
    macIterations,
    profile === 'modern' ? 16 : 8,
  );
  return derSequence(derUint(3), dataContentInfo(authSafe), macData);
}

/** Writes a PKCS#12 file (DER) in the 'modern' or 'compat' profile; see the module comment. */
export function writePkcs12(options: Pkcs12WriteOptions): Uint8Array {
  if (typeof options.password !== 'string') throw invalid('a password is required (it may be empty)');
  // '' is written as BMPString 00 00, as OpenSSL's `-passout pass:` does; readers try both encodings anyway
  const candidate = passwordCandidates(options.password)[options.password === '' ? 1 : 0]!;
  return writePkcs12WithCandidate(options, candidate);
}
