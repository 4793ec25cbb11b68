import { children, content, expectTag, raw, readSingle, readTlv, TAG, toHex, type Tlv } from '../pki/der';
import { bitStringBytes, serialHex, type ParsedCertificate } from '../pki/certificate';
import { formatName, nameKey } from '../pki/names';
import { guarded } from '../pki/read-errors';
import { parseTime } from '../pki/time';
import { extensionList, type RawExtension } from './extension-list';

/** RFC 5280 §5.3.1 CRLReason values. */
const REASONS: Record<number, string> = {
  0: 'unspecified',
  1: 'keyCompromise',
  2: 'cACompromise',
  3: 'affiliationChanged',
  4: 'superseded',
  5: 'cessationOfOperation',
  6: 'certificateHold',
  8: 'removeFromCRL',
  9: 'privilegeWithdrawn',
  10: 'aACompromise',
};

export const REASON_CODE_OID = '2.5.29.21';

export interface RevokedEntry {
  /** as OpenSSL prints it (for messages) */
  serialNumber: string;
  /** the INTEGER's content octets in hex: exact (serialNumber drops the sign, so 00FF and -1 would collide) */
  serialKey: string;
  revocationDate: Date;
  /** CRLReason name, null when the entry has no reasonCode */
  reason: string | null;
  extensions: RawExtension[];
}

/** A CRL decoded with the raw parts its signature check needs. */
export interface ParsedCrl {
  der: Uint8Array;
  source: string;
  tbs: Uint8Array;
  signatureAlgorithm: Uint8Array;
  signature: Uint8Array;
  issuer: string;
  issuerKey: string;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** by serialKey */
  revoked: Map<string, RevokedEntry>;
  extensions: RawExtension[];
}

const isTime = (tlv: Tlv | undefined): boolean => tlv?.tag === TAG.UTC_TIME || tlv?.tag === TAG.GENERALIZED_TIME;

function reasonOf(extensions: RawExtension[]): string | null {
  const reason = extensions.find((extension) => extension.oid === REASON_CODE_OID);
  if (!reason) return null;
  const value = readTlv(reason.value);
  const code = value.tag === 0x0a && value.contentEnd > value.contentStart ? value.bytes[value.contentStart]! : -1;
  return REASONS[code] ?? `reason ${code}`;
}

function entry(tlv: Tlv): RevokedEntry {
  const [serial, date, extensions] = children(expectTag(tlv, TAG.SEQUENCE, 'a revoked certificate entry'));
  const list = extensionList(extensions);
  return { serialNumber: serialHex(serial!), serialKey: toHex(content(expectTag(serial, TAG.INTEGER, 'a serial number'))), revocationDate: parseTime(date), reason: reasonOf(list), extensions: list };
}

function decode(der: Uint8Array, source: string): ParsedCrl {
  const [tbsTlv, algorithm, signature] = children(expectTag(readSingle(der), TAG.SEQUENCE, 'a CRL'));
  const parts = children(expectTag(tbsTlv, TAG.SEQUENCE, 'the CRL body'));
  const fields = parts[0]?.tag === TAG.INTEGER ? parts.slice(1) : parts;
  const [, issuer, thisUpdate, maybeNext, ...rest] = fields;
  const nextUpdate = isTime(maybeNext) ? maybeNext : undefined;
  const tail = nextUpdate ? rest : [maybeNext, ...rest];
  const revokedList = tail.find((field) => field?.tag === TAG.SEQUENCE);
  const revoked = new Map<string, RevokedEntry>();
  for (const item of revokedList ? children(revokedList) : []) {
    const parsed = entry(item);
    revoked.set(parsed.serialKey, parsed);
  }
  expectTag(issuer, TAG.SEQUENCE, 'an issuer name');
  return {
    der,
    source,
    tbs: raw(tbsTlv!),
    signatureAlgorithm: raw(expectTag(algorithm, TAG.SEQUENCE, 'a signature algorithm')),
    signature: bitStringBytes(signature),
    issuer: formatName(issuer!),
    issuerKey: nameKey(issuer!),
    thisUpdate: parseTime(thisUpdate),
    nextUpdate: nextUpdate ? parseTime(nextUpdate) : null,
    revoked,
    extensions: extensionList(tail.find((field) => field?.tag === 0xa0)),
  };
}

/** The exact serial of a certificate, comparable with RevokedEntry.serialKey. */
export function serialKey(cert: ParsedCertificate): string {
  const fields = children(readTlv(cert.tbs));
  const serial = fields[0]?.tag === 0xa0 ? fields[1] : fields[0];
  return toHex(content(expectTag(serial, TAG.INTEGER, 'a serial number')));
}

/** Parses a CRL; CORRUPT_INPUT naming `source` if it is malformed. */
export function parseCrl(der: Uint8Array, source: string): ParsedCrl {
  return guarded(source, 'the revocation list', () => decode(der, source));
}
