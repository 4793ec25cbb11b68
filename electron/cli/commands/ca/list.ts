import type { AuthoritySummary, IssuedEntry } from '../../../common/dto/ca';
import { StudioError } from '../../../common/errors';
import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { color, printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { writeOutputFile } from '../ca-cli-helpers';

const usage = 'mtls-studio ca list [--issued CA_NAME [--search TEXT] [--csv FILE]] [--json]';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  return [color.bold(line(header)), ...rows.map(line)].join('\n');
}

function authorityTable(authorities: AuthoritySummary[]): string {
  const depth = (ca: AuthoritySummary): number => {
    let level = 0;
    for (let parent = ca.parentId; parent !== null && level < 16; level++) parent = authorities.find((other) => other.id === parent)?.parentId ?? null;
    return level;
  };
  return table(
    ['NAME', 'KIND', 'SUBJECT', 'KEY', 'UNTIL', 'ISSUED', 'REVOKED', 'CRL'],
    authorities.map((ca) => [`${'  '.repeat(depth(ca))}${ca.name}`, ca.kind, ca.subject, ca.keyAlgorithm, ca.notAfter.slice(0, 10), String(ca.issued), String(ca.revoked), ca.crlNumber === 0 ? '—' : `#${ca.crlNumber}`]),
  );
}

const issuedTable = (entries: IssuedEntry[]): string =>
  table(
    ['SERIAL', 'NAME', 'KIND', 'SUBJECT', 'UNTIL', 'STATUS'],
    entries.map((entry) => [entry.serial, entry.name ?? '—', entry.kind ?? '—', entry.subject, entry.notAfter.slice(0, 10), entry.status === 'revoked' ? `revoked ${entry.revokedAt?.slice(0, 10)} (${entry.reason})` : entry.status]),
  );

export const listCommand: Command = {
  name: 'list',
  summary: 'list the vault CAs (tree order), or what one CA issued (--issued)',
  help: `Usage: ${usage}

Without options: every CA of the vault, roots first, each followed by its intermediates, with how many
certificates it issued and revoked and its last CRL number. With --issued: that CA's registry (serial, name,
subject, validity, status as of now, revocation time and reason), optionally filtered and exported as CSV.

Options:
  --issued CA_NAME   show what this CA issued
  --search TEXT      only entries whose serial, subject or name contains TEXT
  --csv FILE         also write the (filtered) registry as CSV (UTF-8 with BOM, opens in Excel)
  --json             print {"authorities":[…]} or {"issued":[…]}

Examples:
  mtls-studio ca list
  mtls-studio ca list --issued Partners --search partner-a
  mtls-studio ca list --issued Partners --csv partners-issued.csv`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, { issued: { type: 'string' }, search: { type: 'string' }, csv: { type: 'string' }, json: { type: 'boolean' } }, usage);
    if (positionals.length > 0) throw new StudioError('USAGE', `unexpected argument '${positionals[0]}'`, { hint: usage });
    const { ca } = vaultServices();
    if (values.issued === undefined) {
      if (values.search !== undefined || values.csv !== undefined) throw new StudioError('USAGE', '--search and --csv go with --issued CA_NAME', { hint: usage });
      const authorities = await ca.list();
      if (output.json) printJson(output, { authorities });
      else output.out(authorities.length === 0 ? 'no CA in the vault yet: create one with `mtls-studio ca create NAME`' : authorityTable(authorities));
      return 0;
    }
    const issued = await ca.issued(values.issued, values.search);
    if (values.csv !== undefined) writeOutputFile(values.csv, await ca.issuedCsv(values.issued, values.search));
    if (output.json) printJson(output, { issued });
    else output.out(issued.length === 0 ? `'${values.issued}' has issued nothing${values.search ? ' that matches' : ''}` : issuedTable(issued));
    return 0;
  },
};
