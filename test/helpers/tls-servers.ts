import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const readIfThere = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/**
 * Real TLS servers on loopback for the probe tests: `openssl s_server` and nginx as child processes. Every server
 * is registered so one `stopAllServers()` in afterAll ends them; each start waits a bounded time.
 */

export interface RunningServer {
  host: string;
  port: number;
  /** what the server printed so far (stdout + stderr) */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<RunningServer>();
const START_TIMEOUT_MS = 15_000;

function track(child: ChildProcess, host: string, port: number, output: () => string, cleanup: () => void): RunningServer {
  const server: RunningServer = {
    host,
    port,
    output,
    stop: () =>
      new Promise((resolve) => {
        running.delete(server);
        const done = () => {
          cleanup();
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGKILL');
      }),
  };
  running.add(server);
  return server;
}

export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

/** A port that was free a moment ago (for servers that cannot listen on port 0 and report it, like nginx). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Server output goes to a file, not a pipe: a test blocked in spawnSync cannot drain a pipe, and a server writing to a full one stops. */
function outputFile(): { fd: number; read: () => string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'mtls-server-log-'));
  const path = join(folder, 'output.log');
  const fd = openSync(path, 'w');
  return {
    fd,
    read: () => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return '';
      }
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/**
 * `openssl s_server -accept HOST:PORT …` (PORT 0 = any free port, read back from its "ACCEPT" line).
 * `args` are the rest of the command line (-cert, -key, -Verify, -www, …).
 */
export function startSServer(args: string[], options: { host?: string; port?: number } = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const log = outputFile();
  const child = spawn('openssl', ['s_server', '-accept', `${host}:${options.port ?? 0}`, ...args], { stdio: ['ignore', log.fd, log.fd] });
  closeSync(log.fd);
  const deadline = Date.now() + START_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const text = log.read();
      // with port 0 it prints "ACCEPT host:port"; with a fixed port just "ACCEPT"
      const match = options.port ? /^ACCEPT/m.exec(text) : /ACCEPT\s+\S*?:(\d+)/.exec(text);
      if (match) return resolve(track(child, host, options.port || Number(match[1]), log.read, log.remove));
      if (child.exitCode !== null) {
        log.remove();
        return reject(new Error(`openssl s_server exited (${child.exitCode}): ${text}`));
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        log.remove();
        return reject(new Error(`openssl s_server did not start: ${text}`));
      }
      setTimeout(poll, 20);
    };
    poll();
  });
}

function waitForPort(host: string, port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`server exited (${child.exitCode}): ${output()}`));
      const socket = net.connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`server did not listen on ${host}:${port}: ${output()}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export interface NginxOptions {
  cert: string;
  key: string;
  /** ssl_client_certificate (the CAs it verifies with and names in its CertificateRequest) */
  clientCa?: string;
  verify?: 'on' | 'optional' | 'optional_no_ca';
  /** extra directives inside server { } */
  extra?: string;
}

/** nginx with its own prefix, config and temp folders under `dir`, in the foreground, one process. */
export async function startNginx(dir: string, options: NginxOptions): Promise<RunningServer> {
  const host = '127.0.0.1';
  const port = await freePort(host);
  const prefix = join(dir, `nginx-${port}`);
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${join(prefix, name)};`).join('\n    ');
  const conf = `
master_process off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'logs', 'error.log')} info;
events { worker_connections 64; }
http {
    access_log off;
    ${temp}
    server {
        listen ${host}:${port} ssl;
        ssl_certificate ${options.cert};
        ssl_certificate_key ${options.key};
        ${options.clientCa ? `ssl_client_certificate ${options.clientCa};` : ''}
        ${options.verify ? `ssl_verify_client ${options.verify};` : ''}
        ssl_verify_depth 4;
        ssl_protocols TLSv1.2 TLSv1.3;
        ${options.extra ?? ''}
        location / {
            default_type text/plain;
            return 200 "hello from nginx; verify=$ssl_client_verify\\n";
        }
    }
}
`;
  writeFileSync(join(prefix, 'nginx.conf'), conf);
  const log = outputFile();
  const child = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'logs', 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', log.fd, log.fd] });
  closeSync(log.fd);
  const output = () => log.read() + readIfThere(join(prefix, 'logs', 'error.log'));
  const server = track(child, host, port, output, log.remove);
  try {
    await waitForPort(host, port, child, output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
