import type { LabEndpointDto, LabStatus } from '../common/dto/targets';
import { startLab, type RunningLab, type StartLabOptions } from '../core';

/**
 * The one local lab of the app: started and stopped from the Targets & lab screen, stopped when the app quits.
 * A second start while one runs (or is starting) returns the same lab.
 */
export interface LabHost {
  start(): Promise<LabStatus>;
  stop(): Promise<LabStatus>;
  status(): LabStatus;
  running(): boolean;
}

const STOP_TIMEOUT_MS = 5_000;

function statusOf(lab: RunningLab | null): LabStatus {
  if (!lab) return { running: false, endpoints: [], files: null };
  const endpoints: LabEndpointDto[] = lab.endpoints.map((endpoint) => ({
    id: endpoint.id,
    name: endpoint.name,
    url: endpoint.url,
    port: endpoint.port,
    hostname: endpoint.hostname ?? null,
    target: endpoint.target,
    vendor: endpoint.vendor,
    certificateRequest: endpoint.certificateRequest,
    emulates: endpoint.emulates,
    confirmed: endpoint.confirmed,
    assumed: endpoint.assumed,
  }));
  const { folder, caCert, client, expiredClient, unknownCaClient } = lab.files;
  return {
    running: true,
    endpoints,
    files: { folder, caCert, client: { cert: client.cert, key: client.key }, expiredClient: { cert: expiredClient.cert, key: expiredClient.key }, unknownCaClient: { cert: unknownCaClient.cert, key: unknownCaClient.key } },
  };
}

export function createLabHost(options: StartLabOptions = {}, start: (options: StartLabOptions) => Promise<RunningLab> = startLab): LabHost {
  let lab: RunningLab | null = null;
  let starting: Promise<RunningLab> | null = null;
  return {
    async start() {
      if (!lab) {
        starting ??= start(options).finally(() => {
          starting = null;
        });
        lab = await starting;
      }
      return statusOf(lab);
    },
    async stop() {
      if (starting) await starting.catch(() => undefined);
      const running = lab;
      lab = null;
      if (running) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((done) => {
          timer = setTimeout(done, STOP_TIMEOUT_MS);
        });
        await Promise.race([running.stop(), timeout]).finally(() => clearTimeout(timer));
      }
      return statusOf(null);
    },
    status: () => statusOf(lab),
    running: () => lab !== null || starting !== null,
  };
}
