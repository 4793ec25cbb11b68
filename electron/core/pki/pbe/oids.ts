/** Object identifiers of the password-based encryption schemes, KDFs, PRFs and ciphers read and written here. */
export const OID = {
  // PKCS#12 PBES1 (RFC 7292 appendix C)
  pbeWithSHAAnd128BitRC4: '1.2.840.113549.1.12.1.1',
  pbeWithSHAAnd40BitRC4: '1.2.840.113549.1.12.1.2',
  pbeWithSHAAnd3KeyTripleDES: '1.2.840.113549.1.12.1.3',
  pbeWithSHAAnd2KeyTripleDES: '1.2.840.113549.1.12.1.4',
  pbeWithSHAAnd128BitRC2: '1.2.840.113549.1.12.1.5',
  pbeWithSHAAnd40BitRC2: '1.2.840.113549.1.12.1.6',
  // PKCS#5 v1.5 PBES1 (RFC 8018 appendix A.3)
  pbeWithMD2AndDES: '1.2.840.113549.1.5.1',
  pbeWithMD2AndRC2: '1.2.840.113549.1.5.4',
  pbeWithMD5AndDES: '1.2.840.113549.1.5.3',
  pbeWithMD5AndRC2: '1.2.840.113549.1.5.6',
  pbeWithSHA1AndDES: '1.2.840.113549.1.5.10',
  pbeWithSHA1AndRC2: '1.2.840.113549.1.5.11',
  // PBES2
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  pbmac1: '1.2.840.113549.1.5.14',
  scrypt: '1.3.6.1.4.1.11591.4.11',
  hmacWithSHA1: '1.2.840.113549.2.7',
  hmacWithSHA224: '1.2.840.113549.2.8',
  hmacWithSHA256: '1.2.840.113549.2.9',
  hmacWithSHA384: '1.2.840.113549.2.10',
  hmacWithSHA512: '1.2.840.113549.2.11',
  hmacWithSHA512_224: '1.2.840.113549.2.12',
  hmacWithSHA512_256: '1.2.840.113549.2.13',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  aes192Cbc: '2.16.840.1.101.3.4.1.22',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  desEde3Cbc: '1.2.840.113549.3.7',
  desCbc: '1.3.14.3.2.7',
  rc2Cbc: '1.2.840.113549.3.2',
  // digests (PFX MAC DigestInfo)
  md5: '1.2.840.113549.2.5',
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha512_224: '2.16.840.1.101.3.4.2.5',
  sha512_256: '2.16.840.1.101.3.4.2.6',
} as const;

/** node:crypto digest name for a digest OID. */
export const DIGEST_BY_OID: Readonly<Record<string, string>> = {
  [OID.md5]: 'md5',
  [OID.sha1]: 'sha1',
  [OID.sha224]: 'sha224',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha512_224]: 'sha512-224',
  [OID.sha512_256]: 'sha512-256',
};

/** node:crypto digest name for an HMAC PRF OID. */
export const HMAC_DIGEST_BY_OID: Readonly<Record<string, string>> = {
  [OID.hmacWithSHA1]: 'sha1',
  [OID.hmacWithSHA224]: 'sha224',
  [OID.hmacWithSHA256]: 'sha256',
  [OID.hmacWithSHA384]: 'sha384',
  [OID.hmacWithSHA512]: 'sha512',
  [OID.hmacWithSHA512_224]: 'sha512-224',
  [OID.hmacWithSHA512_256]: 'sha512-256',
};

/** Readable names for error messages. */
export const ALGORITHM_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(OID).map(([name, oid]) => [oid, name]),
);

export function algorithmLabel(oid: string): string {
  const name = ALGORITHM_NAMES[oid];
  return name === undefined ? oid : `${oid} (${name})`;
}
