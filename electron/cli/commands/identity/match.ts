import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { formatMatch } from './format';
import { onePositional } from './positionals';

const usage = 'mtls-studio identity match URL [--json]';

export const matchCommand: Command = {
  name: 'match',
  summary: 'which identity a request to this URL uses, and why',
  help: `Usage: ${usage}

Applies the host rules to a URL (https://host[:port]/…, or host[:port]; the port is 443 when absent) and
explains the choice: exact host and port > exact host > the longest wildcard. Every matching rule is listed.

Exit status: 0 an identity matches, 1 none does (or two identities claim the deciding pattern).

Options:
  --json   print {"url","host","port","identity":{…}|null,"pattern","kind","reason","candidates":[…],"conflict"}

Examples:
  mtls-studio identity match https://api.partner-a.example/health
  mtls-studio identity match api.partner-a.example:8443 --json | jq -r '.identity.name'`,

  async run(argv, output) {
    const { positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
    const match = await vaultServices().vault.match(onePositional(positionals, 'URL', usage));
    if (output.json) printJson(output, match);
    else output.out(formatMatch(match));
    return match.identity ? 0 : 1;
  },
};
