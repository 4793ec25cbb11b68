import type { ProbeProgress, ProbeResult } from '../../common/dto/probe';
import { StudioError } from '../../common/errors';
import type { EventName, EventPayload } from '../../common/ipc/contract';
import type { Services } from '../../core';
import type { IpcHandlers } from './gateway';
import type { Dialogs } from './handlers';

type ProbeChannel = Extract<keyof IpcHandlers, `studio:probe.${string}`>;

/** Sends a main → renderer event (the window validates the payload against the contract). */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => boolean;

/** Finished runs kept for report/save: the session history the renderer shows is at most this long. */
export const KEPT_RESULTS = 100;
/** Progress events at most this often (plus the last one), so a 10 000-request run does not flood the renderer. */
const PROGRESS_INTERVAL_MS = 100;
/** the contract's bound on latencies per event: a burst beyond it is sent at once */
const MAX_LATENCIES_PER_EVENT = 1_000;

const unknownRun = (runId: string) =>
  new StudioError('NOT_FOUND', `no finished probe run '${runId}' is kept any more`, {
    hint: `Only the last ${KEPT_RESULTS} runs of this session can be reported; run the request again.`,
  });

const reportName = (result: ProbeResult, format: 'markdown' | 'json') => {
  let host = 'probe';
  try {
    host = new URL(result.url).hostname.replace(/[^A-Za-z0-9.-]/g, '_') || host;
  } catch {
    // keep the generic name
  }
  return `mtls-probe-${host}-${result.startedAt.slice(0, 19).replace(/[:T]/g, '-')}.${format === 'json' ? 'json' : 'md'}`;
};

/**
 * The Test console over IPC. The core reads identities (vault or files) in main; only the result DTO — no key
 * bytes, no password — goes back. Results stay here by run id so the report is made from main's copy, not from
 * whatever the renderer sends back.
 */
export function createProbeHandlers(
  services: Services,
  dialogs: Dialogs,
  emit: EventSink | null,
): Pick<IpcHandlers, ProbeChannel> {
  const inFlight = new Map<string, AbortController>();
  const results = new Map<string, ProbeResult>();

  const keep = (runId: string, result: ProbeResult) => {
    results.set(runId, result);
    while (results.size > KEPT_RESULTS) results.delete(results.keys().next().value!);
  };
  const resultOf = (runId: string) => {
    const result = results.get(runId);
    if (!result) throw unknownRun(runId);
    return result;
  };

  const progressSender = (runId: string) => {
    let last = 0;
    let latest: ProbeProgress | null = null;
    let latencies: number[] = [];
    const send = (progress: ProbeProgress) => {
      emit?.('studio:probe.progress', { runId, ...progress, latenciesMs: latencies });
      latencies = [];
    };
    return {
      onProgress(progress: ProbeProgress) {
        latest = progress;
        if (progress.lastLatencyMs !== null) latencies.push(progress.lastLatencyMs);
        const now = Date.now();
        if (
          progress.done < progress.total &&
          now - last < PROGRESS_INTERVAL_MS &&
          latencies.length < MAX_LATENCIES_PER_EVENT
        )
          return;
        last = now;
        send(progress);
      },
      /** a cancelled repeat ends before `done` reaches `total`: its last latencies still go out, before the answer */
      flush() {
        if (latest && latencies.length > 0) send(latest);
      },
    };
  };

  return {
    'studio:probe.run': async (runId, request) => {
      if (inFlight.has(runId) || results.has(runId)) {
        throw new StudioError('INVALID_ARGUMENT', `the probe run id '${runId}' is already in use`, {
          hint: 'Start each run with a new id.',
        });
      }
      const controller = new AbortController();
      inFlight.set(runId, controller);
      const progress = progressSender(runId);
      try {
        const result = await services.probe.run(request, {
          signal: controller.signal,
          onProgress: (update) => progress.onProgress(update),
        });
        progress.flush();
        keep(runId, result);
        return { runId, result };
      } finally {
        inFlight.delete(runId);
      }
    },
    'studio:probe.cancel': async (runId) => {
      const controller = inFlight.get(runId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'studio:probe.report': async (runId, format) => ({
      format,
      text: services.probe.report(resultOf(runId), format),
    }),
    'studio:probe.saveReport': async (runId, format) => {
      const result = resultOf(runId);
      const path = await dialogs.chooseReportPath(reportName(result, format), format);
      if (path === null) return { saved: false, path: null };
      return { saved: true, path: services.probe.writeReport(result, path, format) };
    },
  };
}
