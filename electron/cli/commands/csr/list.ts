import { StudioError } from '../../../common/errors';
import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';

const usage = 'mtls-studio csr list [--json]';

export const csrListCommand: Command = {
  name: 'list',
  summary: 'list the pending requests (keys waiting for their certificate)',
  help: `Usage: ${usage}

Options:
  --json   print {"pending":[{id,name,createdAt,subject,subjectAltNames,keyAlgorithm}]}`,

  async run(argv, output) {
    const { positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
    if (positionals.length > 0) throw new StudioError('USAGE', `unexpected argument '${positionals[0]}'`, { hint: usage });
    const pending = await vaultServices().ca.pending();
    if (output.json) printJson(output, { pending });
    else output.out(pending.length === 0 ? 'no pending request' : pending.map((entry) => `${entry.name}  ${entry.subject}  ${entry.keyAlgorithm}  since ${entry.createdAt.slice(0, 10)}`).join('\n'));
    return 0;
  },
};
