import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { onePositional } from '../identity/positionals';

const usage = 'mtls-studio csr remove NAME [--json]';

export const csrRemoveCommand: Command = {
  name: 'remove',
  summary: 'drop a pending request and destroy its key',
  help: `Usage: ${usage}

Removes the pending request NAME (made with 'csr create') and deletes its key from the vault and the keychain.
A certificate issued for it later can no longer be completed.

Options:
  --json   print {"removed":{id,name,…}}

Examples:
  mtls-studio csr remove "Bank API"`,

  async run(argv, output) {
    const { positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
    const removed = await vaultServices().ca.removeRequest(onePositional(positionals, 'NAME', usage));
    if (output.json) printJson(output, { removed });
    else output.out(`removed the pending request '${removed.name}' and its key`);
    return 0;
  },
};
