import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../electron/common/dto/probe';
import { createProbeService } from '../../../electron/core/probe';
import { makeProbePki, type ProbePki } from '../../helpers/probe-pki';
import { useTempDir } from '../../helpers/tmp';

/**
 * A server that resets the TCP connection the moment its TLS 1.3 handshake is done, before the request arrives
 * (how an edge that rejects a client certificate may answer). Over our tapped socket Node can emit that reset
 * after 'close', when undici's HTTP/1 client has already dropped its parser: the probe must report the reset,
 * never crash. The server runs in its own process so that the reset arrives with real timing, as from a remote peer.
 */

const SERVER = `
const { readFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { createSecureContext, TLSSocket } = require('node:tls');
const [cert, key] = process.argv.slice(1);
const secureContext = createSecureContext({ cert: readFileSync(cert), key: readFileSync(key) });
const server = createServer((raw) => {
  raw.on('error', () => undefined);
  const socket = new TLSSocket(raw, { isServer: true, secureContext, requestCert: true, rejectUnauthorized: false });
  socket.on('error', () => undefined);
  socket.once('secure', () => raw.resetAndDestroy());
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

const dir = useTempDir('mtls-probe-reset-');
let pki: ProbePki;
const servers: ChildProcessWithoutNullStreams[] = [];

function startServer(): Promise<number> {
  const child = spawn(process.execPath, ['-e', SERVER, pki.server.cert, pki.server.key]);
  servers.push(child);
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString('utf8').trim())));
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

beforeAll(() => {
  pki = makeProbePki(dir);
}, 60_000);
afterAll(() => {
  for (const child of servers) child.kill('SIGKILL');
});

const codes = (result: ProbeResult) => result.diagnosis.map((finding) => finding.code);

describe('a reset right after the TLS 1.3 handshake', () => {
  it('with our certificate sent: reported as its rejection (candidates listed), run after run, without an uncaught error', async () => {
    const port = await startServer();
    const probe = createProbeService({ now: () => new Date(), vault: null });
    for (let run = 0; run < 8; run++) {
      const result = await probe.run({
        url: `https://127.0.0.1:${port}/`,
        caFiles: [pki.serverRoot.cert],
        identity: { kind: 'files', certPath: pki.client.cert, keyPath: pki.client.key },
        tlsMin: '1.3',
        timeoutMs: 5_000,
      });
      expect(result.tls.protocol, `run ${run}`).toBe('TLSv1.3');
      expect(result.tls.clientCertificatesSent).toHaveLength(1);
      expect(result.outcome).toBe('tls-error');
      expect(codes(result)[0]).toBe('CLIENT_CERT_REJECTED');
      expect(codes(result)).not.toContain('CONNECTION_RESET');
      const rejected = result.diagnosis[0]!;
      expect(rejected.detail).toMatch(/closed the connection \d+ ms after the handshake, with no TLS alert and no HTTP response/);
      // the leaf was sent without its intermediate: that is one of the candidates
      expect(rejected.detail).toContain('the server lacks the intermediate');
      expect(rejected.params.alert).toBe('none');
    }
  }, 60_000);

  it('without a certificate: a reset after a certificate request, as before', async () => {
    const port = await startServer();
    const result = await createProbeService({ now: () => new Date(), vault: null }).run({ url: `https://127.0.0.1:${port}/`, caFiles: [pki.serverRoot.cert], tlsMin: '1.3', timeoutMs: 5_000 });
    expect(codes(result)).toEqual(['CONNECTION_RESET', 'CLIENT_CERT_MISSING']);
    expect(result.outcome).toBe('network-error');
  }, 30_000);
});
