import type { ErrorDto } from '../common/errors';

export interface Output {
  json: boolean;
  /** stdout: JSON documents or the human report */
  out(text: string): void;
  /** stderr: warnings and progress for people; never JSON */
  note(text: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    note: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

export const printJson = (output: Output, value: unknown): void => output.out(JSON.stringify(value, null, 2));

/** What an export wrote: the result as JSON, or one line per file; warnings always go to stderr. */
export function printWritten(output: Output, result: { written: string[]; warnings: string[] }): void {
  if (output.json) printJson(output, result);
  else for (const path of result.written) output.out(`wrote ${path}`);
  for (const warning of result.warnings) output.note(`warning: ${warning}`);
}

const useColor = (): boolean => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) => (useColor() ? `\u001b[${code}m${text}\u001b[0m` : text);
export const color = { red: paint('31'), yellow: paint('33'), green: paint('32'), dim: paint('2'), bold: paint('1'), cyan: paint('36') };

export function printError(output: Output, error: ErrorDto): void {
  if (output.json) {
    const { code, message, hint } = error;
    output.out(JSON.stringify({ error: { code, message, hint: hint ?? null } }));
    return;
  }
  const errColor = process.stderr.isTTY && !process.env.NO_COLOR;
  output.note(`${errColor ? '\u001b[31merror\u001b[0m' : 'error'}: ${error.message} [${error.code}]`);
  if (error.hint) output.note(`hint: ${error.hint}`);
}
