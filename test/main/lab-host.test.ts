import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labEndpointCatalogue, type RunningLab, type StartLabOptions } from '../../electron/core';
import { createLabHost } from '../../electron/main/lab-host';
import { useTempDir } from '../helpers/tmp';

const dir = useTempDir('mtls-lab-host-');

describe('the app’s lab host', () => {
  it('starts the real lab once, reports its endpoints and files, and stops it (ports closed)', async () => {
    const host = createLabHost({ folder: `${dir}/lab` });
    expect(host.status()).toEqual({ running: false, endpoints: [], files: null, trust: [] });
    const [first, second] = await Promise.all([host.start(), host.start()]);
    expect(first.running).toBe(true);
    expect(second.endpoints.map((e) => e.port)).toEqual(first.endpoints.map((e) => e.port));
    expect(first.endpoints).toHaveLength(10);
    expect(first.files?.folder).toBe(`${dir}/lab`);
    expect(first.files?.caCert.startsWith(`${dir}/lab/`)).toBe(true);
    // each line comes with the id the screen translates it by, and its text is the line the CLI prints
    for (const endpoint of first.endpoints) {
      const defined = labEndpointCatalogue().find((definition) => definition.id === endpoint.id)!;
      expect(endpoint.confirmed.map((fact) => fact.text), endpoint.id).toEqual(defined.confirmed);
      expect(endpoint.assumed.map((fact) => fact.text), endpoint.id).toEqual(defined.assumed);
      for (const fact of [...endpoint.confirmed, ...endpoint.assumed]) expect(fact.id).toMatch(/^[a-z0-9-]+$/);
    }
    expect(first.endpoints.find((e) => e.id === 'alb-verify')!.assumed[0]).toEqual({ id: 'alb-no-cert-alert', text: expect.stringContaining('certificate_required in TLS 1.3') });
    expect(host.running()).toBe(true);
    const port = first.endpoints[0]!.port;
    expect(await host.stop()).toEqual({ running: false, endpoints: [], files: null, trust: [] });
    expect(host.running()).toBe(false);
    // the port is free again: a new server can listen on it
    const { createServer } = await import('node:net');
    await new Promise<void>((done, fail) => {
      const server = createServer().once('error', fail).listen(port, '127.0.0.1', () => server.close(() => done()));
    });
  }, 60_000);

  it('passes the intermediate client and restarts with extra trusted CA files, listing them per endpoint', async () => {
    const host = createLabHost({ folder: `${dir}/lab-trust` });
    const plain = await host.start();
    const files = plain.files!;
    expect(files.intermediateCaCert).toBe(`${dir}/lab-trust/lab-intermediate-ca.crt`);
    expect(files.intermediateClient).toEqual({
      cert: `${dir}/lab-trust/intermediate-client.crt`,
      chain: `${dir}/lab-trust/intermediate-client-chain.pem`,
      key: `${dir}/lab-trust/intermediate-client.key`,
    });
    for (const path of [files.intermediateCaCert!, ...Object.values(files.intermediateClient!)]) expect(existsSync(path)).toBe(true);
    const verify = (status: typeof plain) => status.endpoints.find((e) => e.id === 'alb-verify')!;
    expect(verify(plain).trustedCaNames).toEqual([expect.stringContaining('CN=mTLS Studio Lab CA')]);
    // passthrough asks for a certificate and checks nothing: its trust store is empty
    expect(plain.endpoints.find((e) => e.id === 'alb-passthrough')!.trustedCaNames).toEqual([]);
    expect(plain.trust).toEqual([]);

    // the bundle about to be uploaded (here: the lab's own intermediate) is trusted after the restart it causes
    const trusted = await host.start({ trust: [files.intermediateCaCert!] });
    expect(trusted.trust).toEqual([files.intermediateCaCert]);
    expect(verify(trusted).trustedCaNames).toEqual([
      expect.stringContaining('CN=mTLS Studio Lab CA'),
      expect.stringContaining('CN=mTLS Studio Lab Intermediate CA'),
    ]);
    expect(host.status()).toEqual(trusted);
    // the same list again is the same lab (same ports), no restart
    expect((await host.start({ trust: [files.intermediateCaCert!] })).endpoints.map((e) => e.port)).toEqual(trusted.endpoints.map((e) => e.port));
    // a file that holds no CA certificate: the start fails and nothing runs
    await expect(host.start({ trust: [files.intermediateClient!.key] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('holds no certificate') });
    expect(host.running()).toBe(false);
    expect(host.status().running).toBe(false);
    await host.stop();
  }, 90_000);

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
