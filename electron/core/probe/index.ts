/** The public face of probe: the service, and the pieces the CLI's text output reuses. */
export { createProbeService, type ProbeService, type ProbeServiceOptions, type ProbeVault } from './probe-service';
export type { ProbeRunOptions } from './run/run-probe';
export { DEFAULT_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES } from './plan/validate-request';
