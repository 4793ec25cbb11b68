import { isIP, isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { derSequence, tlv } from '../pki/der-write';
import { invalidSan } from './errors';

/**
 * Subject alternative names written as OpenSSL prints them — `DNS:api.example.com`, `IP:10.0.0.1`, `IP:2001:db8::1`,
 * `email:alice@example.com`, `URI:spiffe://example.org/partner-a` — checked (RFC 5280 preferred name syntax,
 * IA5String only) and encoded as GeneralNames. Unicode domain names become their A-label (punycode) form.
 */

export type SanType = 'dns' | 'ip' | 'email' | 'uri';

export interface SanEntry {
  type: SanType;
  /** normalised value: lowercase A-label DNS names, canonical IP text, the URI/email as given (domain lowercased) */
  value: string;
  /** the encoded GeneralName value (IP: 4 or 16 bytes; others: ASCII) */
  bytes: Uint8Array;
}

const PREFIXES: Record<string, SanType> = { dns: 'dns', ip: 'ip', email: 'email', uri: 'uri' };
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const MAX_SAN_LENGTH = 2048;

export const formatSan = (entry: Pick<SanEntry, 'type' | 'value'>): string =>
  `${{ dns: 'DNS', ip: 'IP', email: 'email', uri: 'URI' }[entry.type]}:${entry.value}`;

/** A DNS name in A-label form, lowercase; `*.` allowed as the whole leftmost label when `wildcard`. */
function dnsName(input: string, san: string, wildcard: boolean): string {
  let name = input.trim().replace(/\.$/, '');
  if (name === '') throw invalidSan(san, 'the name is empty');
  const star = wildcard && name.startsWith('*.');
  if (star) name = name.slice(2);
  if (/[^\x20-\x7e]/.test(name)) {
    const ascii = domainToASCII(name);
    if (ascii === '') throw invalidSan(san, `'${name}' is not a valid internationalised domain name`);
    name = ascii;
  }
  name = name.toLowerCase();
  if (name.includes('*')) throw invalidSan(san, wildcard ? 'a wildcard is only allowed as the whole first label (*.example.com)' : 'wildcards are not allowed here');
  const labels = name.split('.');
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) throw invalidSan(san, bad === '' ? 'it has an empty label (two dots in a row?)' : `the label '${bad}' may only hold letters, digits and inner hyphens (at most 63)`);
  if (star && labels.length < 2) throw invalidSan(san, 'a wildcard needs at least two labels after it (*.example.com)');
  const full = star ? `*.${name}` : name;
  if (full.length > 253) throw invalidSan(san, 'the name is longer than 253 characters');
  return full;
}

function ipv6Bytes(text: string): Uint8Array {
  let head = text;
  const out = new Uint8Array(16);
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let tailWords: number[] = [];
  if (v4) {
    const octets = v4[1]!.split('.').map(Number);
    tailWords = [(octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!];
    head = text.slice(0, text.length - v4[1]!.length) + '0:0';
  }
  const [left, right] = head.includes('::') ? head.split('::') as [string, string] : [head, undefined];
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const leftWords = parse(left);
  const rightWords = right === undefined ? [] : parse(right);
  const words = right === undefined ? leftWords : [...leftWords, ...Array<number>(8 - leftWords.length - rightWords.length).fill(0), ...rightWords];
  if (tailWords.length) words.splice(6, 2, ...tailWords);
  words.forEach((word, i) => {
    out[2 * i] = word >> 8;
    out[2 * i + 1] = word & 0xff;
  });
  return out;
}

function ipEntry(input: string, san: string): SanEntry {
  const text = input.trim().replace(/^\[(.*)\]$/, '$1');
  if (isIPv4(text)) return { type: 'ip', value: text, bytes: new Uint8Array(text.split('.').map(Number)) };
  if (text.includes('%')) throw invalidSan(san, 'an IPv6 zone index (%…) cannot be put in a certificate');
  if (isIPv6(text)) return { type: 'ip', value: text.toLowerCase(), bytes: ipv6Bytes(text) };
  throw invalidSan(san, `'${text}' is not an IPv4 or IPv6 address`);
}

function emailEntry(input: string, san: string): SanEntry {
  const text = input.trim();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) throw invalidSan(san, 'an email address needs a mailbox and a domain (alice@example.com)');
  const local = text.slice(0, at);
  if (!/^[\x21-\x7e]+$/.test(local) || local.includes('@') || local.length > 64) {
    throw invalidSan(san, /[^\p{ASCII}]/u.test(local) ? 'the mailbox part must be ASCII (certificates cannot hold internationalised mailboxes)' : `'${local}' is not a valid mailbox name`);
  }
  const domain = dnsName(text.slice(at + 1), san, false);
  const value = `${local}@${domain}`;
  return { type: 'email', value, bytes: new Uint8Array(Buffer.from(value, 'latin1')) };
}

function uriEntry(input: string, san: string): SanEntry {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidSan(san, 'not an absolute URI (scheme:…, e.g. https://example.com/partner or spiffe://example.org/id)');
  }
  const value = /^[\x21-\x7e]+$/.test(text) ? text : url.href;
  if (!/^[\x21-\x7e]+$/.test(value)) throw invalidSan(san, 'a URI may not contain spaces or control characters');
  return { type: 'uri', value, bytes: new Uint8Array(Buffer.from(value, 'latin1')) };
}

/** Parses one `TYPE:value`; INVALID_SAN naming it and the cause otherwise. `wildcard` allows `DNS:*.example.com`. */
export function parseSan(text: string, options: { wildcard?: boolean } = {}): SanEntry {
  if (typeof text !== 'string' || text.length > MAX_SAN_LENGTH) throw invalidSan(String(text).slice(0, 64), `expected TYPE:value text of at most ${MAX_SAN_LENGTH} characters`);
  const colon = text.indexOf(':');
  const prefix = colon > 0 ? text.slice(0, colon).trim().toLowerCase() : '';
  const type = PREFIXES[prefix];
  if (!type) {
    const guess = isIP(text.trim()) ? 'IP' : text.includes('://') ? 'URI' : text.includes('@') ? 'email' : 'DNS';
    const unknownType = colon > 0 && /^[a-z][a-z0-9]*$/i.test(prefix) && guess === 'DNS';
    throw invalidSan(text, unknownType ? `unknown type '${text.slice(0, colon)}' (use DNS:, IP:, email: or URI:)` : `no type: write ${guess}:${text.trim()}`);
  }
  const value = text.slice(colon + 1);
  switch (type) {
    case 'dns': {
      const name = dnsName(value, text, options.wildcard ?? true);
      return { type, value: name, bytes: new Uint8Array(Buffer.from(name, 'latin1')) };
    }
    case 'ip':
      return ipEntry(value, text);
    case 'email':
      return emailEntry(value, text);
    case 'uri':
      return uriEntry(value, text);
  }
}

/** Parses a list, dropping exact duplicates (same type and normalised value) and keeping the first order. */
export function parseSans(texts: readonly string[], options: { wildcard?: boolean } = {}): SanEntry[] {
  const seen = new Set<string>();
  const entries: SanEntry[] = [];
  for (const text of texts) {
    const entry = parseSan(text, options);
    const key = formatSan(entry).toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      entries.push(entry);
    }
  }
  return entries;
}

const CONTEXT_TAG: Record<SanType, number> = { email: 0x81, dns: 0x82, uri: 0x86, ip: 0x87 };

/** The DER of GeneralNames (the subjectAltName extension's value). */
export const encodeSans = (entries: readonly SanEntry[]): Uint8Array =>
  derSequence(...entries.map((entry) => tlv(CONTEXT_TAG[entry.type], entry.bytes)));
