import { X509Certificate } from 'node:crypto';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { StudioError } from '../../common/errors';
import { dataHome } from '../data-home';
import { behaviourOf, CLB_INSTANCE, type EndpointBehaviour } from './behaviours';
import { LAB_ENDPOINTS, LAB_HOSTNAMES, type LabEndpointDefinition } from './catalogue';
import { prepareLabFiles, type LabMaterial } from './lab-files';
import { closeServer, listen, startTlsFront, type RunningFront } from './tls-front';
import { loadTrustedCas } from './trust-store';
import type { LabEndpoint, LabEndpointId, RunningLab, StartLabOptions } from './types';
import { verifyClientChain } from './verify-client';

/** Starts every lab endpoint on 127.0.0.1; a failure part-way closes whatever had started. */

const HOST = '127.0.0.1';
const MAX_BASE_PORT = 65_535 - LAB_ENDPOINTS.length;
/** the endpoints that check client certificates against a trust store (passthrough asks but checks nothing) */
const VERIFYING: ReadonlySet<LabEndpointId> = new Set(['alb-verify', 'apigw-custom-domain', 'cloudfront-required', 'cloudfront-optional', 'aws-clb', 'alibaba-clb']);

function checkOptions(options: StartLabOptions): void {
  if (options.host !== undefined && options.host !== HOST) {
    throw new StudioError('INVALID_ARGUMENT', `the lab listens on ${HOST} only (got '${String(options.host)}')`, { hint: 'Leave the host out.' });
  }
  const ports = options.ports;
  if (ports !== undefined && ports !== 'ephemeral' && !(Number.isInteger(ports) && ports >= 1024 && ports <= MAX_BASE_PORT)) {
    throw new StudioError('INVALID_ARGUMENT', `invalid base port ${String(ports)}: it must be a whole number in 1024..${MAX_BASE_PORT}`, {
      hint: `The lab uses ${LAB_ENDPOINTS.length} consecutive ports from the base port.`,
    });
  }
}

/** What every verifying endpoint trusts: the lab CA, then the --trust CAs. */
interface LabTrust {
  anchors: Uint8Array[];
  pem: string;
  names: string[];
}

function startFront(material: LabMaterial, trust: LabTrust, behaviour: EndpointBehaviour, definition: LabEndpointDefinition, port: number, now: () => Date): Promise<RunningFront> {
  let boundPort = port;
  const front = startTlsFront({
    host: HOST,
    port,
    certificatePem: material.serverCertPem,
    keyPem: material.serverKeyPem,
    advertisedCasPem: definition.advertisesCa ? trust.pem : null,
    policy: behaviour.policy,
    verify: (chain) => verifyClientChain(chain, trust.anchors, now(), behaviour.rules),
    onSecure: (verdict) => behaviour.onSecure(verdict),
    onRequest: (req, res, verdict) => behaviour.respond(req, res, verdict, { definition, port: boundPort }),
  });
  return front.then((running) => {
    boundPort = running.port;
    return running;
  });
}

/** The Classic LB: a TCP listener that pipes bytes to the instance, which does TLS and mTLS itself. */
async function startTcpPassthrough(port: number, backendPort: number): Promise<RunningFront> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const backend = connect({ host: HOST, port: backendPort });
    for (const socket of [client, backend]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    // an RST from the instance reaches the client as an RST; anything else closes both sides
    backend.on('error', () => client.resetAndDestroy());
    client.on('error', () => backend.destroy());
    client.pipe(backend);
    backend.pipe(client);
  });
  const bound = await listen(server, HOST, port);
  return { port: bound, close: () => closeServer(server, sockets) };
}

export async function startLab(options: StartLabOptions = {}): Promise<RunningLab> {
  checkOptions(options);
  const now = options.now ?? (() => new Date());
  const folder = options.folder ?? join(dataHome(), 'lab');
  const extra = await loadTrustedCas(options.trust ?? []);
  const material = await prepareLabFiles(folder, now(), LAB_HOSTNAMES);
  const ca = new X509Certificate(Buffer.from(material.caDer));
  const labCa = { der: material.caDer, pem: ca.toString(), name: ca.subject.split('\n').reverse().join(',') };
  const trusted = [labCa, ...extra.filter((item) => Buffer.compare(item.der, labCa.der) !== 0)];
  const trust: LabTrust = { anchors: trusted.map((item) => item.der), pem: trusted.map((item) => item.pem).join(''), names: trusted.map((item) => item.name) };
  const running: RunningFront[] = [];
  const endpoints: LabEndpoint[] = [];
  try {
    for (const [index, definition] of LAB_ENDPOINTS.entries()) {
      const port = options.ports === undefined || options.ports === 'ephemeral' ? 0 : options.ports + index;
      let front: RunningFront;
      if (definition.id === 'aws-clb') {
        const instance = await startFront(material, trust, CLB_INSTANCE, definition, 0, now);
        running.push(instance);
        front = await startTcpPassthrough(port, instance.port);
      } else {
        front = await startFront(material, trust, behaviourOf(definition.id), definition, port, now);
      }
      running.push(front);
      const { advertisesCa, ...described } = definition;
      endpoints.push({
        ...described,
        url: `https://${HOST}:${front.port}/`,
        port: front.port,
        advertisedCaNames: advertisesCa ? trust.names : [],
        trustedCaNames: VERIFYING.has(definition.id) ? trust.names : [],
      });
    }
  } catch (error) {
    await Promise.all(running.map((front) => front.close()));
    throw error;
  }
  let stopped: Promise<void> | null = null;
  return {
    endpoints,
    files: material.files,
    stop: () => (stopped ??= Promise.all(running.map((front) => front.close())).then(() => undefined)),
  };
}
