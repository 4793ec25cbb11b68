import { useSyncExternalStore } from 'react';
import type { ProbeProgress, ProbeResult } from '../../../../electron/common/dto/probe';
import type { ErrorDto } from '../../../../electron/common/errors';
import { studio } from '../../lib/studio';
import { emptyRequest, type ConsoleRequest, type ProbeRequestArgs } from './request/request-model';

/**
 * The Test console's session state, outside React so it survives a visit to another screen: the form, the run
 * in flight (with its progress), the result on show and the history of this session's runs (newest first).
 */

export interface HistoryEntry {
  runId: string;
  at: string;
  /** the form as sent, without the password */
  request: ConsoleRequest;
  result: ProbeResult;
  /** every request's latency of a repeat run (ms), for the histogram */
  latencies: number[];
}

export interface ConsoleState {
  form: ConsoleRequest;
  running: { runId: string; total: number; progress: ProbeProgress | null; latencies: number[] } | null;
  shown: HistoryEntry | null;
  error: ErrorDto | null;
  history: HistoryEntry[];
}

/** runs kept in the session history; main keeps the same number for reports (KEPT_RESULTS) */
export const HISTORY_LIMIT = 100;
/** latencies kept for the live histogram */
const LIVE_LATENCIES = 10_000;

let state: ConsoleState = { form: emptyRequest(), running: null, shown: null, error: null, history: [] };
const listeners = new Set<() => void>();
const set = (next: Partial<ConsoleState>) => {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
};

// read through a function: TypeScript narrows `state` after set() calls it cannot see into
const currentLatencies = (): number[] => state.running?.latencies ?? [];

export const consoleStore = {
  get: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  setForm(change: Partial<ConsoleRequest>) {
    set({ form: { ...state.form, ...change } });
  },
  show(entry: HistoryEntry) {
    set({ shown: entry, error: null, form: entry.request });
  },
  async run(request: ProbeRequestArgs): Promise<void> {
    if (state.running) return;
    const runId = crypto.randomUUID();
    const total = request.repeat?.count ?? 1;
    const form = state.form;
    set({ running: { runId, total, progress: null, latencies: [] }, error: null });
    const api = studio();
    const unsubscribe = api.probe.onProgress((event) => {
      if (event.runId !== runId) return;
      const running = state.running;
      if (running?.runId === runId) {
        const latencies =
          running.latencies.length < LIVE_LATENCIES
            ? [...running.latencies, ...event.latenciesMs]
            : running.latencies;
        set({ running: { ...running, progress: event, latencies } });
      } else {
        // an event that overtook the run's answer on its way: add its latencies to the finished entry
        const patch = (entry: HistoryEntry) =>
          entry.runId === runId ? { ...entry, latencies: [...entry.latencies, ...event.latenciesMs] } : entry;
        set({ history: state.history.map(patch), shown: state.shown ? patch(state.shown) : null });
      }
    });
    try {
      const response = await api.probe.run(runId, request);
      if (response.ok) {
        const entry: HistoryEntry = {
          runId,
          at: response.value.result.startedAt,
          request: form,
          result: response.value.result,
          latencies: currentLatencies(),
        };
        set({ shown: entry, history: [entry, ...state.history].slice(0, HISTORY_LIMIT) });
      } else if (response.error.code !== 'CANCELLED') {
        set({ error: response.error });
      }
    } finally {
      set({ running: null });
      // late progress events (sent just before the answer) may still be on their way
      setTimeout(unsubscribe, 1_000);
    }
  },
  async cancel(): Promise<void> {
    if (state.running) await studio().probe.cancel(state.running.runId);
  },
};

export function useConsole(): ConsoleState {
  return useSyncExternalStore(consoleStore.subscribe, consoleStore.get);
}
