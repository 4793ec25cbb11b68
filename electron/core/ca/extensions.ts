import { createHash } from 'node:crypto';
import { Extension } from '@peculiar/x509';
import { children, readTlv, TAG } from '../pki/der';
import { derOctetString, derOid, derSequence, tlv } from '../pki/der-write';
import { bitStringBytes } from '../pki/certificate';
import { encodeSans, type SanEntry } from './san';

/**
 * The X.509 v3 extensions the CA writes, encoded here in DER (minimal bit strings, defaults omitted) and handed to
 * @peculiar/x509 as opaque values, so what OpenSSL reads is exactly what RFC 5280 says.
 */

export const OIDS = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  crlNumber: '2.5.29.20',
} as const;

export const EKU_OIDS = { serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2' } as const;
export type ExtendedKeyUsageName = keyof typeof EKU_OIDS;

const KEY_USAGE_BITS = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
} as const;
export type KeyUsageName = keyof typeof KEY_USAGE_BITS;

const extension = (oid: string, critical: boolean, value: Uint8Array): Extension => new Extension(oid, critical, value);

/** A non-negative INTEGER from a bigint (CRL numbers, path lengths). */
export function derBigUint(value: bigint): Uint8Array {
  if (value < 0n) throw new RangeError('INTEGER must be non-negative');
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  return tlv(TAG.INTEGER, new Uint8Array(Buffer.from(hex, 'hex')));
}

export function basicConstraints(ca: boolean, pathLen?: number): Extension {
  const fields = ca ? [tlv(TAG.BOOLEAN, new Uint8Array([0xff])), ...(pathLen === undefined ? [] : [derBigUint(BigInt(pathLen))])] : [];
  return extension(OIDS.basicConstraints, true, derSequence(...fields));
}

/** keyUsage as a DER named bit list: trailing zero bits dropped, the unused-bit count set accordingly. */
export function keyUsage(usages: readonly KeyUsageName[]): Extension {
  const bits = usages.map((usage) => KEY_USAGE_BITS[usage]);
  const last = Math.max(...bits);
  const bytes = new Uint8Array((last >> 3) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  const unused = 7 - (last & 7);
  return extension(OIDS.keyUsage, true, tlv(TAG.BIT_STRING, new Uint8Array([unused]), bytes));
}

export const extendedKeyUsage = (usages: readonly ExtendedKeyUsageName[]): Extension =>
  extension(OIDS.extendedKeyUsage, false, derSequence(...usages.map((usage) => derOid(EKU_OIDS[usage]))));

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(spki: Uint8Array): Uint8Array {
  const [, bits] = children(readTlv(spki));
  return new Uint8Array(createHash('sha1').update(bitStringBytes(bits)).digest());
}

export const subjectKeyIdentifier = (keyId: Uint8Array): Extension =>
  extension(OIDS.subjectKeyIdentifier, false, derOctetString(keyId));

export const authorityKeyIdentifier = (keyId: Uint8Array): Extension =>
  extension(OIDS.authorityKeyIdentifier, false, derSequence(tlv(0x80, keyId)));

/** Critical when the subject is empty, as RFC 5280 §4.2.1.6 requires. */
export const subjectAltName = (entries: readonly SanEntry[], subjectEmpty: boolean): Extension =>
  extension(OIDS.subjectAltName, subjectEmpty, encodeSans(entries));

export const crlNumber = (value: bigint): Extension => extension(OIDS.crlNumber, false, derBigUint(value));
