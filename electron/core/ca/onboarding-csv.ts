import { isStudioError } from '../../common/errors';
import { inRow, invalidCsv } from './errors';
import { parseCsv } from './csv';
import { hasControlCharacter } from './text';
import { formatSan, parseSan } from './san';
import { subjectFromTemplate, type SubjectName } from './subject';
import { MAX_DAYS } from './validity';

/**
 * Bulk onboarding from a spreadsheet: a header row naming the columns (any order, any case), then one partner
 * per row. `name` and `email` are required; `cn` (default: name), `o`, `ou`, `dns` (several separated by spaces,
 * `;` or `,`), `days` are optional. Every problem is an INVALID_CSV naming the row; nothing is half-read.
 */

export const ONBOARDING_COLUMNS = ['name', 'email', 'cn', 'o', 'ou', 'dns', 'days'] as const;
export type OnboardingColumn = (typeof ONBOARDING_COLUMNS)[number];

export interface OnboardingRow {
  /** the row in the file (header = 1), for progress and error reports */
  row: number;
  /** identity name (and partner-kit file name) */
  name: string;
  /** normalised email address, issued as an email: SAN */
  email: string;
  cn: string;
  o?: string;
  ou?: string;
  /** normalised DNS names */
  dns: string[];
  days?: number;
  /** the subject from the template, checked */
  subject: SubjectName;
}

/** RFC 4514 order: CN most specific; OU and O are left out when their cells are empty. */
export const DEFAULT_ONBOARDING_SUBJECT = 'CN={cn},OU={ou},O={o}';

export interface OnboardingOptions {
  /** subject template; placeholders {name} {email} {cn} {o} {ou} (default DEFAULT_ONBOARDING_SUBJECT) */
  subjectTemplate?: string;
}

const MAX_NAME = 128;

function headerColumns(fields: string[], row: number): Map<OnboardingColumn, number> {
  const columns = new Map<OnboardingColumn, number>();
  fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (name === '') return;
    if (!(ONBOARDING_COLUMNS as readonly string[]).includes(name)) throw invalidCsv(row, `unknown column '${raw.trim()}' (columns: ${ONBOARDING_COLUMNS.join(', ')})`);
    if (columns.has(name as OnboardingColumn)) throw invalidCsv(row, `the column '${name}' appears twice`);
    columns.set(name as OnboardingColumn, index);
  });
  for (const required of ['name', 'email'] as const) if (!columns.has(required)) throw invalidCsv(row, `the header has no '${required}' column (required: name, email)`);
  return columns;
}

function checkName(name: string, row: number): string {
  if (name === '') throw invalidCsv(row, 'the name is empty');
  if ([...name].length > MAX_NAME) throw invalidCsv(row, `the name is longer than ${MAX_NAME} characters`);
  if (hasControlCharacter(name)) throw invalidCsv(row, 'the name contains a control character');
  return name;
}

function checkDaysCell(text: string, row: number): number | undefined {
  if (text === '') return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_DAYS) throw invalidCsv(row, `days '${text}' is not a whole number of days in 1..${MAX_DAYS}`);
  return Number(text);
}

function parseRow(fields: string[], row: number, columns: Map<OnboardingColumn, number>, template: string): OnboardingRow {
  const cell = (column: OnboardingColumn) => {
    const index = columns.get(column);
    return index === undefined ? '' : (fields[index] ?? '').trim();
  };
  const name = checkName(cell('name'), row);
  const emailText = cell('email');
  if (emailText === '') throw invalidCsv(row, `'${name}' has no email`);
  try {
    const email = parseSan(`email:${emailText}`).value;
    const dns = cell('dns')
      .split(/[\s;,]+/)
      .filter((part) => part !== '')
      .map((part) => parseSan(`DNS:${part}`, { wildcard: false }).value);
    const o = cell('o');
    const ou = cell('ou');
    const days = checkDaysCell(cell('days'), row);
    const cn = cell('cn') || name;
    const subject = subjectFromTemplate(template, { name, email, cn, o, ou });
    return { row, name, email, cn, ...(o ? { o } : {}), ...(ou ? { ou } : {}), dns, ...(days === undefined ? {} : { days }), subject };
  } catch (error) {
    if (isStudioError(error) && error.code !== 'INVALID_CSV') throw inRow(row, error);
    throw error;
  }
}

/** Parses an onboarding CSV (text or bytes). At least one data row; names unique (case-insensitive). */
export function parseOnboardingCsv(input: string | Uint8Array, options: OnboardingOptions = {}): OnboardingRow[] {
  const template = options.subjectTemplate ?? DEFAULT_ONBOARDING_SUBJECT;
  // a broken template is the caller's error, not row 2's: check it once with sample values
  subjectFromTemplate(template, { name: 'n', email: 'e@example.com', cn: 'c', o: 'o', ou: 'u' });
  const records = parseCsv(input).filter((record) => record.fields.some((field) => field.trim() !== ''));
  const [header, ...data] = records;
  if (!header) throw invalidCsv(1, 'the file is empty (expected a header row: name,email,…)');
  const columns = headerColumns(header.fields, header.row);
  if (data.length === 0) throw invalidCsv(header.row + 1, 'there are no rows after the header');
  const seen = new Map<string, number>();
  return data.map((record) => {
    if (record.fields.length > header.fields.length) throw invalidCsv(record.row, `${record.fields.length} fields, but the header has ${header.fields.length} (a comma inside a value must be quoted)`);
    const parsed = parseRow(record.fields, record.row, columns, template);
    const key = parsed.name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) throw invalidCsv(record.row, `the name '${parsed.name}' is already used in row ${first}`);
    seen.set(key, record.row);
    return parsed;
  });
}

/** The SANs a row is issued with: its email, then its DNS names. */
export const onboardingSans = (row: OnboardingRow): string[] => [formatSan({ type: 'email', value: row.email }), ...row.dns.map((dns) => formatSan({ type: 'dns', value: dns }))];
