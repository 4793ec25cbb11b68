/**
 * The probe beside the reference clients, against one local nginx requiring a client certificate (EC P-256,
 * TLS 1.3, default suites): full handshakes per second with a new connection per request vs `openssl s_time -new`,
 * keep-alive requests per second vs `ab -k`, and the probe's TLS time vs curl's time_appconnect − time_connect.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbeRequest } from '../../electron/common/dto/probe';
import { createProbeService } from '../../electron/core/probe';
import { makeProbePki } from '../helpers/probe-pki';
import { startNginx } from '../helpers/tls-servers';
import type { BenchRow } from './types';

const HANDSHAKE_SECONDS = 5;
const KEEP_ALIVE_REQUESTS = 10_000;
const CONCURRENCY = 8;
const TLS_SAMPLES = 41;

/**
 * curl's own trace of the handshake: from its ClientHello to "SSL connection using" — without the OpenSSL
 * context set-up (CA file, certificate and key loading) that curl does after connecting and counts in
 * time_appconnect; the probe builds its context once, before connecting.
 */
function traceHandshakeMs(trace: string): number {
  const at = (pattern: RegExp) => {
    const match = new RegExp(`^(\\d\\d):(\\d\\d):(\\d\\d\\.\\d+) == Info: ${pattern.source}`, 'm').exec(trace);
    if (!match) throw new Error(`curl trace without ${pattern.source}`);
    return (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])) * 1000;
  };
  return at(/SSL connection using/) - at(/TLSv1\.3 \(OUT\), TLS handshake, Client hello/);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs a command to completion (asynchronously: the probe's own server checks stay responsive) and returns stdout. */
function run(command: string, args: string[], cwd: string): Promise<{ stdout: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve({ stdout, ms: performance.now() - start }) : reject(new Error(`${command} exited ${code}: ${stderr.slice(-400)}`))));
  });
}

export async function benchProbe(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mtls-bench-probe-'));
  const pki = makeProbePki(dir);
  const server = await startNginx(dir, { cert: pki.server.cert, key: pki.server.key, clientCa: pki.clientRoot.cert, verify: 'on', extra: 'keepalive_requests 1000000;' });
  const probe = createProbeService({ now: () => new Date(), vault: null });
  const request: ProbeRequest = { url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], identity: { kind: 'files', certPath: pki.clientChain, keyPath: pki.client.key } };
  const rows: BenchRow[] = [];
  try {
    const warm = await probe.run({ ...request, repeat: { count: 50, concurrency: 1 } });
    if (warm.repeat!.failed > 0) throw new Error(`the bench server rejects the probe: ${warm.diagnosis[0]?.code}`);

    // 1. full handshakes, one new connection (and one GET /) each, one at a time
    const sTime = await run('openssl', ['s_time', '-connect', `127.0.0.1:${server.port}`, '-new', '-time', String(HANDSHAKE_SECONDS), '-www', '/', '-cert', pki.clientChain, '-key', pki.client.key, '-CAfile', pki.serverRoot.cert], dir);
    const connections = Number(/(\d+) connections in \d+ real seconds/.exec(sTime.stdout)?.[1] ?? NaN);
    const referenceRate = connections / (sTime.ms / 1000);
    const ours = await probe.run({ ...request, repeat: { count: connections, concurrency: 1, connection: 'new' } });
    if (ours.repeat!.failed > 0) throw new Error(`handshake bench: ${ours.repeat!.failed} probe requests failed`);
    rows.push({ name: 'probe: full mTLS handshakes/s, new connection per request, one at a time (vs openssl s_time -new -www /)', ours: ours.repeat!.requestsPerSecond, reference: referenceRate, unit: 'handshakes/s', ratio: ours.repeat!.requestsPerSecond / referenceRate, goal: '≥ 0.8×' });
    const parallel = await probe.run({ ...request, repeat: { count: connections, concurrency: CONCURRENCY, connection: 'new' } });
    rows.push({ name: `probe: full mTLS handshakes/s, ${CONCURRENCY} at a time (s_time cannot; same reference)`, ours: parallel.repeat!.requestsPerSecond, reference: referenceRate, unit: 'handshakes/s', ratio: parallel.repeat!.requestsPerSecond / referenceRate, goal: 'information' });

    // 2. keep-alive requests, CONCURRENCY connections
    const certAndKey = join(dir, 'ab-client.pem');
    writeFileSync(certAndKey, readFileSync(pki.clientChain, 'utf8') + readFileSync(pki.client.key, 'utf8'));
    const ab = await run('ab', ['-q', '-k', '-n', String(KEEP_ALIVE_REQUESTS), '-c', String(CONCURRENCY), '-E', certAndKey, `https://127.0.0.1:${server.port}/`], dir);
    const abRate = Number(/Requests per second:\s+([\d.]+)/.exec(ab.stdout)?.[1] ?? NaN);
    const failedAb = Number(/Failed requests:\s+(\d+)/.exec(ab.stdout)?.[1] ?? NaN);
    if (failedAb !== 0) throw new Error(`ab reported ${failedAb} failed requests`);
    const kept = await probe.run({ ...request, repeat: { count: KEEP_ALIVE_REQUESTS, concurrency: CONCURRENCY, connection: 'keep-alive' } });
    if (kept.repeat!.failed > 0) throw new Error(`keep-alive bench: ${kept.repeat!.failed} probe requests failed`);
    rows.push({ name: `probe: keep-alive requests/s, ${CONCURRENCY} connections (vs ab -k -c ${CONCURRENCY})`, ours: kept.repeat!.requestsPerSecond, reference: abRate, unit: 'requests/s', ratio: kept.repeat!.requestsPerSecond / abRate, goal: '≥ 1×' });

    // 3. the TLS handshake time each tool reports, medians of single requests
    const oursTls: number[] = [];
    const curlTls: number[] = [];
    const curlTraceTls: number[] = [];
    for (let i = 0; i < TLS_SAMPLES; i++) {
      const single = await probe.run(request);
      oursTls.push(single.timings.tlsMs!);
      const curl = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', '%{time_connect} %{time_appconnect}', '--http1.1', '--cacert', pki.serverRoot.cert, '--cert', pki.clientChain, '--key', pki.client.key, request.url], { encoding: 'utf8' });
      if (curl.status !== 0) throw new Error(`curl failed (${curl.status}): ${curl.stderr}`);
      const [connect, appconnect] = curl.stdout.trim().split(' ').map(Number) as [number, number];
      curlTls.push((appconnect - connect) * 1000);
      const trace = spawnSync('curl', ['-s', '-o', '/dev/null', '--trace-time', '--trace-ascii', '-', '--http1.1', '--cacert', pki.serverRoot.cert, '--cert', pki.clientChain, '--key', pki.client.key, request.url], { encoding: 'utf8' });
      curlTraceTls.push(traceHandshakeMs(trace.stdout));
    }
    const oursMedian = median(oursTls);
    const curlMedian = median(curlTls);
    rows.push({ name: 'probe: reported TLS handshake time (vs curl time_appconnect − time_connect), median', ours: oursMedian, reference: curlMedian, unit: 'ms', ratio: curlMedian / oursMedian, goal: 'agree within 25% (0.8×–1.25×)' });
    const traceMedian = median(curlTraceTls);
    rows.push({ name: 'probe: reported TLS handshake time (vs curl --trace-time, ClientHello → "SSL connection using"), median', ours: oursMedian, reference: traceMedian, unit: 'ms', ratio: traceMedian / oursMedian, goal: 'agree within 25% (0.8×–1.25×)' });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
