import { StudioError } from '../../../common/errors';
import type { DiagnosisFinding, ProbeAddressResult, ProbeProgress, ProbeRequest, ProbeResult } from '../../../common/dto/probe';
import { runAttempt, type AttemptPlan } from '../attempt/run-attempt';
import { resolveAddresses, type Resolution } from '../connection/resolve';
import type { DiagnosisContext } from '../diagnose/context';
import { diagnoseAttempt, type Diagnosis } from '../diagnose/diagnose';
import { preflightChecks } from '../identity/identity-facts';
import type { VaultIdentityProvider } from '../identity/load-identity';
import { prepareProbe, type PreparedProbe } from '../plan/prepare';
import { reproduceCommands } from '../report/reproduce';
import { redactHeader } from '../report/redact';
import { httpDto, identityDto, tlsDto } from '../report/result-parts';
import { detectTarget } from '../target-detect';
import type { AttemptRecord } from '../attempt/run-attempt';
import { addressesDisagree } from './addresses';
import { runRepeat, sampleOf, summarize, type RepeatSample } from './repeat';

/** A whole probe run: prepare, resolve, request (per address, repeated), diagnose, and the result DTO. */

export interface ProbeDependencies {
  vault: VaultIdentityProvider | null;
  /** subjects (pki nameKeys) of the CA certificates the vault holds; null without a vault */
  vaultCaSubjects: (() => Set<string>) | null;
  now: () => Date;
}

export interface ProbeRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ProbeProgress) => void;
  /** environment variable names the passwords came from (CLI), referenced in the reproduce commands */
  passwordEnv?: { key?: string; p12?: string };
}

const cancelled = () => new StudioError('CANCELLED', 'the probe was cancelled', { hint: 'Run it again when you are ready.' });

async function resolveWithin(prepared: PreparedProbe, clock: () => number): Promise<Resolution> {
  const timeoutMs = prepared.http.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Resolution>((resolve) => {
    timer = setTimeout(() => resolve({ addresses: [], source: 'dns', dnsMs: clock(), failure: { phase: 'dns', code: 'TIMEOUT', reason: `no DNS answer within ${timeoutMs} ms`, receivedAlert: null, atMs: clock() } }), timeoutMs);
  });
  try {
    return await Promise.race([resolveAddresses(prepared.host, prepared.port, prepared.request.resolve ?? [], clock), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function vaultLookup(deps: ProbeDependencies): ((subjectKey: string) => boolean | null) | null {
  if (!deps.vaultCaSubjects) return null;
  let subjects: Set<string> | null = null;
  return (subjectKey) => {
    subjects ??= deps.vaultCaSubjects!();
    return subjects.size === 0 ? null : subjects.has(subjectKey);
  };
}

function contextFor(prepared: PreparedProbe, deps: ProbeDependencies): DiagnosisContext {
  return {
    identity: prepared.identity,
    facts: prepared.facts,
    insecure: prepared.request.insecure === true,
    trust: prepared.trust.label,
    caFiles: prepared.trust.files,
    host: prepared.host,
    port: prepared.port,
    servername: prepared.servername,
    tlsMin: prepared.tlsMin,
    tlsMax: prepared.tlsMax,
    timeoutMs: prepared.http.timeoutMs,
    vaultHasCa: vaultLookup(deps),
    requestedTarget: prepared.request.target ?? 'auto',
  };
}

function addressResult(attempt: AttemptRecord, diagnosis: Diagnosis, address: string): ProbeAddressResult {
  return {
    address,
    outcome: diagnosis.outcome,
    primaryCode: diagnosis.primaryCode,
    status: attempt.response?.status ?? null,
    alert: diagnosis.observation.alert,
    timings: attempt.timings,
    diagnosis: diagnosis.findings,
  };
}

export async function runProbe(request: ProbeRequest, deps: ProbeDependencies, options: ProbeRunOptions = {}): Promise<ProbeResult> {
  const startedAt = deps.now();
  const prepared = await prepareProbe(request, deps.vault, startedAt);
  const ctx = contextFor(prepared, deps);
  const plan: AttemptPlan = { http: { ...prepared.http, ...(options.signal ? { cancel: options.signal } : {}) }, tls: prepared.tlsSettings(request.repeat?.reuseSessions ? new Map() : null), port: prepared.port };

  const start = performance.now();
  const clock = () => performance.now() - start;
  const resolution = await resolveWithin(prepared, clock);
  const attempt = await runAttempt(plan, resolution, resolution.addresses, clock);
  if (options.signal?.aborted) throw cancelled();
  const diagnosis = diagnoseAttempt(attempt, ctx);
  const findings: DiagnosisFinding[] = [...diagnosis.findings];

  let addresses: ProbeAddressResult[] | null = null;
  if (request.allAddresses && resolution.addresses.length > 0) {
    addresses = [];
    for (const address of resolution.addresses) {
      if (options.signal?.aborted) break;
      const own = performance.now();
      const single = address === attempt.trace?.address ? attempt : await runAttempt(plan, { ...resolution, dnsMs: 0 }, [address], () => performance.now() - own);
      addresses.push(addressResult(single, single === attempt ? diagnosis : diagnoseAttempt(single, ctx), address));
    }
    const disagree = addressesDisagree(addresses);
    if (disagree) findings.unshift(disagree);
  }

  let repeat = null;
  if (request.repeat) {
    const samples: RepeatSample[] = [];
    const total = request.repeat.count;
    let succeeded = 0;
    const report = (sample: RepeatSample) => {
      samples.push(sample);
      if (sample.ok) succeeded++;
      options.onProgress?.({ done: samples.length, total, succeeded, failed: samples.length - succeeded, lastLatencyMs: sample.latencyMs, lastCode: sample.code });
    };
    const repeatStart = performance.now();
    report(sampleOf(attempt, ctx, attempt.trace?.address ?? resolution.addresses[0] ?? prepared.host));
    await runRepeat(plan, resolution, request.repeat, ctx, total - 1, 1, options, report);
    repeat = summarize(samples, request.repeat, performance.now() - repeatStart + (attempt.timings.totalMs ?? 0));
  }

  const obs = diagnosis.observation;
  const target = detectTarget(request.target ?? 'auto', prepared.host, attempt.response?.headers ?? null);
  const address = attempt.trace?.address ?? null;
  const cas = obs.requested ? obs.cas : null;
  return {
    url: request.url,
    target: target.target,
    targetDetected: target.detected,
    targetEvidence: target.evidence,
    outcome: diagnosis.outcome,
    address,
    port: prepared.port,
    servername: prepared.servername,
    resolvedAddresses: resolution.addresses,
    timings: attempt.timings,
    tls: tlsDto(attempt, obs, prepared.trust.label, request.insecure === true),
    http: httpDto(attempt),
    diagnosis: findings,
    reproduce: reproduceCommands({ request, url: prepared.url, address, servername: prepared.servername, sendsChain: (prepared.identity?.chain.length ?? 0) > 0, ...(options.passwordEnv ? { passwordEnv: options.passwordEnv } : {}) }),
    request: {
      method: prepared.http.method,
      headers: prepared.http.headers.map(([name, value]) => [name, redactHeader(name, value)]),
      bodyBytes: prepared.http.body?.length ?? 0,
    },
    identity: identityDto(prepared.identity),
    preflight: prepared.identity && prepared.facts ? preflightChecks(prepared.identity, prepared.facts, cas, obs.requested) : [],
    addresses,
    repeat,
    startedAt: startedAt.toISOString(),
  };
}
