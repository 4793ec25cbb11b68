/**
 * The reference side of the probe bench: the C tools the issue names (openssl s_time, ab, curl), and the bare
 * Node stacks the probe is built on (node:tls, undici) — what the probe would reach if it observed nothing.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import { Client } from 'undici';
import type { ProbePki } from '../helpers/probe-pki';

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs a command to completion (asynchronously: servers in this process keep answering) and returns its output. */
function spawnCollect(command: string, args: string[], cwd?: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr, ms: performance.now() - start }));
  });
}

/** Like spawnCollect, and a non-zero exit is an error. */
export async function run(command: string, args: string[], cwd: string): Promise<{ stdout: string; ms: number }> {
  const result = await spawnCollect(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} exited ${result.code}: ${result.stderr.slice(-400)}`);
  return result;
}

/** `processes` × `openssl s_time -new` at once, for `seconds`: total full handshakes (with one GET / each) per second */
export async function sTimeRate(port: number, pki: ProbePki, seconds: number, processes: number, cwd: string): Promise<{ rate: number; connections: number }> {
  const args = ['s_time', '-connect', `127.0.0.1:${port}`, '-new', '-time', String(seconds), '-www', '/', '-cert', pki.clientChain, '-key', pki.client.key, '-CAfile', pki.serverRoot.cert];
  const runs = await Promise.all(Array.from({ length: processes }, () => run('openssl', args, cwd)));
  let connections = 0;
  let rate = 0;
  for (const { stdout, ms } of runs) {
    const made = Number(/(\d+) connections in \d+ real seconds/.exec(stdout)?.[1] ?? NaN);
    connections += made;
    rate += made / (ms / 1000);
  }
  return { rate, connections };
}

/** `ab -k -n requests -c concurrency`: keep-alive requests per second */
export async function abRate(port: number, certAndKey: string, requests: number, concurrency: number, cwd: string): Promise<number> {
  const ab = await run('ab', ['-q', '-k', '-n', String(requests), '-c', String(concurrency), '-E', certAndKey, `https://127.0.0.1:${port}/`], cwd);
  const failed = Number(/Failed requests:\s+(\d+)/.exec(ab.stdout)?.[1] ?? NaN);
  if (failed !== 0) throw new Error(`ab reported ${failed} failed requests`);
  return Number(/Requests per second:\s+([\d.]+)/.exec(ab.stdout)?.[1] ?? NaN);
}

/** the first-byte server, run in its own Node process so that its clock does not wait on the probe's event loop */
const FIRST_BYTE_SERVER = `
const net = require('node:net');
const server = net.createServer((socket) => {
  const accepted = performance.now();
  socket.once('data', () => { process.stdout.write((performance.now() - accepted) + '\\n'); socket.destroy(); });
  socket.on('error', () => undefined);
});
server.listen(0, '127.0.0.1', () => process.stdout.write('port ' + server.address().port + '\\n'));
`;

/**
 * A TCP server that notes, per connection, the time from accepting it to the first byte arriving — for a TLS
 * client, the time it spends between "TCP connected" and sending its ClientHello — then drops the connection.
 * Measured the same way for every client, it is how much of a client's "TLS time" is its own set-up.
 */
export async function startFirstByteServer(): Promise<{ port: number; take(count: number): Promise<number[]>; close(): void }> {
  const child = spawn(process.execPath, ['-e', FIRST_BYTE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  let samples: number[] = [];
  let waiting: (() => void) | null = null;
  let buffered = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('port ')) resolve(Number(line.slice(5)));
        else samples.push(Number(line));
      }
      waiting?.();
    });
  });
  return {
    port,
    async take(count) {
      const deadline = setTimeout(() => waiting?.(), 5000);
      while (samples.length < count) {
        const before = samples.length;
        await new Promise<void>((resolve) => (waiting = resolve));
        if (samples.length === before) break;
      }
      clearTimeout(deadline);
      if (samples.length < count) throw new Error(`the first-byte server saw ${samples.length} of ${count} connections`);
      const taken = samples;
      samples = [];
      return taken;
    },
    close: () => child.kill(),
  };
}

/**
 * curl's time_appconnect − time_connect (ms) for `transfers` requests in ONE curl process, each on a new connection
 * (`Connection: close`) with a full handshake (`--no-sessionid`: otherwise curl resumes its session from the 2nd
 * connection on and sends no certificate). Against a first-byte server the transfers fail after the ClientHello, as
 * they should (`completes` false): only the set-up is measured there.
 */
export async function curlHandshakes(url: string, pki: ProbePki, transfers: number, completes = true): Promise<number[]> {
  const urls = Array.from({ length: transfers }, () => url);
  const sinks = urls.flatMap(() => ['-o', '/dev/null']);
  const curl = await spawnCollect('curl', ['-s', '--max-time', '10', '--no-sessionid', ...sinks, '-w', '%{num_connects} %{time_connect} %{time_appconnect}\\n', '-H', 'Connection: close', '--http1.1', '--cacert', pki.serverRoot.cert, '--cert', pki.clientChain, '--key', pki.client.key, ...urls]);
  const lines = curl.stdout.trim().split('\n').map((line) => line.split(' ').map(Number) as [number, number, number]);
  if (lines.length !== transfers || lines.some(([connects]) => connects !== 1)) throw new Error(`curl did not open a new connection per transfer: ${curl.stdout} ${curl.stderr}`);
  if (completes && (curl.code !== 0 || lines.some(([, , appconnect]) => appconnect <= 0))) throw new Error(`curl failed (${curl.code}): ${curl.stderr}`);
  return lines.map(([, connect, appconnect]) => (appconnect - connect) * 1000);
}

function clientTls(pki: ProbePki): tls.ConnectionOptions {
  return { ca: readFileSync(pki.serverRoot.cert), cert: readFileSync(pki.clientChain), key: readFileSync(pki.client.key), servername: 'localhost', ALPNProtocols: ['http/1.1'] };
}

/**
 * node:tls alone, one at a time: connect, full handshake, one GET /, read to the end, close — what s_time does,
 * with Node's TLS stack and nothing observed. The ceiling for any Node client on this machine.
 */
export async function bareNodeHandshakeRate(port: number, pki: ProbePki, connections: number): Promise<number> {
  const options = { ...clientTls(pki), host: '127.0.0.1', port, secureContext: tls.createSecureContext(clientTls(pki)) };
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const socket = tls.connect(options);
      socket.once('secureConnect', () => socket.write('GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'));
      socket.on('data', () => undefined);
      socket.once('close', () => resolve());
      socket.once('error', reject);
    });
  const start = performance.now();
  for (let i = 0; i < connections; i++) await once();
  return connections / ((performance.now() - start) / 1000);
}

/** undici alone (its own TLS connector), keep-alive, `concurrency` connections, one request at a time on each */
export async function bareUndiciKeepAliveRate(port: number, pki: ProbePki, requests: number, concurrency: number): Promise<number> {
  const connect = clientTls(pki);
  const clients = Array.from({ length: concurrency }, () => new Client(`https://127.0.0.1:${port}`, { connect, pipelining: 1 }));
  let next = 0;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (next < requests) {
        next++;
        const response = await client.request({ path: '/', method: 'GET' });
        if (response.statusCode !== 200) throw new Error(`undici got ${response.statusCode}`);
        await response.body.dump();
      }
    }),
  );
  const rate = requests / ((performance.now() - start) / 1000);
  await Promise.all(clients.map((client) => client.close()));
  return rate;
}
