import type { ProbeTimings } from '../../../common/dto/probe';
import type { ConnectionTrace, TlsSettings } from '../connection/connect-tls';
import type { Resolution } from '../connection/resolve';
import { failureFacts, timeoutFacts, type FailureFacts } from '../connection/socket-error';
import { analyzeWire, type WireAnalysis } from '../tls/wire-analysis';
import type { ResponseFacts } from './http-exchange';
import { ProbeClient, type ExchangeOutcome, type HttpPlan } from './probe-client';

/**
 * One request, start to end: the connection it used, the response or the failure, and what the tapped bytes
 * show. This is the raw material of the diagnosis; nothing in it is secret (the keylog secrets stay in the trace).
 */

export interface AttemptRecord {
  resolution: Resolution;
  /** the connection used, or the last one tried */
  trace: ConnectionTrace | null;
  /** addresses whose TCP connect failed before one answered */
  tcpFailures: { address: string; failure: FailureFacts }[];
  response: ResponseFacts | null;
  failure: FailureFacts | null;
  wire: WireAnalysis | null;
  timings: ProbeTimings;
}

const analyzed = new WeakMap<ConnectionTrace, WireAnalysis>();

const round = (ms: number | null): number | null => (ms === null ? null : Math.round(ms * 1000) / 1000);

function isTimeout(error: unknown): boolean {
  const err = error as { name?: string; code?: string } | null;
  return err?.name === 'TimeoutError' || err?.code === 'UND_ERR_HEADERS_TIMEOUT' || err?.code === 'UND_ERR_BODY_TIMEOUT' || err?.code === 'TIMEOUT';
}

export function attemptFromExchange(resolution: Resolution, outcome: ExchangeOutcome, clock: () => number, timeoutMs: number, fresh: boolean): AttemptRecord {
  const { trace, response } = outcome;
  let failure: FailureFacts | null = null;
  if (!response) {
    const phase = !trace || trace.tcpEndMs === null ? 'tcp' : trace.tlsEndMs === null ? 'tls' : 'http';
    const traced = trace?.failure ?? null;
    // an abort on timeout makes the socket report its own (meaningless) error: the timeout is the fact
    const tracedIsCause = traced !== null && (traced.receivedAlert !== null || traced.code.startsWith('ERR_SSL') || traced.code === 'SERVER_NOT_VERIFIED');
    if (isTimeout(outcome.error) && !tracedIsCause) failure = traced?.code === 'TIMEOUT' ? traced : timeoutFacts(phase, timeoutMs, clock());
    else failure = traced ?? failureFacts(phase, outcome.error, clock());
  }
  const tcpFailures = outcome.tcpAttempts
    .filter((attempt) => attempt.tcpEndMs === null && attempt.failure && attempt !== trace)
    .map((attempt) => ({ address: attempt.address, failure: attempt.failure! }));
  // a kept-alive connection's handshake was analysed when it was opened
  const cached = trace && !fresh ? analyzed.get(trace) : undefined;
  const wire = cached ?? (trace?.tap ? analyzeWire(trace.tap.inbound, trace.tap.outbound, trace.secrets) : null);
  if (trace && wire) analyzed.set(trace, wire);
  const opened = fresh && trace !== null;
  return {
    resolution,
    trace,
    tcpFailures,
    response,
    failure,
    wire,
    timings: {
      dnsMs: round(resolution.dnsMs),
      tcpMs: opened && trace.tcpEndMs !== null ? round(trace.tcpEndMs - trace.tcpStartMs!) : opened ? null : 0,
      tlsMs: opened && trace.tlsEndMs !== null && trace.tcpEndMs !== null ? round(trace.tlsEndMs - trace.tcpEndMs) : opened ? null : 0,
      ttfbMs: round(response?.headersAtMs ?? null),
      totalMs: round(response?.endAtMs ?? clock()),
    },
  };
}

export interface AttemptPlan {
  http: HttpPlan;
  tls: TlsSettings;
  port: number;
}

/** A single request on a new connection to `addresses` (tried in order). */
export async function runAttempt(plan: AttemptPlan, resolution: Resolution, addresses: string[], clock: () => number): Promise<AttemptRecord> {
  if (resolution.failure) {
    return {
      resolution,
      trace: null,
      tcpFailures: [],
      response: null,
      failure: resolution.failure,
      wire: null,
      timings: { dnsMs: round(resolution.dnsMs), tcpMs: null, tlsMs: null, ttfbMs: null, totalMs: round(clock()) },
    };
  }
  const client = new ProbeClient(plan.http, plan.tls, addresses, plan.port, clock, false);
  try {
    const outcome = await client.exchange(true);
    return attemptFromExchange(resolution, outcome, clock, plan.http.timeoutMs, true);
  } finally {
    await client.close();
  }
}
