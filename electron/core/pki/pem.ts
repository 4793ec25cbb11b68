/**
 * PEM text: any number of blocks, LF/CRLF/CR line ends, free text before and between blocks
 * (`openssl x509 -text`), RFC 1421 headers (Proc-Type, DEK-Info), and the "Bag Attributes" /
 * "Key Attributes" sections that `openssl pkcs12 -nodes` prints before each block.
 */

export interface PemBlock {
  label: string;
  /** RFC 1421 headers inside the block, e.g. { 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'DES-EDE3-CBC,…' } */
  headers: Record<string, string>;
  der: Uint8Array;
  /** from a preceding "Bag Attributes" section */
  friendlyName?: string;
  localKeyId?: Uint8Array;
}

/** A block that is recognisably PEM but broken (missing END, bad base64). */
export class PemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PemError';
  }
}

const BEGIN = /^-----BEGIN ([A-Z0-9][A-Z0-9 #._/-]*)-----$/;
const END = /^-----END ([A-Z0-9][A-Z0-9 #._/-]*)-----$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_LABEL = 64;

export const containsPemBlock = (text: string): boolean => text.includes('-----BEGIN ');

export function parsePem(text: string): PemBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: PemBlock[] = [];
  let preamble: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const begin = line.length <= MAX_LABEL + 16 ? BEGIN.exec(line) : null;
    if (!begin) {
      preamble.push(lines[i]!);
      continue;
    }
    const label = begin[1]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const inner = lines[j]!.trim();
      if (inner.startsWith('-----')) break;
      body.push(inner);
    }
    const closing = j < lines.length ? END.exec(lines[j]!.trim()) : null;
    if (!closing) throw new PemError(`the ${label} block has no END line (file truncated?)`);
    if (closing[1] !== label) throw new PemError(`the ${label} block ends with END ${closing[1]}`);
    blocks.push({ label, ...decodeBody(label, body), ...bagAttributes(preamble) });
    preamble = [];
    i = j;
  }
  return blocks;
}

function decodeBody(label: string, lines: string[]): { headers: Record<string, string>; der: Uint8Array } {
  const headers: Record<string, string> = {};
  let at = 0;
  if (lines.some((line) => line.includes(':'))) {
    let last: string | undefined;
    for (; at < lines.length && lines[at] !== ''; at++) {
      const raw = lines[at]!;
      const colon = raw.indexOf(':');
      if (colon > 0) {
        last = raw.slice(0, colon).trim();
        headers[last] = raw.slice(colon + 1).trim();
      } else if (last !== undefined) {
        headers[last] += raw; // continuation line (already trimmed)
      } else {
        throw new PemError(`the ${label} block has a malformed header`);
      }
    }
  }
  const base64 = lines.slice(at).join('');
  if (base64.length === 0) throw new PemError(`the ${label} block is empty`);
  if (!BASE64.test(base64)) throw new PemError(`the ${label} block contains characters that are not base64`);
  if (base64.length % 4 !== 0) throw new PemError(`the base64 of the ${label} block is truncated`);
  return { headers, der: new Uint8Array(Buffer.from(base64, 'base64')) };
}

/**
 * friendlyName and localKeyID from the "Bag Attributes" section before a block. OpenSSL prints indented
 * attribute lines after it, then `Key Attributes: …` or `subject=`/`issuer=` lines, then the block.
 */
function bagAttributes(preamble: string[]): { friendlyName?: string; localKeyId?: Uint8Array } {
  let start = -1;
  for (let i = preamble.length - 1; i >= 0 && start < 0; i--) if (preamble[i]!.startsWith('Bag Attributes')) start = i;
  for (let i = preamble.length - 1; i >= 0 && start < 0; i--) if (preamble[i]!.startsWith('Key Attributes')) start = i;
  if (start < 0) return {};
  const found: { friendlyName?: string; localKeyId?: Uint8Array } = {};
  for (const line of preamble.slice(start + 1)) {
    const match = /^\s+([A-Za-z]+):\s?(.*)$/.exec(line);
    if (!match) continue;
    const value = match[2]!.trim();
    if (match[1] === 'friendlyName' && value.length > 0) found.friendlyName = value;
    if (match[1] === 'localKeyID' && /^[0-9A-Fa-f]{2}( [0-9A-Fa-f]{2})*$/.test(value)) {
      found.localKeyId = new Uint8Array(Buffer.from(value.replace(/ /g, ''), 'hex'));
    }
  }
  return found;
}

/** PEM encoding: 64-character base64 lines, LF line ends, a final newline. */
export function encodePem(label: string, der: Uint8Array): string {
  const base64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
