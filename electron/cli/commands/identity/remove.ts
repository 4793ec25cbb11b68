import { StudioError } from '../../../common/errors';
import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { confirm } from '../../confirm';
import { printJson } from '../../output';
import { canPrompt } from '../../secrets';
import { vaultServices } from '../../vault-services';
import { onePositional } from './positionals';

const usage = 'mtls-studio identity remove NAME [--yes] [--json]';

export const removeCommand: Command = {
  name: 'remove',
  summary: 'delete an identity: its keychain entry (the key is then gone for good) and its files',
  help: `Usage: ${usage}

Deletes the identity's keychain entry — which makes its private key unrecoverable — and its files. On a
terminal it asks first; without a terminal (scripts, CI) it refuses unless --yes is given.

Options:
  --yes    do not ask
  --json   print {"removed":{"id","name"}}

Examples:
  mtls-studio identity remove "Partner A staging"
  mtls-studio identity remove "Partner A staging" --yes --json`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, { yes: { type: 'boolean' }, json: { type: 'boolean' } }, usage);
    const name = onePositional(positionals, 'NAME', usage);
    const services = vaultServices();
    if (!values.yes) {
      const identity = await services.vault.get(name);
      if (!canPrompt()) {
        throw new StudioError('USAGE', `refusing to remove '${identity.name}' without confirmation`, {
          hint: 'Removing destroys the private key. Run the command on a terminal to be asked, or add --yes.',
        });
      }
      const subject = identity.subjectCommonName ?? identity.subject;
      if (!(await confirm(`Remove '${identity.name}' (${subject}) and destroy its private key for good?`))) {
        throw new StudioError('CANCELLED', `'${identity.name}' was not removed`, { hint: 'Nothing was changed.' });
      }
    }
    const removed = await services.vault.remove(name);
    if (output.json) printJson(output, { removed });
    else output.out(`removed '${removed.name}'`);
    return 0;
  },
};
