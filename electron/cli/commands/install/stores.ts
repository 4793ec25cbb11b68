import { StudioError } from '../../../common/errors';
import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { color, printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { describeStore, STORE_HELP } from './store-args';

const usage = 'mtls-studio stores [--json]';

export const storesCommand: Command = {
  name: 'stores',
  summary: 'the certificate stores on this machine and which of your identities are in each',
  help: `Usage: ${usage}

Lists the stores found here and reads each one now (nothing is remembered between runs): which vault
identities it holds, matched by certificate fingerprint, and whether their private key is there too.

${STORE_HELP}

Options:
  --json   print {"stores":[{"store":{kind,location,label,usable,problem,…},"identities":[…],"error"}]}

Examples:
  mtls-studio stores
  mtls-studio stores --json | jq '.stores[] | select(.identities | length > 0) | .store.label'`,

  async run(argv, output) {
    const { positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
    if (positionals.length > 0) throw new StudioError('USAGE', `unexpected argument '${positionals[0]}'`, { hint: usage });
    const stores = await vaultServices().install.stores();
    if (output.json) {
      printJson(output, { stores });
      return 0;
    }
    if (stores.length === 0) output.out('no certificate store found on this machine');
    for (const { store, identities, error } of stores) {
      output.out(color.bold(describeStore(store)));
      if (!store.usable) output.out(`  ${color.yellow('not usable')}: ${store.problem ?? ''}`);
      else if (error !== null) output.out(`  ${color.red('cannot read')}: ${error}`);
      else if (identities.length === 0) output.out(`  ${color.dim('none of your identities')}`);
      for (const identity of identities) {
        output.out(`  ${identity.name}${identity.nickname ? ` (as '${identity.nickname}')` : ''}${identity.hasKey ? '' : color.yellow(' — certificate only, no key')}`);
      }
    }
    return 0;
  },
};
