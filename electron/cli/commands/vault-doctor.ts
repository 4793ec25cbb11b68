import { StudioError } from '../../common/errors';
import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { printJson } from '../output';
import { vaultServices } from '../vault-services';
import { formatDoctor } from './identity/format';

const usage = 'mtls-studio vault doctor [--repair] [--json]';

const help = `Usage: ${usage}

Checks that the vault's three parts agree — vault.json, the identity folders, the OS keychain entries — and
lists what does not: keychain entries or folders that belong to no identity (left by an interrupted import or
removal), identities whose keychain entry or files are gone or whose key does not decrypt, and temporary files
of interrupted writes. It waits for other writers (app, CLI) so work in progress is never taken for damage.

Options:
  --repair   delete the orphans and temporary files, and remove identities that can no longer be used
             (their key is gone for good; import them again from the original files)
  --json     print {"ok","identities","problems":[{"kind","id","name","message","repair","repaired"}]}

Exit status: 0 nothing wrong (or everything repaired), 1 problems found, 2 the check could not run
(KEYCHAIN_UNAVAILABLE, VAULT_CORRUPT, VAULT_LOCKED).

Examples:
  mtls-studio vault doctor
  mtls-studio vault doctor --repair --json`;

export const vaultCommand: Command = {
  name: 'vault',
  summary: 'vault maintenance: doctor finds and repairs leftovers of interrupted operations',
  help,
  async run(argv, output) {
    const [name, ...rest] = argv;
    if (name !== 'doctor') {
      throw new StudioError('USAGE', name === undefined ? 'vault: missing subcommand' : `vault: unknown subcommand '${name}'`, { hint: usage });
    }
    const { values, positionals } = parseCommandArgs(rest, { repair: { type: 'boolean' }, json: { type: 'boolean' } }, usage);
    if (positionals.length > 0) throw new StudioError('USAGE', `unexpected argument '${positionals[0]}'`, { hint: usage });
    const repair = values.repair ?? false;
    const report = await vaultServices().vault.doctor({ repair });
    if (output.json) printJson(output, report);
    else output.out(formatDoctor(report, repair));
    return report.ok ? 0 : 1;
  },
};
