import { invalidCsv } from './errors';

/**
 * A small RFC 4180 reader for the files spreadsheets export: a UTF-8 BOM, CRLF/LF/CR line ends, quoted fields
 * with "" escapes and line breaks inside, `,` (or `;`/tab when the header uses it) between fields, blank lines
 * skipped. Every record carries the line it starts on, so errors can say "row N" as a spreadsheet would.
 */

export interface CsvRecord {
  /** 1-based line number where the record starts (the header is row 1 in a file without blank lines before it) */
  row: number;
  fields: string[];
}

export const MAX_CSV_RECORDS = 10_000;

/** UTF-8 text from bytes, the BOM dropped; INVALID_CSV for other encodings (a GBK export from Excel, UTF-16). */
export function csvText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    throw invalidCsv(1, 'the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8"');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input).replace(/^\uFEFF/, '');
  } catch {
    throw invalidCsv(1, 'the file is not UTF-8 text (Excel: save as "CSV UTF-8 (comma delimited)")');
  }
}

function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  return ',';
}

export function parseCsv(input: string | Uint8Array): CsvRecord[] {
  const text = csvText(input);
  const delimiter = delimiterOf(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteOpenedAt = 0;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !fieldStarted;
    if (!blank) {
      if (records.length >= MAX_CSV_RECORDS) throw invalidCsv(start, `more than ${MAX_CSV_RECORDS} rows; split the file`);
      records.push({ row: start, fields });
    }
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.trim() !== '') throw invalidCsv(start, `a quote in the middle of a field ("${field}…"): quote the whole field and double inner quotes`);
      field = '';
      quoted = true;
      quoteOpenedAt = line;
      fieldStarted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += ch;
    }
  }
  if (quoted) throw invalidCsv(quoteOpenedAt, 'a quoted field is never closed (a missing " ?)');
  endRecord();
  return records;
}
