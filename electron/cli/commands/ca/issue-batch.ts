import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { keyTypeOption, readInputFile, requireOption } from '../ca-cli-helpers';
import { onePositional } from '../identity/positionals';

const usage = 'mtls-studio ca issue-batch CA_NAME --csv FILE [--key TYPE] [--subject-template T] [--json]';

export const issueBatchCommand: Command = {
  name: 'issue-batch',
  summary: 'issue one client identity per row of a CSV (partner onboarding)',
  help: `Usage: ${usage}

Reads a CSV whose header names the columns (any order): name, email (required), cn, o, ou, dns (several
separated by spaces or ;), days. Each row becomes a client identity in the vault, named by its 'name', with
its email (and DNS names) as SANs. A row that fails (name taken…) is reported; the others are issued.
Progress goes to stderr on a terminal. Exit 1 when a row failed.

Options:
  --csv FILE              the rows (UTF-8, with or without BOM)
  --key TYPE              key type of every identity (default ec-p256)
  --subject-template T    default "CN={cn},OU={ou},O={o}"; placeholders {name} {email} {cn} {o} {ou}
  --json                  print {"results":[{row,name,identity,error}],"issued":N,"failed":N}

Examples:
  mtls-studio ca issue-batch Partners --csv partners.csv
  mtls-studio ca issue-batch Partners --csv partners.csv --json > issued.json`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, { csv: { type: 'string' }, key: { type: 'string' }, 'subject-template': { type: 'string' }, json: { type: 'boolean' } }, usage);
    const ca = onePositional(positionals, 'CA_NAME', usage);
    const csvPath = requireOption(values.csv, '--csv', usage);
    const keyType = keyTypeOption(values.key, usage);
    const csv = readInputFile(csvPath, 'CSV file');
    const tty = Boolean(process.stderr.isTTY);
    const results = await vaultServices().ca.issueBatch(ca, csv, {
      ...(keyType === undefined ? {} : { keyType }),
      ...(values['subject-template'] === undefined ? {} : { subjectTemplate: values['subject-template'] }),
      onProgress: (done, total) => {
        if (!tty) return;
        const width = 30;
        const filled = Math.round((done / Math.max(total, 1)) * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
      },
    });
    const failed = results.filter((result) => result.error !== null);
    const issued = results.length - failed.length;
    if (output.json) printJson(output, { results, issued, failed: failed.length });
    else {
      output.out(`issued ${issued} identit${issued === 1 ? 'y' : 'ies'} from '${ca}'${failed.length > 0 ? `, ${failed.length} row${failed.length === 1 ? '' : 's'} failed` : ''}`);
      for (const result of failed) output.note(`row ${result.row} (${result.name}): ${result.error!.message} [${result.error!.code}]`);
    }
    return failed.length > 0 ? 1 : 0;
  },
};
