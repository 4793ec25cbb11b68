import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real Secret Service for tests and benchmarks: gnome-keyring in a private D-Bus session (`dbus-run-session`),
 * with a fresh HOME and a non-empty unlock password (an empty one leaves the login collection locked). One
 * long-lived session per test file; children get its bus through `env`; `stop()` kills the whole process group,
 * and gnome-keyring exits with its bus. No vitest import here, so `npm run bench` can use it; test files use
 * `useKeyring()` from ./keyring.
 */
export interface PrivateKeyring {
  /** pass to child processes (CLI) that should reach this keyring */
  env: { DBUS_SESSION_BUS_ADDRESS: string };
  /** runs secret-tool against this keyring (independent of our code); returns stdout */
  secretTool(args: string[], input?: string): string;
  /** accounts stored under a service, as secret-tool sees them */
  accounts(service: string): string[];
  stop(): void;
}

const UNLOCK_PASSWORD = 'test-keyring-unlock-password';
const START_TIMEOUT_MS = 15_000;
const READY_POLL_MS = 100;
/** a loaded CI machine has taken over 15 s to create the login collection: the bound is wall time, generous */
const READY_TIMEOUT_MS = 60_000;

const SCRIPT = `printf '%s' "$KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null 2>&1 || exit 3
echo "BUS=$DBUS_SESSION_BUS_ADDRESS"
exec cat >/dev/null`;

function readBusAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the private keyring did not start within ${START_TIMEOUT_MS} ms: ${err}`)), START_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /BUS=(\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the private keyring exited (${code}) before it was ready: ${err}`));
    });
  });
}

export async function startKeyring(): Promise<PrivateKeyring> {
  const home = mkdtempSync(join(tmpdir(), 'mtls-keyring-'));
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', SCRIPT], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, KEYRING_PW: UNLOCK_PASSWORD },
    detached: true,
    // the session lives until its stdin closes: stop() or, if this process dies without stopping it, the OS
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(home, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const address = await readBusAddress(child).catch((error: unknown) => {
    stop();
    throw error;
  });
  const env = { DBUS_SESSION_BUS_ADDRESS: address };
  const run = (args: string[], input?: string) => {
    const result = spawnSync('secret-tool', args, { env: { PATH: process.env.PATH ?? '', HOME: home, ...env }, input: input ?? '', encoding: 'utf8', timeout: 10_000 });
    if (result.status !== 0 && !(args[0] === 'lookup' && result.status === 1)) throw new Error(`secret-tool ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
    return result;
  };
  const secretTool = (args: string[], input?: string): string => run(args, input).stdout;
  // the daemon answers before the login collection is created and unlocked ("Cannot create an item in a locked
  // collection" under load): wait, bounded, until a store + clear goes through
  const readyBy = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      secretTool(['store', '--label=probe', 'service', 'mtls-keyring-probe', 'username', 'probe'], 'x');
      secretTool(['clear', 'service', 'mtls-keyring-probe', 'username', 'probe']);
      break;
    } catch (error) {
      if (Date.now() >= readyBy) {
        stop();
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
  }
  return {
    env,
    secretTool,
    accounts: (service) =>
      // secret-tool prints the attributes of what it finds on stderr
      [...run(['search', '--all', 'service', service]).stderr.matchAll(/^attribute\.username = (.*)$/gm)].map((match) => match[1]!.trim()).sort(),
    stop,
  };
}
