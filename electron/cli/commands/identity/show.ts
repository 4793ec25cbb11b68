import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { formatDetails } from './format';
import { onePositional } from './positionals';

const usage = 'mtls-studio identity show NAME [--json]';

export const showCommand: Command = {
  name: 'show',
  summary: 'one identity: certificate, chain, findings, host rules, history',
  help: `Usage: ${usage}

Shows an identity (by name or id): its certificate and chain as 'inspect' describes them, findings (expiry,
weak signature, incomplete chain…), host rules, labels and history (imports, renames, exports). Works without a
reachable keychain.

Options:
  --json   print {"identity":{…, "certificates":[…], "findings":[…], "history":[…]}}

Examples:
  mtls-studio identity show "Partner A production"
  mtls-studio identity show "Partner A production" --json | jq '.identity.history'`,

  async run(argv, output) {
    const { positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
    const identity = await vaultServices().vault.show(onePositional(positionals, 'NAME', usage));
    if (output.json) printJson(output, { identity });
    else output.out(formatDetails(identity));
    return 0;
  },
};
