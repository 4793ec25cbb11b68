import type { PublicKeyInfo } from '../../../electron/common/dto/inspect';

const DAY_MS = 24 * 60 * 60 * 1000;

/** 'RSA 2048', 'EC P-256', 'Ed25519' — technical names, identical in every language. */
export function describeKey(key: PublicKeyInfo): string {
  if (key.curve) return `${key.algorithm} ${key.curve}`;
  if (key.bits && !/^Ed(25519|448)$/.test(key.algorithm)) return `${key.algorithm} ${key.bits}`;
  return key.algorithm;
}

/** 'AB:CD:…' as OpenSSL prints fingerprints, so users can compare them with what others send. */
export const formatFingerprint = (hex: string): string => hex.toUpperCase().replace(/(..)(?!$)/g, '$1:');

/** Serial numbers as colon-separated hex bytes, like browsers and OpenSSL show them. */
export const formatSerial = (hex: string): string => formatFingerprint(hex.length % 2 ? `0${hex}` : hex);

/** Whole days from now until `iso` (negative when past), rounded toward the nearer edge. */
export function daysUntil(iso: string, now: Date): number {
  const ms = Date.parse(iso) - now.getTime();
  return ms >= 0 ? Math.floor(ms / DAY_MS) : -Math.ceil(-ms / DAY_MS);
}

/** Intl formatters are costly to build (a table row needs several): one per language and style, reused. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, style: 'dateTime' | 'date'): Intl.DateTimeFormat {
  const key = `${style} ${language}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, style === 'dateTime' ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' });
    formatters.set(key, found);
  }
  return found;
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(language, 'dateTime').format(date);
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(language, 'date').format(date);
}

/** The last segment of a path, on any platform. */
export const fileName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;
