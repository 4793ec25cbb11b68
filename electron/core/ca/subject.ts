import { TAG } from '../pki/der';
import { derOid, derSequence, derSet, tlv } from '../pki/der-write';
import { formatNameDer } from '../pki/names';
import { invalidSubject } from './errors';
import { hasControlCharacter } from './text';
import { parseDistinguishedName, SubjectSyntaxError, type RawAttribute } from './subject-syntax';

/**
 * Subjects: parsed from a DN string (RFC 4514 or OpenSSL `/…` form, see subject-syntax.ts) or a template, checked,
 * and encoded the way OpenSSL encodes them today: UTF8String for text (Unicode kept as typed), PrintableString for
 * C, serialNumber and dnQualifier, IA5String for emailAddress and DC; lengths within X.520's upper bounds.
 */

export interface SubjectAttribute {
  /** short name as OpenSSL prints it ('CN', 'O', 'emailAddress'…) or the dotted OID */
  type: string;
  oid: string;
  value: string;
}

/** RDNs in encoding order (least specific first, like `/C=…/O=…/CN=…`); a multi-valued RDN has several attributes. */
export type SubjectName = SubjectAttribute[][];

type Encoding = 'utf8' | 'printable' | 'ia5';

interface AttributeSpec {
  name: string;
  oid: string;
  encoding: Encoding;
  max: number;
  min?: number;
}

const spec = (name: string, oid: string, max: number, encoding: Encoding = 'utf8', min = 1): AttributeSpec => ({ name, oid, encoding, max, min });

const SPECS: AttributeSpec[] = [
  spec('CN', '2.5.4.3', 64),
  spec('SN', '2.5.4.4', 64),
  spec('serialNumber', '2.5.4.5', 64, 'printable'),
  spec('C', '2.5.4.6', 2, 'printable', 2),
  spec('L', '2.5.4.7', 128),
  spec('ST', '2.5.4.8', 128),
  spec('street', '2.5.4.9', 128),
  spec('O', '2.5.4.10', 64),
  spec('OU', '2.5.4.11', 64),
  spec('title', '2.5.4.12', 64),
  spec('businessCategory', '2.5.4.15', 128),
  spec('postalCode', '2.5.4.17', 40),
  spec('GN', '2.5.4.42', 64),
  spec('initials', '2.5.4.43', 64),
  spec('dnQualifier', '2.5.4.46', 64, 'printable'),
  spec('pseudonym', '2.5.4.65', 128),
  spec('organizationIdentifier', '2.5.4.97', 128),
  spec('UID', '0.9.2342.19200300.100.1.1', 256),
  spec('DC', '0.9.2342.19200300.100.1.25', 63, 'ia5'),
  spec('emailAddress', '1.2.840.113549.1.9.1', 128, 'ia5'),
];

const ALIASES: Record<string, string> = {
  commonname: 'CN',
  surname: 'SN',
  countryname: 'C',
  localityname: 'L',
  s: 'ST',
  stateorprovincename: 'ST',
  streetaddress: 'street',
  organizationname: 'O',
  organizationalunitname: 'OU',
  givenname: 'GN',
  g: 'GN',
  e: 'emailAddress',
  email: 'emailAddress',
  domaincomponent: 'DC',
  userid: 'UID',
};

const BY_NAME = new Map(SPECS.map((s) => [s.name.toLowerCase(), s]));
const BY_OID = new Map(SPECS.map((s) => [s.oid, s]));
const OID_PATTERN = /^[0-2](\.(0|[1-9]\d{0,9})){1,20}$/;
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

function specFor(type: string, subject: string): AttributeSpec {
  const lower = type.toLowerCase();
  const known = BY_NAME.get(ALIASES[lower]?.toLowerCase() ?? lower);
  if (known) return known;
  const byOid = BY_OID.get(type.replace(/^oid\./i, ''));
  if (byOid) return byOid;
  if (OID_PATTERN.test(type)) return { name: type, oid: type, encoding: 'utf8', max: 256 };
  throw invalidSubject(subject, `unknown attribute type '${type}' (use CN, O, OU, C, ST, L, emailAddress, serialNumber, DC, UID… or a dotted OID)`);
}

function checkValue(attribute: AttributeSpec, value: string, subject: string): string {
  const text = attribute.name === 'C' ? value.toUpperCase() : value;
  if (attribute.name === 'C' && !/^[A-Z]{2}$/.test(text)) throw invalidSubject(subject, `C must be a two-letter country code (ISO 3166), not '${value}'`);
  const length = [...text].length;
  if (length < (attribute.min ?? 1)) throw invalidSubject(subject, `${attribute.name} is empty`);
  if (length > attribute.max) throw invalidSubject(subject, `${attribute.name} is ${length} characters long; at most ${attribute.max} are allowed`);
  if (hasControlCharacter(text)) throw invalidSubject(subject, `${attribute.name} contains a control character`);
  if (attribute.encoding === 'printable' && !PRINTABLE.test(text)) throw invalidSubject(subject, `${attribute.name} may only contain letters, digits, spaces and ' ( ) + , - . / : = ?`);
  if (attribute.encoding === 'ia5' && !/^[\x20-\x7e]*$/.test(text)) throw invalidSubject(subject, `${attribute.name} must be ASCII`);
  return text;
}

function toSubjectName(raw: RawAttribute[][], subject: string): SubjectName {
  const name = raw.map((rdn) =>
    rdn.map(({ type, value }) => {
      const attribute = specFor(type, subject);
      return { type: attribute.name, oid: attribute.oid, value: checkValue(attribute, value, subject) };
    }),
  );
  if (name.flat().length === 0) throw invalidSubject(subject, 'it has no attribute');
  return name;
}

function syntax(text: string): RawAttribute[][] {
  try {
    return parseDistinguishedName(text);
  } catch (error) {
    if (error instanceof SubjectSyntaxError) throw invalidSubject(text, error.message);
    throw error;
  }
}

/** Parses and checks a DN string in either form; INVALID_SUBJECT naming the subject and the cause otherwise. */
export function parseSubject(text: string): SubjectName {
  if (typeof text !== 'string') throw invalidSubject(String(text), 'it is not text');
  return toSubjectName(syntax(text), text);
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/**
 * A subject from a template such as `CN={name},OU=Partners,O=Example`. Placeholders are replaced after parsing,
 * so a value can never add attributes (a comma in a name stays a comma); an attribute whose placeholders are all
 * empty or missing is left out. Placeholders must be keys of `values` (set them to undefined when absent).
 */
export function subjectFromTemplate(template: string, values: Record<string, string | undefined>): SubjectName {
  const raw = syntax(template);
  const filled = raw
    .map((rdn) =>
      rdn.flatMap(({ type, value }) => {
        let used = 0;
        let empty = 0;
        const replaced = value.replace(PLACEHOLDER, (_, key: string) => {
          if (!Object.prototype.hasOwnProperty.call(values, key)) throw invalidSubject(template, `unknown placeholder {${key}} (known: ${Object.keys(values).map((k) => `{${k}}`).join(', ')})`);
          used++;
          const v = values[key]?.trim() ?? '';
          if (v === '') empty++;
          return v;
        });
        return used > 0 && empty === used ? [] : [{ type, value: replaced.trim() }];
      }),
    )
    .filter((rdn) => rdn.length > 0);
  return toSubjectName(filled, template);
}

function encodeValue(attribute: SubjectAttribute): Uint8Array {
  const known = BY_OID.get(attribute.oid);
  const encoding = known?.encoding ?? 'utf8';
  const tag = encoding === 'printable' ? TAG.PRINTABLE_STRING : encoding === 'ia5' ? TAG.IA5_STRING : TAG.UTF8_STRING;
  return tlv(tag, new Uint8Array(Buffer.from(attribute.value, encoding === 'utf8' ? 'utf8' : 'latin1')));
}

/** DER Name (RDNSequence; a multi-valued RDN is a sorted SET, as DER requires). */
export function encodeSubject(name: SubjectName): Uint8Array {
  return derSequence(...name.map((rdn) => derSet(...rdn.map((attribute) => derSequence(derOid(attribute.oid), encodeValue(attribute))))));
}

/** A subject given as text (either form) or as a parsed name → DER. */
export const subjectDer = (subject: string | SubjectName): Uint8Array => encodeSubject(typeof subject === 'string' ? parseSubject(subject) : subject);

/** RFC 4514 text of a DER name, as `inspect` prints it (Unicode intact). */
export const formatSubject = (der: Uint8Array): string => formatNameDer(der);

/** The most specific CN of a parsed name, or null. */
export function commonNameOf(name: SubjectName): string | null {
  const cns = name.flat().filter((attribute) => attribute.oid === '2.5.4.3');
  return cns[cns.length - 1]?.value ?? null;
}
