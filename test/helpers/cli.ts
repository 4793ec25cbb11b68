import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';

export const CLI = resolve('dist/cli/mtls-studio.cjs');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Runs the built CLI as a user would (no TTY, no inherited secrets). `npm test` builds it first. */
export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    json: () => JSON.parse(result.stdout),
  };
}

/**
 * The CLI bound to one data folder and, when given, a private keyring (its environment is read at each run, as the
 * keyring starts only before the tests): `cli` runs it; `ok` runs it with --json, expects exit 0 (showing the
 * output when not) and returns the parsed JSON.
 */
export function cliWithHome(home: string, keyring?: { env: Record<string, string> }) {
  const cli = (args: string[]) => runCli(args, { env: { MTLS_STUDIO_HOME: home, ...keyring?.env } });
  const ok = (args: string[]) => {
    const run = cli([...args, '--json']);
    expect(run.status, `${args.join(' ')}: ${run.stdout}${run.stderr}`).toBe(0);
    return run.json();
  };
  return { cli, ok };
}
