import type { LabEndpointDto, LabStartRequest, LabStatus } from '../common/dto/targets';
import { labEndpointFacts, startLab, type RunningLab, type StartLabOptions } from '../core';

/**
 * The one local lab of the app: started and stopped from the Targets & lab screen, stopped when the app quits.
 * A second start while one runs (or is starting) returns the same lab; a start with other trusted CA files restarts
 * it with them, so what the screen shows is always what the endpoints trust.
 */
export interface LabHost {
  start(request?: LabStartRequest): Promise<LabStatus>;
  stop(): Promise<LabStatus>;
  status(): LabStatus;
  running(): boolean;
}

interface Current {
  lab: RunningLab;
  /** the CA files given with the start (the lab CA is always trusted besides) */
  trust: string[];
}

const STOP_TIMEOUT_MS = 5_000;

function statusOf(current: Current | null): LabStatus {
  if (!current) return { running: false, endpoints: [], files: null, trust: [] };
  const endpoints: LabEndpointDto[] = current.lab.endpoints.map((endpoint) => ({
    id: endpoint.id,
    name: endpoint.name,
    url: endpoint.url,
    port: endpoint.port,
    hostname: endpoint.hostname ?? null,
    target: endpoint.target,
    vendor: endpoint.vendor,
    certificateRequest: endpoint.certificateRequest,
    trustedCaNames: [...endpoint.trustedCaNames],
    emulates: endpoint.emulates,
    // by id from the catalogue: the running endpoint carries the English lines only (what the CLI prints)
    ...labEndpointFacts(endpoint.id),
  }));
  const { folder, caCert, client, expiredClient, unknownCaClient, intermediateCaCert, intermediateClient } =
    current.lab.files;
  return {
    running: true,
    endpoints,
    trust: [...current.trust],
    files: {
      folder,
      caCert,
      client: { cert: client.cert, key: client.key },
      expiredClient: { cert: expiredClient.cert, key: expiredClient.key },
      unknownCaClient: { cert: unknownCaClient.cert, key: unknownCaClient.key },
      intermediateCaCert: intermediateCaCert ?? null,
      intermediateClient: intermediateClient
        ? { cert: intermediateClient.cert, chain: intermediateClient.chain, key: intermediateClient.key }
        : null,
    },
  };
}

const sameFiles = (a: string[], b: string[]) => a.length === b.length && a.every((file, i) => file === b[i]);

export function createLabHost(
  options: StartLabOptions = {},
  start: (options: StartLabOptions) => Promise<RunningLab> = startLab,
): LabHost {
  let current: Current | null = null;
  let starting: Promise<Current> | null = null;

  const stopCurrent = async () => {
    const running = current;
    current = null;
    if (!running) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((done) => {
      timer = setTimeout(done, STOP_TIMEOUT_MS);
    });
    await Promise.race([running.lab.stop(), timeout]).finally(() => clearTimeout(timer));
  };

  return {
    async start(request = {}) {
      const trust = [...(request.trust ?? options.trust ?? [])];
      if (starting) await starting.catch(() => undefined);
      if (current && !sameFiles(current.trust, trust)) await stopCurrent();
      if (!current) {
        starting ??= start({ ...options, trust })
          .then((lab) => ({ lab, trust }))
          .finally(() => {
            starting = null;
          });
        current = await starting;
      }
      return statusOf(current);
    },
    async stop() {
      if (starting) await starting.catch(() => undefined);
      await stopCurrent();
      return statusOf(null);
    },
    status: () => statusOf(current),
    running: () => current !== null || starting !== null,
  };
}
