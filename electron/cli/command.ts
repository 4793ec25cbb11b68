import type { Output } from './output';

export interface Command {
  name: string;
  summary: string;
  /** full help: usage, options, EXAMPLES */
  help: string;
  /** commands with subcommands: the help for `<command> <subcommand> --help` (falls back to `help`) */
  helpFor?(argv: string[]): string;
  /** returns the exit code: 0 success, 1 the check found a problem; usage/input errors are thrown */
  run(argv: string[], output: Output): Promise<number>;
}
