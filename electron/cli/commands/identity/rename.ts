import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { positionalsExactly } from './positionals';

const usage = 'mtls-studio identity rename OLD NEW [--json]';

export const renameCommand: Command = {
  name: 'rename',
  summary: 'give an identity another name',
  help: `Usage: ${usage}

Renames an identity (found by name or id). Names are unique regardless of letter case; the rename is recorded
in the identity's history.

Options:
  --json   print {"identity":{…}}

Examples:
  mtls-studio identity rename "Test Client" "Partner A staging"`,

  async run(argv, output) {
    const { positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
    const [from, to] = positionalsExactly(positionals, ['OLD', 'NEW'], usage);
    const identity = await vaultServices().vault.rename(from!, to!);
    if (output.json) printJson(output, { identity });
    else output.out(`renamed '${from}' to '${identity.name}'`);
    return 0;
  },
};
