import { execFile } from 'node:child_process';
import { StudioError } from '../../common/errors';

export interface ToolOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one external tool from an argv array — never a shell string, so names and paths need no quoting and cannot
 * inject commands. `env` is added to the process environment (how secrets reach PowerShell without argv).
 * Injected into the stores so tests can record the exact argv of the macOS and Windows commands.
 */
export type ToolRunner = (argv: readonly string[], options?: { env?: Record<string, string> }) => Promise<ToolOutput>;

const TIMEOUT_MS = 60_000;
const MAX_OUTPUT = 16 * 1024 * 1024;

/** Which package provides each tool, for the hint when it is missing. */
const PACKAGE_HINTS: Record<string, string> = {
  certutil: 'Install libnss3-tools (Debian/Ubuntu: sudo apt install libnss3-tools; Fedora: sudo dnf install nss-tools).',
  pk12util: 'Install libnss3-tools (Debian/Ubuntu: sudo apt install libnss3-tools; Fedora: sudo dnf install nss-tools).',
  security: "macOS's security tool is missing from /usr/bin: this store only works on macOS.",
  'powershell.exe': 'Windows PowerShell is required for the Windows certificate store.',
  'certutil.exe': "Windows' certutil is required for the Windows certificate store.",
};

export function toolMissing(tool: string): StudioError {
  return new StudioError('STORE_UNAVAILABLE', `'${tool}' is not installed`, {
    hint: PACKAGE_HINTS[tool] ?? `Install '${tool}'.`,
    params: { tool },
  });
}

export const runTool: ToolRunner = (argv, options = {}) =>
  new Promise((resolve, reject) => {
    const [command, ...args] = argv;
    if (command === undefined) throw new StudioError('INVALID_ARGUMENT', 'no command to run');
    execFile(
      command,
      args,
      { env: { ...process.env, ...options.env }, timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(toolMissing(command.split(/[\\/]/).pop() ?? command));
          return;
        }
        if (error && typeof error.code !== 'number') {
          // killed by the timeout or a signal: not an answer from the tool
          reject(new StudioError('STORE_COMMAND_FAILED', `'${command}' did not finish (${error.signal ?? error.message})`, { params: { tool: command } }));
          return;
        }
        resolve({ exitCode: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });

/** The tool's own words (first lines of stderr, else stdout) for an error message; never holds secrets we passed. */
export function toolSays(output: ToolOutput): string {
  const text = (output.stderr.trim() || output.stdout.trim()).split('\n').slice(0, 3).join(' ');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function commandFailed(what: string, tool: string, output: ToolOutput, hint?: string): StudioError {
  return new StudioError('STORE_COMMAND_FAILED', `${what}: ${tool} failed (exit ${output.exitCode}): ${toolSays(output)}`, {
    ...(hint === undefined ? {} : { hint }),
    params: { tool },
  });
}
