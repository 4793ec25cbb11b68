/** Readable names for the object identifiers we show, OpenSSL's spelling wherever it has one. */

export interface SignatureAlgorithmName {
  name: string;
  /** digest used, lowercase node:crypto name; null for Ed25519/Ed448 and PSS (whose hash is in parameters) */
  hash: string | null;
  weak: boolean;
}

const sig = (name: string, hash: string | null, weak = false): SignatureAlgorithmName => ({ name, hash, weak });

export const SIGNATURE_ALGORITHMS: Record<string, SignatureAlgorithmName> = {
  '1.2.840.113549.1.1.2': sig('md2WithRSAEncryption', 'md2', true),
  '1.2.840.113549.1.1.4': sig('md5WithRSAEncryption', 'md5', true),
  '1.2.840.113549.1.1.5': sig('sha1WithRSAEncryption', 'sha1', true),
  '1.2.840.113549.1.1.14': sig('sha224WithRSAEncryption', 'sha224'),
  '1.2.840.113549.1.1.11': sig('sha256WithRSAEncryption', 'sha256'),
  '1.2.840.113549.1.1.12': sig('sha384WithRSAEncryption', 'sha384'),
  '1.2.840.113549.1.1.13': sig('sha512WithRSAEncryption', 'sha512'),
  '1.2.840.113549.1.1.10': sig('RSASSA-PSS', null),
  '1.2.840.10045.4.1': sig('ecdsa-with-SHA1', 'sha1', true),
  '1.2.840.10045.4.3.1': sig('ecdsa-with-SHA224', 'sha224'),
  '1.2.840.10045.4.3.2': sig('ecdsa-with-SHA256', 'sha256'),
  '1.2.840.10045.4.3.3': sig('ecdsa-with-SHA384', 'sha384'),
  '1.2.840.10045.4.3.4': sig('ecdsa-with-SHA512', 'sha512'),
  '1.2.840.10040.4.3': sig('dsaWithSHA1', 'sha1', true),
  '2.16.840.1.101.3.4.3.1': sig('dsa_with_SHA224', 'sha224'),
  '2.16.840.1.101.3.4.3.2': sig('dsa_with_SHA256', 'sha256'),
  '1.3.101.112': sig('ED25519', null),
  '1.3.101.113': sig('ED448', null),
};

export const HASH_ALGORITHMS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.2.840.113549.2.5': 'md5',
};

export const WEAK_HASHES = new Set(['md2', 'md4', 'md5', 'sha1']);

export const EXTENDED_KEY_USAGES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

/** Short names as OpenSSL prints them with -nameopt RFC2253. */
export const NAME_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.15': 'businessCategory',
  '2.5.4.17': 'postalCode',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
};

export const COMMON_NAME = '2.5.4.3';

/** node:crypto curve names → the names users know. */
export const CURVES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  secp224r1: 'P-224',
  prime192v1: 'P-192',
  secp256k1: 'secp256k1',
  brainpoolP256r1: 'brainpoolP256r1',
  brainpoolP384r1: 'brainpoolP384r1',
  brainpoolP512r1: 'brainpoolP512r1',
  SM2: 'SM2',
};

export const CURVE_BITS: Record<string, number> = {
  'P-192': 192,
  'P-224': 224,
  'P-256': 256,
  'P-384': 384,
  'P-521': 521,
  secp256k1: 256,
  brainpoolP256r1: 256,
  brainpoolP384r1: 384,
  brainpoolP512r1: 512,
  SM2: 256,
};

/** Public key algorithm OIDs → names, for keys node:crypto cannot load. */
export const KEY_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA',
  '1.2.840.10045.2.1': 'EC',
  '1.2.840.10040.4.1': 'DSA',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
};
