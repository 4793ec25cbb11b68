import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, type ConnectionOptions } from 'node:tls';
import { afterAll, beforeAll } from 'vitest';
import { startLab, type LabEndpoint, type LabFiles, type RunningLab } from '../../../electron/core/lab';
import { sClientOutput } from '../../helpers/s-client';

/** A raw HTTPS/1.1 client that reports how a lab endpoint answered: a response, an alert, a reset or a silent close. */

export type ClientKind = 'valid' | 'none' | 'expired' | 'unknown' | 'chain' | 'intermediate' | 'intermediate-chain' | { cert: string; key: string };

export type Outcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'alert'; code: string }
  | { kind: 'reset'; afterHandshake: boolean }
  | { kind: 'closed'; afterHandshake: boolean };

/** One lab for the whole test file: started in `folder` before its tests, stopped after them. Call it for the running lab. */
export function useLab(folder: string): () => RunningLab {
  let lab: RunningLab | undefined;
  beforeAll(async () => {
    lab = await startLab({ folder });
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
  });
  return () => lab!;
}

export function identity(files: LabFiles, kind: ClientKind): { cert?: string; key?: string } {
  if (typeof kind === 'object') return { cert: readFileSync(kind.cert, 'utf8'), key: readFileSync(kind.key, 'utf8') };
  if (kind === 'intermediate' || kind === 'intermediate-chain') {
    const client = files.intermediateClient!;
    return { cert: readFileSync(kind === 'intermediate' ? client.cert : client.chain, 'utf8'), key: readFileSync(client.key, 'utf8') };
  }
  const pair = kind === 'valid' ? files.client : kind === 'chain' ? { cert: files.client.chain, key: files.client.key } : kind === 'expired' ? files.expiredClient : kind === 'unknown' ? files.unknownCaClient : null;
  return pair ? { cert: readFileSync(pair.cert, 'utf8'), key: readFileSync(pair.key, 'utf8') } : {};
}

function parseResponse(raw: string): Outcome {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head[0]!)![1]);
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { kind: 'response', status, headers, body: raw.slice(split + 4) };
}

export function request(
  endpoint: LabEndpoint,
  files: LabFiles,
  kind: ClientKind,
  options: { version?: 'TLSv1.2' | 'TLSv1.3'; headers?: string[]; servername?: string } = {},
): Promise<Outcome> {
  const tlsOptions: ConnectionOptions = {
    host: '127.0.0.1',
    port: endpoint.port,
    servername: options.servername ?? endpoint.hostname ?? 'localhost',
    ca: readFileSync(files.caCert, 'utf8'),
    ...identity(files, kind),
    minVersion: options.version ?? 'TLSv1.2',
    maxVersion: options.version ?? 'TLSv1.3',
  };
  return new Promise((resolve, reject) => {
    let handshaken = false;
    let data = '';
    const socket = connect(tlsOptions, () => {
      handshaken = true;
      const host = tlsOptions.servername!;
      socket.write([`GET /echo?x=1 HTTP/1.1`, `Host: ${host}`, 'Connection: close', ...(options.headers ?? []), '', ''].join('\r\n'));
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer from ${endpoint.id} within 10 s`));
    }, 10_000);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (/ALERT/.test(error.code ?? '')) resolve({ kind: 'alert', code: error.code! });
      else if (error.code === 'ECONNRESET') resolve({ kind: 'reset', afterHandshake: handshaken });
      else reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(data.length > 0 ? parseResponse(data) : { kind: 'closed', afterHandshake: handshaken });
    });
  });
}

/** What `openssl s_client` saw of the certificate request: not requested, or requested with these CA names. */
export async function sClientRequest(port: number, version: '1.2' | '1.3'): Promise<{ requested: boolean; caNames: string[] }> {
  const output = await sClientOutput('127.0.0.1', port, version);
  // s_client prints the signature algorithms of a CertificateRequest (and, in TLS 1.2, its certificate types)
  const requested = /Requested Signature Algorithms|Client Certificate Types/.test(output);
  const names = /Acceptable client certificate CA names\n([\s\S]*?)\n(?=Requested Signature Algorithms|Client Certificate Types)/.exec(output);
  return { requested, caNames: names ? names[1]!.split('\n').filter(Boolean) : [] };
}

/** curl's view: exit code, stderr and HTTP status. */
export function curl(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', ['-sS', '--max-time', '10', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? -1, stderr, stdout }));
  });
}
