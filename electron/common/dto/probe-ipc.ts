import type { ProbeResult } from './probe';

/** What the Test console gets back over IPC (electron/common/ipc/contract.ts, studio:probe.*). */

export interface ProbeRunResponse {
  /** the id the renderer chose for this run: progress events, cancel, report and save refer to it */
  runId: string;
  result: ProbeResult;
}

export interface ProbeCancelResponse {
  /** false when no run with this id was in flight (it had already finished) */
  cancelled: boolean;
}

export interface ProbeReportText {
  format: 'markdown' | 'json';
  /** redacted by the core: fingerprints and DNs, never keys or passwords */
  text: string;
}

export interface ProbeSaveResponse {
  saved: boolean;
  /** the absolute path written; null when the save dialog was cancelled */
  path: string | null;
}
