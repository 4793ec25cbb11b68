/**
 * The probe beside the reference clients, against one local nginx (one worker) requiring a client certificate:
 * every tool uses the same server, the same client certificate and key (EC P-256, leaf + intermediate) and
 * negotiates the same TLS 1.3 suite and group (TLS_AES_256_GCM_SHA384, X25519). Rows:
 * - full handshakes per second, a new connection and one GET / each, one at a time — `openssl s_time -new` cannot do
 *   more than one at a time, so that is the compared row; the probe at 8 at a time is printed for information;
 * - keep-alive requests per second over 8 connections, one request at a time on each, vs `ab -k -c 8` (ab speaks
 *   HTTP/1.0 with keep-alive, the probe HTTP/1.1: the same small GET / either way);
 * - the TLS time the probe reports vs curl's time_appconnect − time_connect (see curlHandshakes).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbeRequest } from '../../electron/common/dto/probe';
import { createProbeService } from '../../electron/core/probe';
import { makeProbePki, type ProbePki } from '../helpers/probe-pki';
import { startNginx } from '../helpers/tls-servers';
import type { BenchRow } from './types';

const HANDSHAKE_SECONDS = 3;
const ROUNDS = 3;
/** the probe's --repeat limit */
const MAX_REPEAT = 10_000;
const KEEP_ALIVE_REQUESTS = 10_000;
const CONCURRENCY = 8;
const TLS_SAMPLES = 41;

/**
 * curl's time_appconnect − time_connect (ms) for `transfers` requests in ONE curl process, each on a new connection
 * (`Connection: close`). The interval runs from TCP connected to TLS done, client certificate flight included —
 * what the probe's tlsMs measures. But curl builds its OpenSSL context per connection after connecting: on its first
 * connection that interval also holds OpenSSL's start-up and the loading of the CA file, certificate and key (about
 * 4–5 ms here), which the probe does once, before connecting. From the second connection on, curl's process is warm
 * (CA store cached by curl, OpenSSL initialised) like the probe's: those are the like-with-like samples.
 */
function curlHandshakes(url: string, pki: ProbePki, transfers: number): number[] {
  const urls = Array.from({ length: transfers }, () => url);
  const sinks = urls.flatMap(() => ['-o', '/dev/null']);
  const curl = spawnSync('curl', ['-s', ...sinks, '-w', '%{num_connects} %{time_connect} %{time_appconnect}\\n', '-H', 'Connection: close', '--http1.1', '--cacert', pki.serverRoot.cert, '--cert', pki.clientChain, '--key', pki.client.key, ...urls], { encoding: 'utf8' });
  if (curl.status !== 0) throw new Error(`curl failed (${curl.status}): ${curl.stderr}`);
  const lines = curl.stdout.trim().split('\n').map((line) => line.split(' ').map(Number) as [number, number, number]);
  if (lines.length !== transfers || lines.some(([connects]) => connects !== 1)) throw new Error(`curl did not open a new connection per transfer: ${curl.stdout}`);
  return lines.map(([, connect, appconnect]) => (appconnect - connect) * 1000);
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
    // the suite s_time, ab and curl negotiate with OpenSSL 3's defaults: the same work on both sides
    if (warm.tls.protocol !== 'TLSv1.3' || warm.tls.cipher !== 'TLS_AES_256_GCM_SHA384') throw new Error(`the probe negotiated ${warm.tls.protocol} ${warm.tls.cipher}`);

    // 1. full handshakes, one new connection (and one GET /) each, one at a time as s_time does; the tools take turns
    // (ROUNDS times) so that load from elsewhere on the machine falls on both alike
    const sTimeRates: number[] = [];
    const handshakeRates: number[] = [];
    let connections = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const sTime = await run('openssl', ['s_time', '-connect', `127.0.0.1:${server.port}`, '-new', '-time', String(HANDSHAKE_SECONDS), '-www', '/', '-cert', pki.clientChain, '-key', pki.client.key, '-CAfile', pki.serverRoot.cert], dir);
      connections = Number(/(\d+) connections in \d+ real seconds/.exec(sTime.stdout)?.[1] ?? NaN);
      sTimeRates.push(connections / (sTime.ms / 1000));
      const ours = await probe.run({ ...request, repeat: { count: Math.min(connections, MAX_REPEAT), concurrency: 1, connection: 'new' } });
      if (ours.repeat!.failed > 0) throw new Error(`handshake bench: ${ours.repeat!.failed} probe requests failed`);
      handshakeRates.push(ours.repeat!.requestsPerSecond);
    }
    const referenceRate = median(sTimeRates);
    const handshakeRate = median(handshakeRates);
    rows.push({ name: `probe: full mTLS handshakes/s, new connection per request, one at a time (vs openssl s_time -new -www /), median of ${ROUNDS} turns`, ours: handshakeRate, reference: referenceRate, unit: 'handshakes/s', ratio: handshakeRate / referenceRate, goal: '≥ 0.8×' });
    const parallel = await probe.run({ ...request, repeat: { count: Math.min(connections, MAX_REPEAT), concurrency: CONCURRENCY, connection: 'new' } });
    rows.push({ name: `probe: full mTLS handshakes/s, ${CONCURRENCY} at a time (s_time cannot; same reference)`, ours: parallel.repeat!.requestsPerSecond, reference: referenceRate, unit: 'handshakes/s', ratio: parallel.repeat!.requestsPerSecond / referenceRate, goal: 'information' });

    // 2. keep-alive requests, CONCURRENCY connections each, taking turns likewise
    const certAndKey = join(dir, 'ab-client.pem');
    writeFileSync(certAndKey, readFileSync(pki.clientChain, 'utf8') + readFileSync(pki.client.key, 'utf8'));
    const abRates: number[] = [];
    const keptRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const ab = await run('ab', ['-q', '-k', '-n', String(KEEP_ALIVE_REQUESTS), '-c', String(CONCURRENCY), '-E', certAndKey, `https://127.0.0.1:${server.port}/`], dir);
      abRates.push(Number(/Requests per second:\s+([\d.]+)/.exec(ab.stdout)?.[1] ?? NaN));
      const failedAb = Number(/Failed requests:\s+(\d+)/.exec(ab.stdout)?.[1] ?? NaN);
      if (failedAb !== 0) throw new Error(`ab reported ${failedAb} failed requests`);
      const kept = await probe.run({ ...request, repeat: { count: KEEP_ALIVE_REQUESTS, concurrency: CONCURRENCY, connection: 'keep-alive' } });
      if (kept.repeat!.failed > 0) throw new Error(`keep-alive bench: ${kept.repeat!.failed} probe requests failed`);
      keptRates.push(kept.repeat!.requestsPerSecond);
    }
    const abRate = median(abRates);
    const keptRate = median(keptRates);
    rows.push({ name: `probe: keep-alive requests/s, ${CONCURRENCY} connections (vs ab -k -c ${CONCURRENCY}), median of ${ROUNDS} turns`, ours: keptRate, reference: abRate, unit: 'requests/s', ratio: keptRate / abRate, goal: '≥ 1×' });

    // 3. the TLS time each tool reports, medians of single requests. Both tools are treated alike: in every turn each
    // makes three requests on new connections, and the first is set apart — curl's first carries its OpenSSL start-up
    // (see curlHandshakes), and the first single probe after curl's process ran is slowed by it (caches, scheduler)
    const oursFirst: number[] = [];
    const oursNext: number[] = [];
    const curlFirst: number[] = [];
    const curlNext: number[] = [];
    for (let i = 0; i < TLS_SAMPLES; i++) {
      for (let n = 0; n < 3; n++) (n === 0 ? oursFirst : oursNext).push((await probe.run(request)).timings.tlsMs!);
      const [cold, ...warm] = curlHandshakes(request.url, pki, 3);
      curlFirst.push(cold!);
      curlNext.push(...warm);
    }
    const ours = median(oursNext);
    const curl = median(curlNext);
    rows.push({ name: 'probe: reported TLS time vs curl time_appconnect − time_connect, 2nd and 3rd new connection of each turn, median', ours, reference: curl, unit: 'ms', ratio: curl / ours, goal: 'agree within 25% (0.8×–1.25×)' });
    const first = median(oursFirst);
    const curlCold = median(curlFirst);
    rows.push({ name: 'probe: the same for the 1st of each turn (curl’s includes OpenSSL start-up and loading CA/cert/key), median', ours: first, reference: curlCold, unit: 'ms', ratio: curlCold / first, goal: 'information' });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
