import { StudioError } from '../../common/errors';
import type { Command } from '../command';

/** A command with subcommands (`ca create`, `csr sign`…): dispatches and builds the overview help. */
export function groupCommand(name: string, summary: string, about: string, subcommands: Command[], examples: string[]): Command {
  const width = Math.max(...subcommands.map((c) => c.name.length));
  const overview = `Usage: mtls-studio ${name} <subcommand> [options]

${about}

Subcommands:
${subcommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run mtls-studio ${name} <subcommand> --help for its options and examples.

Examples:
${examples.map((line) => `  ${line}`).join('\n')}`;
  return {
    name,
    summary,
    help: overview,
    helpFor: (argv) => subcommands.find((c) => c.name === argv[0])?.help ?? overview,
    async run(argv, output) {
      const [sub, ...rest] = argv;
      const subcommand = subcommands.find((c) => c.name === sub);
      if (!subcommand) {
        const what = sub === undefined ? 'missing subcommand' : `unknown subcommand '${sub}'`;
        throw new StudioError('USAGE', `${name}: ${what}`, { hint: `One of: ${subcommands.map((c) => c.name).join(', ')}. Run mtls-studio ${name} --help.` });
      }
      return subcommand.run(rest, output);
    },
  };
}
