import { StudioError } from '../../../common/errors';
import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { onePositional } from './positionals';

const usage = 'mtls-studio identity label NAME [--add LABEL]... [--remove LABEL]... [--json]';

export const labelCommand: Command = {
  name: 'label',
  summary: 'add or remove labels (production, partner-a, …)',
  help: `Usage: ${usage}

Labels are free text (1–100 characters) for sorting identities out; each option may be repeated.

Options:
  --add LABEL      add a label
  --remove LABEL   remove a label
  --json           print {"identity":{…}}

Examples:
  mtls-studio identity label "Partner A" --add production --add partner-a
  mtls-studio identity label "Partner A" --remove staging`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { add: { type: 'string', multiple: true }, remove: { type: 'string', multiple: true }, json: { type: 'boolean' } },
      usage,
    );
    const name = onePositional(positionals, 'NAME', usage);
    if (!values.add?.length && !values.remove?.length) throw new StudioError('USAGE', 'nothing to change: give --add or --remove', { hint: usage });
    const identity = await vaultServices().vault.label(name, { add: values.add ?? [], remove: values.remove ?? [] });
    if (output.json) printJson(output, { identity });
    else output.out(`'${identity.name}': ${identity.labels.length > 0 ? identity.labels.join(', ') : 'no labels'}`);
    return 0;
  },
};
