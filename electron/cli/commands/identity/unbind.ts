import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { positionalsExactly } from './positionals';

const usage = 'mtls-studio identity unbind NAME PATTERN [--json]';

export const unbindCommand: Command = {
  name: 'unbind',
  summary: 'remove a host pattern from an identity',
  help: `Usage: ${usage}

Removes a host pattern bound with 'identity bind' (written as it was bound, or in any equivalent form:
letter case, a trailing dot and IDN spelling do not matter).

Options:
  --json   print {"identity":{…}}

Examples:
  mtls-studio identity unbind "Partner A" api.partner-a.example`,

  async run(argv, output) {
    const { positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
    const [name, pattern] = positionalsExactly(positionals, ['NAME', 'PATTERN'], usage);
    const identity = await vaultServices().vault.unbind(name!, pattern!);
    if (output.json) printJson(output, { identity });
    else output.out(`'${identity.name}' is no longer used for ${pattern}`);
    return 0;
  },
};
