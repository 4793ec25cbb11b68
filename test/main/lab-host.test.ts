import { describe, expect, it } from 'vitest';
import type { RunningLab, StartLabOptions } from '../../electron/core';
import { createLabHost } from '../../electron/main/lab-host';
import { useTempDir } from '../helpers/tmp';

const dir = useTempDir('mtls-lab-host-');

describe('the app’s lab host', () => {
  it('starts the real lab once, reports its endpoints and files, and stops it (ports closed)', async () => {
    const host = createLabHost({ folder: `${dir}/lab` });
    expect(host.status()).toEqual({ running: false, endpoints: [], files: null });
    const [first, second] = await Promise.all([host.start(), host.start()]);
    expect(first.running).toBe(true);
    expect(second.endpoints.map((e) => e.port)).toEqual(first.endpoints.map((e) => e.port));
    expect(first.endpoints).toHaveLength(10);
    expect(first.files?.folder).toBe(`${dir}/lab`);
    expect(first.files?.caCert.startsWith(`${dir}/lab/`)).toBe(true);
    expect(host.running()).toBe(true);
    const port = first.endpoints[0]!.port;
    expect(await host.stop()).toEqual({ running: false, endpoints: [], files: null });
    expect(host.running()).toBe(false);
    // the port is free again: a new server can listen on it
    const { createServer } = await import('node:net');
    await new Promise<void>((done, fail) => {
      const server = createServer().once('error', fail).listen(port, '127.0.0.1', () => server.close(() => done()));
    });
  }, 60_000);

  it('a start that fails leaves nothing running, and stop does not wait forever for a stuck lab', async () => {
    const failing = createLabHost({}, async () => {
      throw new Error('no ports');
    });
    await expect(failing.start()).rejects.toThrow('no ports');
    expect(failing.running()).toBe(false);

    const stuck: RunningLab = { endpoints: [], files: { folder: dir, caCert: 'ca', client: { cert: 'c', key: 'k', chain: 'ch' }, expiredClient: { cert: 'c', key: 'k' }, unknownCaClient: { cert: 'c', key: 'k' } }, stop: () => new Promise(() => undefined) };
    const host = createLabHost({}, async (_options: StartLabOptions) => stuck);
    await host.start();
    const started = Date.now();
    await host.stop();
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(host.running()).toBe(false);
  }, 20_000);
});
