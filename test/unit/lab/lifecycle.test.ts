import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_ENDPOINT_IDS, startLab, type RunningLab } from '../../../electron/core/lab';
import { LAB_HOSTNAMES } from '../../../electron/core/lab/catalogue';
import { verifyClientChain } from '../../../electron/core/lab/verify-client';
import { useTempDir } from '../../helpers/tmp';
import { request } from './lab-client';

/** The lab's files, its ports, and starting and stopping cleanly. */

const root = useTempDir('mtls-lab-lifecycle-');

const verify = (files: RunningLab['files'], cert: string): string => {
  try {
    return execFileSync('openssl', ['verify', '-CAfile', files.caCert, '-purpose', 'sslclient', cert], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return String((error as { stdout?: string; stderr?: string }).stdout) + String((error as { stderr?: string }).stderr);
  }
};

const refused = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });

describe('lab files', () => {
  it('writes the CA, a server certificate for every lab host name, and three client identities with 0600 keys', async () => {
    const lab = await startLab({ folder: join(root, 'files') });
    try {
      const { files } = lab;
      expect(lab.endpoints.map((endpoint) => endpoint.id)).toEqual(LAB_ENDPOINT_IDS);
      for (const key of [files.client.key, files.expiredClient.key, files.unknownCaClient.key, join(files.folder, 'server.key')]) {
        expect(statSync(key).mode & 0o777, key).toBe(0o600);
      }
      const server = new X509Certificate(readFileSync(join(files.folder, 'server.crt')));
      for (const host of ['localhost', ...LAB_HOSTNAMES]) expect(server.checkHost(host), host).toBe(host);
      expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
      for (const endpoint of lab.endpoints) expect(endpoint.hostname && LAB_HOSTNAMES.includes(endpoint.hostname)).toBe(true);
      expect(verify(files, files.client.cert)).toMatch(/: OK/);
      expect(verify(files, files.expiredClient.cert)).toMatch(/certificate has expired/);
      expect(verify(files, files.unknownCaClient.cert)).toMatch(/unable to get local issuer certificate/);
      expect(readFileSync(files.client.chain, 'utf8')).toBe(readFileSync(files.client.cert, 'utf8') + readFileSync(files.caCert, 'utf8'));
      expect(readFileSync(files.caCert, 'utf8')).not.toMatch(/PRIVATE KEY/);
    } finally {
      await lab.stop();
    }
  });

  it('keeps good files between runs and remakes the whole set when one is missing', async () => {
    const folder = join(root, 'reuse');
    const first = await startLab({ folder });
    await first.stop();
    const ca = readFileSync(first.files.caCert, 'utf8');
    const second = await startLab({ folder });
    await second.stop();
    expect(readFileSync(second.files.caCert, 'utf8')).toBe(ca);
    rmSync(second.files.expiredClient.key);
    const third = await startLab({ folder });
    try {
      expect(readFileSync(third.files.caCert, 'utf8')).not.toBe(ca);
      expect(verify(third.files, third.files.client.cert)).toMatch(/: OK/);
      expect(await request(third.endpoints[0]!, third.files, 'valid')).toMatchObject({ kind: 'response', status: 200 });
    } finally {
      await third.stop();
    }
  });
});

describe('ports, options and stopping', () => {
  it('uses BASE … BASE+9 for a base port, refuses a base port in use, and stops every listener', async () => {
    let lab: RunningLab | null = null;
    for (let attempt = 0; attempt < 10 && !lab; attempt++) {
      const base = 20_000 + Math.floor(Math.random() * 40_000);
      lab = await startLab({ folder: join(root, 'ports'), ports: base }).catch(() => null);
      if (lab) expect(lab.endpoints.map((endpoint) => endpoint.port)).toEqual(lab.endpoints.map((_, index) => base + index));
    }
    if (!lab) throw new Error('no free range of 10 ports found in 10 tries');
    const base = lab.endpoints[0]!.port;
    await expect(startLab({ folder: join(root, 'ports'), ports: base })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('in use') });
    expect(await request(lab.endpoints[2]!, lab.files, 'none')).toMatchObject({ kind: 'response', status: 200 });
    await lab.stop();
    await lab.stop();
    for (const endpoint of lab.endpoints) expect(await refused(endpoint.port), endpoint.id).toBe(true);
  });

  it('stops while connections are open', async () => {
    const lab = await startLab({ folder: join(root, 'open') });
    const sockets = lab.endpoints.map((endpoint) => connect({ host: '127.0.0.1', port: endpoint.port }));
    await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
    const started = Date.now();
    await lab.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    for (const socket of sockets) socket.destroy();
  });

  it('refuses another host and impossible base ports', async () => {
    await expect(startLab({ folder: join(root, 'bad'), host: '0.0.0.0' as '127.0.0.1' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(startLab({ folder: join(root, 'bad'), ports: 65_530 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(startLab({ folder: join(root, 'bad'), ports: 80 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('client verification', () => {
  it('trusts the lab client, refuses the expired and unknown ones, and judges validity at the given time', async () => {
    const lab = await startLab({ folder: join(root, 'verify') });
    await lab.stop();
    const der = (path: string) => new Uint8Array(new X509Certificate(readFileSync(path)).raw);
    const ca = der(lab.files.caCert);
    const now = new Date();
    expect(verifyClientChain([], [ca], now).status).toBe('none');
    expect(verifyClientChain([der(lab.files.client.cert)], [ca], now).status).toBe('trusted');
    expect(verifyClientChain([der(lab.files.expiredClient.cert)], [ca], now).status).toBe('expired');
    expect(verifyClientChain([der(lab.files.unknownCaClient.cert)], [ca], now).status).toBe('untrusted');
    // a chain that includes a CA we do not trust does not help
    expect(verifyClientChain([der(lab.files.unknownCaClient.cert), der(join(lab.files.folder, 'unknown-ca.crt'))], [ca], now).status).toBe('untrusted');
    expect(verifyClientChain([der(lab.files.client.cert)], [ca], new Date(now.getTime() + 500 * 86_400_000)).status).toBe('expired');
    // a server certificate is not a client certificate
    expect(verifyClientChain([der(join(lab.files.folder, 'server.crt'))], [ca], now).status).toBe('wrong-purpose');
  });
});
