import { DerError, TAG, type Tlv } from './der';

const UTC = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/;
const GENERALIZED = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d{1,9}))?Z$/;

/** UTCTime / GeneralizedTime (UTC forms, as RFC 5280 requires) → Date. */
export function parseTime(tlv: Tlv | undefined): Date {
  if (!tlv || (tlv.tag !== TAG.UTC_TIME && tlv.tag !== TAG.GENERALIZED_TIME)) throw new DerError('expected a time');
  const text = Buffer.from(tlv.bytes.subarray(tlv.contentStart, tlv.contentEnd)).toString('latin1');
  const match = (tlv.tag === TAG.UTC_TIME ? UTC : GENERALIZED).exec(text);
  if (!match) throw new DerError(`unsupported time value '${text.replace(/[^ -~]/g, '?').slice(0, 24)}'`);
  let year = Number(match[1]);
  if (tlv.tag === TAG.UTC_TIME) year += year >= 50 ? 1900 : 2000;
  const [month, day, hour, minute, second] = [2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [number, number, number, number, number];
  const millis = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) throw new DerError('time out of range');
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  if (year < 100) date.setUTCFullYear(year);
  return date;
}
