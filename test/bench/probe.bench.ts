/**
 * The probe beside the reference clients, against one local nginx (one worker) requiring a client certificate:
 * every tool uses the same server, the same client certificate and key (EC P-256, leaf + intermediate) and
 * negotiates the same TLS 1.3 suite and group (TLS_AES_256_GCM_SHA384, X25519). The tools take turns (ROUNDS
 * times, medians) so that load from elsewhere on the machine falls on all alike. Rows:
 * - full handshakes per second, a new connection and one GET / each, vs `openssl s_time -new` (one connection at a
 *   time: it has no concurrency option): the probe as a user measures handshake throughput (--concurrency 8), the
 *   probe one at a time, 8 s_time processes beside the probe at 8, and bare node:tls (the ceiling of Node's stack);
 * - keep-alive requests per second over 8 connections, one request at a time on each, vs `ab -k -c 8` (ab speaks
 *   HTTP/1.0 with keep-alive, the probe HTTP/1.1: the same small GET / either way), and bare undici beside it;
 * - the TLS time the probe reports vs curl's time_appconnect − time_connect, and what each is made of (tlsTimeRows).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbeRequest } from '../../electron/common/dto/probe';
import { createProbeService } from '../../electron/core/probe';
import { makeProbePki, type ProbePki } from '../helpers/probe-pki';
import { startNginx } from '../helpers/tls-servers';
import { abRate, bareNodeHandshakeRate, bareUndiciKeepAliveRate, curlHandshakes, median, startFirstByteServer, sTimeRate } from './probe-references';
import type { BenchRow } from './types';

const HANDSHAKE_SECONDS = 3;
const ROUNDS = 3;
/** the probe's --repeat limit */
const MAX_REPEAT = 10_000;
const KEEP_ALIVE_REQUESTS = 10_000;
const CONCURRENCY = 8;
const TLS_SAMPLES = 41;

type Probe = ReturnType<typeof createProbeService>;

async function probeRate(probe: Probe, request: ProbeRequest, count: number, concurrency: number, connection: 'new' | 'keep-alive'): Promise<number> {
  const result = await probe.run({ ...request, repeat: { count: Math.min(count, MAX_REPEAT), concurrency, connection } });
  if (result.repeat!.failed > 0) throw new Error(`${result.repeat!.failed} probe requests failed (${connection}, ${concurrency} at a time)`);
  return result.repeat!.requestsPerSecond;
}

/** like-with-like handshake throughput; every tool makes about as many connections as one s_time run */
async function handshakeRows(probe: Probe, request: ProbeRequest, pki: ProbePki, port: number, dir: string): Promise<BenchRow[]> {
  const rates = { sTime: [] as number[], sTimeParallel: [] as number[], probeOne: [] as number[], probeParallel: [] as number[], bareNode: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const single = await sTimeRate(port, pki, HANDSHAKE_SECONDS, 1, dir);
    rates.sTime.push(single.rate);
    rates.probeOne.push(await probeRate(probe, request, single.connections, 1, 'new'));
    rates.bareNode.push(await bareNodeHandshakeRate(port, pki, single.connections));
    rates.sTimeParallel.push((await sTimeRate(port, pki, HANDSHAKE_SECONDS, CONCURRENCY, dir)).rate);
    rates.probeParallel.push(await probeRate(probe, request, 2 * single.connections, CONCURRENCY, 'new'));
  }
  const [sTime, sTimeParallel, probeOne, probeParallel, bareNode] = [rates.sTime, rates.sTimeParallel, rates.probeOne, rates.probeParallel, rates.bareNode].map(median) as [number, number, number, number, number];
  const unit = 'handshakes/s';
  return [
    { name: `probe: full mTLS handshakes/s, new connection + GET / each, --concurrency ${CONCURRENCY} (vs openssl s_time -new -www /, which makes one at a time), median of ${ROUNDS} turns`, ours: probeParallel, reference: sTime, unit, ratio: probeParallel / sTime, goal: '≥ 0.8×' },
    { name: 'probe: the same, one at a time like s_time (the cost of one handshake)', ours: probeOne, reference: sTime, unit, ratio: probeOne / sTime, goal: 'information' },
    { name: 'bare node:tls client, one at a time, nothing observed (the ceiling of Node’s TLS stack)', ours: bareNode, reference: sTime, unit, ratio: bareNode / sTime, goal: 'information' },
    { name: `probe at ${CONCURRENCY} at a time vs ${CONCURRENCY} s_time processes at once`, ours: probeParallel, reference: sTimeParallel, unit, ratio: probeParallel / sTimeParallel, goal: 'information' },
  ];
}

async function keepAliveRows(probe: Probe, request: ProbeRequest, pki: ProbePki, port: number, dir: string): Promise<BenchRow[]> {
  const certAndKey = join(dir, 'ab-client.pem');
  writeFileSync(certAndKey, readFileSync(pki.clientChain, 'utf8') + readFileSync(pki.client.key, 'utf8'));
  const ab: number[] = [];
  const ours: number[] = [];
  const undici: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ab.push(await abRate(port, certAndKey, KEEP_ALIVE_REQUESTS, CONCURRENCY, dir));
    ours.push(await probeRate(probe, request, KEEP_ALIVE_REQUESTS, CONCURRENCY, 'keep-alive'));
    undici.push(await bareUndiciKeepAliveRate(port, pki, KEEP_ALIVE_REQUESTS, CONCURRENCY));
  }
  const unit = 'requests/s';
  return [
    { name: `probe: keep-alive requests/s, ${CONCURRENCY} connections (vs ab -k -c ${CONCURRENCY}), median of ${ROUNDS} turns`, ours: median(ours), reference: median(ab), unit, ratio: median(ours) / median(ab), goal: '≥ 1×' },
    { name: 'bare undici Client, same load, nothing observed (the ceiling of the HTTP client the probe uses)', ours: median(undici), reference: median(ab), unit, ratio: median(undici) / median(ab), goal: 'information' },
  ];
}

/**
 * The TLS time each tool reports, medians of single requests, all full handshakes. Each turn every tool makes three
 * requests on new connections and the first is set apart: curl's first carries OpenSSL's start-up and the loading
 * of its CA file, and the first probe after curl's process ran is slowed by it (caches, scheduler).
 * Both intervals run from TCP connected to TLS done, and both begin with the client's own set-up before its
 * ClientHello leaves: curl 7.88 builds an OpenSSL context and loads the certificate and key there for every
 * connection, the probe creates its TLS socket. A server that notes when the first byte arrives measures that
 * set-up for both alike (three more requests each per turn), so the rows can say how much of each reported time
 * is set-up and how much the handshake itself, ClientHello → done.
 */
async function tlsTimeRows(probe: Probe, request: ProbeRequest, pki: ProbePki): Promise<BenchRow[]> {
  const firstByte = await startFirstByteServer();
  const unreachable: ProbeRequest = { ...request, url: `https://localhost:${firstByte.port}/`, timeoutMs: 2000 };
  const samples = { oursFirst: [] as number[], ours: [] as number[], oursSetUp: [] as number[], curlFirst: [] as number[], curl: [] as number[], curlSetUp: [] as number[] };
  try {
    for (let i = 0; i < TLS_SAMPLES; i++) {
      for (let n = 0; n < 3; n++) {
        const result = await probe.run(request);
        if (result.tls.sessionReused) throw new Error('the probe resumed a TLS session: not a full handshake');
        (n === 0 ? samples.oursFirst : samples.ours).push(result.timings.tlsMs!);
      }
      for (let n = 0; n < 3; n++) await probe.run(unreachable);
      samples.oursSetUp.push(...(await firstByte.take(3)).slice(1));
      const [cold, ...warm] = await curlHandshakes(request.url, pki, 3);
      samples.curlFirst.push(cold!);
      samples.curl.push(...warm);
      await curlHandshakes(unreachable.url, pki, 3, false);
      samples.curlSetUp.push(...(await firstByte.take(3)).slice(1));
    }
  } finally {
    firstByte.close();
  }
  const [ours, oursSetUp, curl, curlSetUp] = [samples.ours, samples.oursSetUp, samples.curl, samples.curlSetUp].map(median) as [number, number, number, number];
  return [
    { name: 'probe: reported TLS time vs curl time_appconnect − time_connect (both: TCP connected → TLS done), 2nd and 3rd full handshake of each turn, medians', ours, reference: curl, unit: 'ms', ratio: curl / ours, goal: 'agree within 25% (0.8×–1.25×)' },
    { name: '… of which set-up before the ClientHello leaves (curl builds an OpenSSL context and loads cert + key per connection), by a first-byte server', ours: oursSetUp, reference: curlSetUp, unit: 'ms', ratio: curlSetUp / oursSetUp, goal: 'information' },
    { name: '… and the handshake itself, ClientHello → done (the reported time less that set-up)', ours: ours - oursSetUp, reference: curl - curlSetUp, unit: 'ms', ratio: (curl - curlSetUp) / (ours - oursSetUp), goal: 'information' },
    { name: 'the reported times for the 1st of each turn (curl’s also includes OpenSSL start-up and loading the CA file, cert and key)', ours: median(samples.oursFirst), reference: median(samples.curlFirst), unit: 'ms', ratio: median(samples.curlFirst) / median(samples.oursFirst), goal: 'information' },
  ];
}

export async function benchProbe(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mtls-bench-probe-'));
  const pki = makeProbePki(dir);
  const server = await startNginx(dir, { cert: pki.server.cert, key: pki.server.key, clientCa: pki.clientRoot.cert, verify: 'on', extra: 'keepalive_requests 1000000;' });
  const probe = createProbeService({ now: () => new Date(), vault: null });
  const request: ProbeRequest = { url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], identity: { kind: 'files', certPath: pki.clientChain, keyPath: pki.client.key } };
  try {
    const single = await probe.run(request);
    if (single.outcome !== 'success') throw new Error(`the bench server rejects the probe: ${single.diagnosis[0]?.code}`);
    // the suite s_time, ab and curl negotiate with OpenSSL 3's defaults: the same work on both sides
    if (single.tls.protocol !== 'TLSv1.3' || single.tls.cipher !== 'TLS_AES_256_GCM_SHA384') throw new Error(`the probe negotiated ${single.tls.protocol} ${single.tls.cipher}`);
    // JavaScript runs optimised only after it has run a while: warm up every Node side before the first turn
    await probeRate(probe, request, 500, 1, 'new');
    await probeRate(probe, request, KEEP_ALIVE_REQUESTS, CONCURRENCY, 'keep-alive');
    await bareNodeHandshakeRate(server.port, pki, 500);
    await bareUndiciKeepAliveRate(server.port, pki, KEEP_ALIVE_REQUESTS, CONCURRENCY);
    return [...(await handshakeRows(probe, request, pki, server.port, dir)), ...(await keepAliveRows(probe, request, pki, server.port, dir)), ...(await tlsTimeRows(probe, request, pki))];
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
