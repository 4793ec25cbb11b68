import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { positionalsExactly } from './positionals';

const usage = 'mtls-studio identity bind NAME PATTERN [--json]';

export const bindCommand: Command = {
  name: 'bind',
  summary: 'use an identity for a host pattern (api.example.com, *.example.com, optional :port)',
  help: `Usage: ${usage}

Binds the identity to a host pattern, which 'identity match' and the test console use to choose the identity
for a URL. Patterns are anchored at both ends:
  api.example.com        that host, any port
  api.example.com:8443   that host on that port only
  *.example.com          any name ending in .example.com (a.example.com, a.b.example.com), not example.com
IPv4 and bracketed IPv6 addresses are exact hosts. Precedence: exact host and port > exact host > the longest
wildcard. Binding a pattern another identity holds succeeds and warns: such a conflict matches no identity
until one of them is unbound.

Options:
  --json   print {"identity":{…},"pattern","conflicts":[…]}

Examples:
  mtls-studio identity bind "Partner A" api.partner-a.example
  mtls-studio identity bind "Partner A staging" '*.staging.partner-a.example:8443'`,

  async run(argv, output) {
    const { positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
    const [name, pattern] = positionalsExactly(positionals, ['NAME', 'PATTERN'], usage);
    const result = await vaultServices().vault.bind(name!, pattern!);
    if (output.json) printJson(output, result);
    else output.out(`'${result.identity.name}' is used for ${result.pattern}`);
    for (const conflict of result.conflicts) {
      const others = conflict.identities.filter((identity) => identity.id !== result.identity.id).map((identity) => `'${identity.name}'`);
      output.note(`warning: '${conflict.pattern}' is also bound to ${others.join(', ')}: URLs it decides match no identity until one is unbound`);
    }
    return 0;
  },
};
