import { spawn, type ChildProcess } from 'node:child_process';
import * as tls from 'node:tls';

/**
 * `openssl s_server` on 127.0.0.1 for the CA tests: started on port 0 (the kernel picks a free port; we read it
 * back from its ACCEPT line), stopped by the test file's afterAll. Output (verify lines, errors) is kept.
 */

export interface SServer {
  port: number;
  output(): string;
  /** resolves with the output once it matches `pattern` (the server logs a moment after the client gives up) */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;

export function startSServer(args: string[]): Promise<SServer> {
  const child: ChildProcess = spawn('openssl', ['s_server', '-accept', '127.0.0.1:0', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let text = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`openssl s_server did not start: ${text}`));
    }, START_TIMEOUT_MS);
    let started = false;
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /ACCEPT 127\.0\.0\.1:(\d+)/.exec(text);
      if (match && !started) {
        started = true;
        clearTimeout(timer);
        const waitFor = async (pattern: RegExp, timeoutMs = 5_000) => {
          const deadline = Date.now() + timeoutMs;
          while (!pattern.test(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
          return text;
        };
        resolve({ port: Number(match[1]), output: () => text, waitFor, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`openssl s_server exited (${code}): ${text}`));
    });
  });
}

export interface ClientResult {
  /** the HTTP answer of `s_server -www` when the server accepted us */
  response: string;
  /** the TLS error when it did not */
  error: string | null;
}

/** Connects with a client certificate (chain PEM) and key, sends `GET /`, and reports what came back. */
export function mtlsGet(port: number, options: { cert: string; key: string; ca: string; maxVersion?: tls.SecureVersion }): Promise<ClientResult> {
  return new Promise((resolve) => {
    let response = '';
    let settled = false;
    const finish = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ response, error });
    };
    const socket = tls.connect({ host: '127.0.0.1', port, cert: options.cert, key: options.key, ca: options.ca, maxVersion: options.maxVersion ?? 'TLSv1.3' }, () => {
      socket.write('GET / HTTP/1.0\r\n\r\n');
    });
    const timer = setTimeout(() => finish('timeout'), 10_000);
    socket.on('data', (chunk: Buffer) => (response += chunk.toString('utf8')));
    socket.on('error', (error: Error) => finish(error.message));
    socket.on('end', () => finish(null));
    socket.on('close', () => finish(null));
  });
}
