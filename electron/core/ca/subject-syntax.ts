/**
 * Distinguished-name syntax, both ways users write it:
 * - RFC 4514 (`CN=Alice,O=Example\, Inc.,C=CN`): most specific RDN first, `+` joins a multi-valued RDN, escapes
 *   `\,` `\+` `\"` `\\` `\<` `\>` `\;` `\=` `\#` `\ ` and `\XX` (hex bytes, UTF-8), quoted values, spaces around
 *   separators ignored;
 * - OpenSSL `-subj` (`/C=CN/O=Example/CN=Alice`): RDNs in encoding order, `+` joins a multi-valued RDN, `\`
 *   escapes the next character, whitespace kept, empty values dropped (as OpenSSL does).
 * The result is in encoding (DER) order: least specific first. Only syntax here; subject.ts checks the values.
 */

export interface RawAttribute {
  type: string;
  value: string;
}

/** What went wrong, for the caller to wrap in an INVALID_SUBJECT naming the whole subject. */
export class SubjectSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubjectSyntaxError';
  }
}

const HEX = /^[0-9A-Fa-f]{2}$/;
const SPECIAL = ',+"\\<>;=# ';
const MAX_SUBJECT_LENGTH = 4096;

export function parseDistinguishedName(text: string): RawAttribute[][] {
  if (text.length > MAX_SUBJECT_LENGTH) throw new SubjectSyntaxError(`longer than ${MAX_SUBJECT_LENGTH} characters`);
  if (text.trim() === '') throw new SubjectSyntaxError('it is empty');
  // only leading blanks go: a trailing `\ ` is an escaped space, and unescaped ones are dropped per value
  const start = text.trimStart();
  return start.startsWith('/') ? parseSlashForm(start) : parseRfc4514(start);
}

function parseSlashForm(text: string): RawAttribute[][] {
  const rdns: RawAttribute[][] = [];
  let rdn: RawAttribute[] = [];
  let token = '';
  const finish = (separator: '/' | '+' | 'end') => {
    if (token !== '') rdn.push(slashAttribute(token));
    token = '';
    if (separator !== '+' && rdn.length > 0) {
      rdns.push(rdn);
      rdn = [];
    }
  };
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      if (i + 1 >= text.length) throw new SubjectSyntaxError('it ends with a lone backslash');
      token += `\\${text[++i]!}`;
    } else if (ch === '/' || ch === '+') finish(ch);
    else token += ch;
  }
  finish('end');
  const attributes = rdns.flat().filter((attribute) => attribute.value !== '');
  if (attributes.length === 0) throw new SubjectSyntaxError('it has no attribute with a value');
  return rdns.map((r) => r.filter((attribute) => attribute.value !== '')).filter((r) => r.length > 0);
}

/** One `type=value` of the slash form, `token` still holding its `\x` escapes. */
function slashAttribute(token: string): RawAttribute {
  let equals = -1;
  for (let i = 0; i < token.length; i++) {
    if (token[i] === '\\') i++;
    else if (token[i] === '=') {
      equals = i;
      break;
    }
  }
  if (equals < 0) throw new SubjectSyntaxError(`'${unescapeSlash(token)}' has no '=' (expected type=value)`);
  const type = unescapeSlash(token.slice(0, equals)).trim();
  if (type === '') throw new SubjectSyntaxError(`'${unescapeSlash(token)}' has no attribute type before '='`);
  return { type, value: unescapeSlash(token.slice(equals + 1)) };
}

const unescapeSlash = (text: string): string => text.replace(/\\(.)/gs, '$1');

function parseRfc4514(text: string): RawAttribute[][] {
  const rdns: RawAttribute[][] = [];
  let rdn: RawAttribute[] = [];
  let at = 0;
  for (let guard = 0; guard <= text.length; guard++) {
    if (text.slice(at).trim() === '') throw new SubjectSyntaxError('it ends with a separator and no attribute after it');
    const equals = text.indexOf('=', at);
    if (equals < 0) throw new SubjectSyntaxError(`'${text.slice(at).trim()}' has no '=' (expected type=value)`);
    const type = text.slice(at, equals).trim();
    if (type === '' || /[,+"\\]/.test(type)) throw new SubjectSyntaxError(`'${text.slice(at, equals + 1).trim()}' is not an attribute type`);
    const { value, end } = readRfc4514Value(text, equals + 1);
    rdn.push({ type, value });
    at = end + 1;
    if (end >= text.length) break;
    if (text[end] === ',' || text[end] === ';') {
      rdns.push(rdn);
      rdn = [];
    }
  }
  rdns.push(rdn);
  return rdns.reverse();
}

/** Reads one value from `start` up to an unescaped `,` `;` `+` or the end; returns it and the separator's index. */
function readRfc4514Value(text: string, start: number): { value: string; end: number } {
  let i = start;
  while (i < text.length && text[i] === ' ') i++;
  if (text[i] === '#') throw new SubjectSyntaxError('hex-encoded (#…) values are not supported: write the text instead');
  if (text[i] === '"') return readQuoted(text, i);
  let value = '';
  let keep = 0; // length of `value` up to its last character that is not an unescaped trailing space
  const bytes: number[] = [];
  const flush = () => {
    if (bytes.length === 0) return;
    const decoded = Buffer.from(bytes).toString('utf8');
    if (decoded.includes('\uFFFD')) throw new SubjectSyntaxError('a \\XX escape sequence is not valid UTF-8');
    value += decoded;
    keep = value.length;
    bytes.length = 0;
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      const pair = text.slice(i + 1, i + 3);
      if (HEX.test(pair)) {
        bytes.push(parseInt(pair, 16));
        i += 2;
        continue;
      }
      flush();
      const next = text[i + 1];
      if (next === undefined || !SPECIAL.includes(next)) throw new SubjectSyntaxError(`'\\${next ?? ''}' is not a valid escape (escape only , + " \\ < > ; = # and space)`);
      value += next;
      keep = value.length;
      i++;
      continue;
    }
    flush();
    if (ch === ',' || ch === '+' || ch === ';') break;
    if (ch === '"') throw new SubjectSyntaxError('a quote inside a value must be escaped as \\"');
    value += ch;
    if (ch !== ' ') keep = value.length;
  }
  flush();
  return { value: value.slice(0, keep), end: i };
}

function readQuoted(text: string, open: number): { value: string; end: number } {
  let value = '';
  let i = open + 1;
  for (; i < text.length && text[i] !== '"'; i++) {
    if (text[i] === '\\' && i + 1 < text.length) i++;
    value += text[i]!;
  }
  if (i >= text.length) throw new SubjectSyntaxError('a quoted value has no closing quote');
  let end = i + 1;
  while (end < text.length && text[end] === ' ') end++;
  if (end < text.length && !',;+'.includes(text[end]!)) throw new SubjectSyntaxError('text after a quoted value must be separated by , or +');
  return { value, end };
}
