import type { DiagnosisCode, ProbeProgress, ProbeRepeatOptions, ProbeRepeatSummary } from '../../../common/dto/probe';
import { ProbeClient } from '../attempt/probe-client';
import { attemptFromExchange, type AttemptPlan, type AttemptRecord } from '../attempt/run-attempt';
import type { Resolution } from '../connection/resolve';
import type { DiagnosisContext } from '../diagnose/context';
import { diagnoseAttempt } from '../diagnose/diagnose';

/**
 * --repeat N --concurrency C: N requests, C at a time, spread over the resolved addresses in turn. Each one is
 * diagnosed like a single probe; the summary counts successes, latencies and failures by code and address.
 */

export interface RepeatSample {
  address: string;
  latencyMs: number;
  ok: boolean;
  code: DiagnosisCode;
}

export interface RepeatHooks {
  signal?: AbortSignal;
  onProgress?: (progress: ProbeProgress) => void;
}

function percentile(sorted: number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank]! * 1000) / 1000;
}

export function summarize(samples: RepeatSample[], options: ProbeRepeatOptions, durationMs: number): ProbeRepeatSummary {
  const succeeded = samples.filter((sample) => sample.ok).length;
  const latencies = samples.filter((sample) => sample.ok).map((sample) => sample.latencyMs).sort((a, b) => a - b);
  const errorsByCode: Record<string, number> = {};
  const byAddress: ProbeRepeatSummary['byAddress'] = {};
  for (const sample of samples) {
    const entry = (byAddress[sample.address] ??= { requests: 0, failed: 0, errorsByCode: {} });
    entry.requests++;
    if (sample.ok) continue;
    entry.failed++;
    entry.errorsByCode[sample.code] = (entry.errorsByCode[sample.code] ?? 0) + 1;
    errorsByCode[sample.code] = (errorsByCode[sample.code] ?? 0) + 1;
  }
  const mean = latencies.length ? latencies.reduce((sum, value) => sum + value, 0) / latencies.length : 0;
  return {
    requests: samples.length,
    concurrency: options.concurrency,
    connection: options.connection ?? 'new',
    succeeded,
    failed: samples.length - succeeded,
    successRate: samples.length ? succeeded / samples.length : 0,
    durationMs: Math.round(durationMs * 1000) / 1000,
    requestsPerSecond: durationMs > 0 ? Math.round((samples.length / durationMs) * 1000 * 100) / 100 : 0,
    latencyMs: latencies.length
      ? { min: percentile(latencies, 0), p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: percentile(latencies, 100), mean: Math.round(mean * 1000) / 1000 }
      : null,
    errorsByCode,
    byAddress,
  };
}

export function sampleOf(attempt: AttemptRecord, ctx: DiagnosisContext, address: string): RepeatSample {
  const diagnosis = diagnoseAttempt(attempt, ctx);
  const ok = diagnosis.outcome === 'success' && !diagnosis.findings.some((finding) => finding.severity === 'error');
  return { address, latencyMs: attempt.timings.totalMs ?? 0, ok, code: diagnosis.primaryCode };
}

/**
 * Runs `count` more requests; `offset` is how many the caller already made, so the turn over the addresses
 * continues where it left off. Every sample goes to `report`, in completion order.
 */
export async function runRepeat(
  plan: AttemptPlan,
  resolution: Resolution,
  options: ProbeRepeatOptions,
  ctx: DiagnosisContext,
  count: number,
  offset: number,
  hooks: RepeatHooks,
  report: (sample: RepeatSample) => void,
): Promise<void> {
  const addresses = resolution.addresses;
  if (addresses.length === 0 || count <= 0) return;
  let next = 0;
  const keepAlive = options.connection === 'keep-alive';

  const worker = async (slot: number): Promise<void> => {
    let requestStart = performance.now();
    const clock = () => performance.now() - requestStart;
    // one undici Client per slot; with 'new' every request closes its connection (reset) and the next opens one
    const client = new ProbeClient(plan.http, plan.tls, [addresses[(slot + offset) % addresses.length]!], plan.port, clock, keepAlive);
    try {
      while (next < count && !hooks.signal?.aborted) {
        const index = next++;
        if (!keepAlive) client.addresses = [addresses[(index + offset) % addresses.length]!];
        requestStart = performance.now();
        const outcome = await client.exchange(!keepAlive);
        if (hooks.signal?.aborted) break; // a request cut short by the cancel button is no measurement
        const attempt = attemptFromExchange({ ...resolution, dnsMs: 0 }, outcome, clock, plan.http.timeoutMs, outcome.tcpAttempts.length > 0);
        report(sampleOf(attempt, ctx, attempt.trace?.address ?? client.addresses[0]!));
      }
    } finally {
      await client.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, count) }, (_, slot) => worker(slot)));
}
