#!/usr/bin/env node
import { StudioError, toErrorDto } from '../common/errors';
import type { Command } from './command';
import { convertCommand } from './commands/convert';
import { inspectCommand } from './commands/inspect';
import { identityCommand } from './commands/identity';
import { vaultCommand } from './commands/vault-doctor';
import { probeCommand } from './commands/probe';
import { caCommand } from './commands/ca';
import { csrCommand } from './commands/csr';
import { kitCommand } from './commands/kit';
import { labCommand } from './commands/lab';
import { chainCommand } from './commands/chain';
import { truststoreCommand } from './commands/truststore';
import { headersCommand } from './commands/headers';
import { installCommand } from './commands/install/install';
import { uninstallCommand } from './commands/install/uninstall';
import { storesCommand } from './commands/install/stores';
import { createOutput, printError } from './output';
import { VERSION } from './version';

const COMMANDS: Command[] = [inspectCommand, convertCommand, identityCommand, vaultCommand, probeCommand, caCommand, csrCommand, kitCommand, truststoreCommand, chainCommand, headersCommand, labCommand, installCommand, uninstallCommand, storesCommand];

const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `mtls-studio ${VERSION} — client certificates and mutual TLS, explained

Usage: mtls-studio <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command takes --json (JSON on stdout only) and --help.
Exit status: 0 success, 1 the check found a problem, 2 bad input or usage.
Passwords are never taken from the command line: use --password-env, --password-file or the prompt.`;
}

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const output = createOutput(json);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    output.out(topic ? (topic.helpFor?.(rest.slice(1)) ?? topic.help) : overview());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    output.out(json ? JSON.stringify({ version: VERSION }) : VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) {
      throw new StudioError('USAGE', `unknown command '${name}'`, { hint: 'Run mtls-studio --help for the list of commands.' });
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      output.out(command.helpFor?.(rest) ?? command.help);
      return EXIT.ok;
    }
    return await command.run(rest, output);
  } catch (error) {
    printError(output, toErrorDto(error));
    if (!(error instanceof StudioError) && process.env.MTLS_STUDIO_DEBUG === '1') console.error(error);
    return EXIT.badInput;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = EXIT.badInput;
  },
);
