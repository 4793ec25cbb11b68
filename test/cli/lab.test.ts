import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';

/** `mtls-studio lab` as a user runs it: start, probe with curl, Ctrl-C, clean exit. */

const dir = useTempDir('mtls-cli-lab-');

interface Started {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startCli(args: string[]): Started {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const child = spawn(process.execPath, [CLI, 'lab', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: dir, MTLS_STUDIO_HOME: join(dir, 'home') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitFor(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function exitWithin(started: Started, ms: number) {
  return Promise.race([started.exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit within ${ms} ms`)), ms))]);
}

const curl = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('curl', ['-sS', '--max-time', '10', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });

describe('mtls-studio lab', () => {
  it('--json prints one line of endpoints and files, serves curl, and exits 0 on SIGINT with every port closed', async () => {
    const folder = join(dir, 'json-lab');
    const lab = startCli(['--json', '--folder', folder]);
    try {
      await waitFor(() => lab.stdout().includes('\n'), 'the JSON line');
      const lines = lab.stdout().trim().split('\n');
      expect(lines).toHaveLength(1);
      const { endpoints, files } = JSON.parse(lines[0]!) as {
        endpoints: { id: string; url: string; port: number; hostname: string; confirmed: string[]; assumed: string[] }[];
        files: { folder: string; caCert: string; client: { cert: string; key: string } };
      };
      expect(endpoints).toHaveLength(10);
      expect(files.folder).toBe(folder);
      for (const endpoint of endpoints) expect(endpoint.url).toBe(`https://127.0.0.1:${endpoint.port}/`);
      const alb = endpoints.find((endpoint) => endpoint.id === 'alb-verify')!;
      const answer = await curl([
        '--resolve', `${alb.hostname}:${alb.port}:127.0.0.1`, '--cacert', files.caCert, '--cert', files.client.cert, '--key', files.client.key,
        `https://${alb.hostname}:${alb.port}/hello`,
      ]);
      expect(answer.code).toBe(0);
      const echo = JSON.parse(answer.stdout) as { headers: Record<string, string> };
      expect(echo.headers['X-Amzn-Mtls-Clientcert-Subject']).toBe('CN=lab-client,OU=Partner Integration,O=Example Partner Ltd,C=US');
      expect(decodeURIComponent(echo.headers['X-Amzn-Mtls-Clientcert-Leaf']!)).toBe(readFileSync(files.client.cert, 'utf8'));
      lab.child.kill('SIGINT');
      expect(await exitWithin(lab, 5_000)).toEqual({ code: 0, signal: null });
      expect(lab.stderr()).toBe('');
      for (const endpoint of endpoints) expect(await refused(endpoint.port), endpoint.id).toBe(true);
    } finally {
      lab.child.kill('SIGKILL');
    }
  });

  it('prints the table, what is confirmed and assumed, and probe commands; SIGTERM stops it', async () => {
    const lab = startCli(['--folder', join(dir, 'text-lab')]);
    try {
      await waitFor(() => lab.stdout().includes('Try:') && /openssl s_client/.test(lab.stdout()), 'the lab table');
      const text = lab.stdout();
      expect(text).toMatch(/^ID\s+NAME\s+URL\s+CLIENT CERTIFICATE$/m);
      expect(text).toMatch(/^ {2}client of the intermediate {10}\S+intermediate-client\.crt {2}\S+intermediate-client\.key$/m);
      expect(text).toMatch(/^alb-verify\s+ALB mTLS verify\s+https:\/\/127\.0\.0\.1:\d+\/\s+requested, required, empty CA list$/m);
      expect(text).toMatch(/^alibaba-clb\s+.*CA list: CN=mTLS Studio Lab CA,O=mTLS Studio Lab$/m);
      expect(text).toMatch(/^ {2}confirmed {2}no certificate: the connection is reset/m);
      expect(text).toMatch(/^ {2}assumed {4}no certificate also gets HTTP 403/m);
      expect(text).toMatch(/mtls-studio probe https:\/\/lab-alb-1234567890\.us-east-1\.elb\.amazonaws\.com:\d+\/ --resolve lab-alb-1234567890\.us-east-1\.elb\.amazonaws\.com:\d+:127\.0\.0\.1 --cert /);
      lab.child.kill('SIGTERM');
      expect(await exitWithin(lab, 5_000)).toEqual({ code: 0, signal: null });
      expect(lab.stderr()).toContain('lab stopped (SIGTERM)');
    } finally {
      lab.child.kill('SIGKILL');
    }
  });

  it('rejects bad usage with exit 2', () => {
    const port = runCli(['lab', '--port', 'abc', '--json'], { env: { MTLS_STUDIO_HOME: join(dir, 'home') } });
    expect(port.status).toBe(2);
    expect(port.json().error.code).toBe('USAGE');
    const low = runCli(['lab', '--port', '80', '--json'], { env: { MTLS_STUDIO_HOME: join(dir, 'home') } });
    expect(low.status).toBe(2);
    expect(low.json().error.code).toBe('INVALID_ARGUMENT');
    expect(runCli(['lab', 'extra'], { env: { MTLS_STUDIO_HOME: join(dir, 'home') } }).status).toBe(2);
    const missing = runCli(['lab', '--trust', join(dir, 'no-such-bundle.pem'), '--json'], { env: { MTLS_STUDIO_HOME: join(dir, 'home') } });
    expect(missing.status).toBe(2);
    expect(missing.json().error.code).toBe('FILE_NOT_FOUND');
  });
});
