import { StudioError } from '../../../common/errors';
import type { Command } from '../../command';
import { bindCommand } from './bind';
import { exportCommand } from './export';
import { importCommand } from './import';
import { labelCommand } from './label';
import { listCommand } from './list';
import { matchCommand } from './match';
import { removeCommand } from './remove';
import { renameCommand } from './rename';
import { showCommand } from './show';
import { unbindCommand } from './unbind';

const SUBCOMMANDS: Command[] = [importCommand, listCommand, showCommand, renameCommand, labelCommand, removeCommand, exportCommand, bindCommand, unbindCommand, matchCommand];

function overview(): string {
  const width = Math.max(...SUBCOMMANDS.map((c) => c.name.length));
  return `Usage: mtls-studio identity <subcommand> [options]

An identity is a private key, its certificate and the chain that goes with it, under a name you choose.
The vault keeps them in the data folder (MTLS_STUDIO_HOME), each private key encrypted under a random key
held by the OS keychain.

Subcommands:
${SUBCOMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run mtls-studio identity <subcommand> --help for its options and examples.

Examples:
  mtls-studio identity import partner-a.p12 --name "Partner A"
  mtls-studio identity list --expiring 30
  mtls-studio identity bind "Partner A" '*.partner-a.example'
  mtls-studio identity match https://api.partner-a.example/`;
}

export const identityCommand: Command = {
  name: 'identity',
  summary: 'the identity vault: import, list, show, rename, label, remove, export, host rules',
  help: overview(),
  helpFor: (argv) => SUBCOMMANDS.find((c) => c.name === argv[0])?.help ?? overview(),
  async run(argv, output) {
    const [name, ...rest] = argv;
    const subcommand = SUBCOMMANDS.find((c) => c.name === name);
    if (!subcommand) {
      const what = name === undefined ? 'missing subcommand' : `unknown subcommand '${name}'`;
      throw new StudioError('USAGE', `identity: ${what}`, { hint: `One of: ${SUBCOMMANDS.map((c) => c.name).join(', ')}. Run mtls-studio identity --help.` });
    }
    return subcommand.run(rest, output);
  },
};
