/**
 * The real-browser proof for "install": Debian Chromium, started with a temporary HOME (so NSS reads
 * $HOME/.pki/nssdb) and the managed policy AutoSelectCertificateForUrls for the test origin, loads a page from a
 * local server that REQUIRES a client certificate and echoes its SHA-256 fingerprint. Installed → 200 with our
 * fingerprint; after uninstall → the same load fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/core';
import { useKeyring } from '../helpers/keyring';
import { makeTestPki, openssl, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { importFiles } from '../helpers/vault';

const POLICY_FOLDER = '/etc/chromium/policies/managed';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

useKeyring();
const dir = useTempDir('mtls-studio-chromium-install-');
const userHome = join(dir, 'home');
const policyFile = join(POLICY_FOLDER, `mtls-studio-install-test-${randomBytes(6).toString('hex')}.json`);
let pki: TestPki;
let services: Services;
let server: Server;
let origin: string;
let leafSha256: string;
/** the server's handshake failures (error codes), to tell "refused: no certificate" from "never reached" */
const clientErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(userHome, { recursive: true });
  pki = makeTestPki(dir, ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], 'Browser Client');
  const chain = join(dir, 'chain.pem');
  writeFileSync(chain, readFileSync(pki.intermediateCert, 'utf8') + readFileSync(pki.rootCert, 'utf8'));
  services = createServices({ home: join(dir, 'data'), install: { machine: { home: userHome, platform: 'linux' } } });
  await importFiles(services, [pki.leafCert, pki.leafKey, chain], { name: 'Browser Client' });
  leafSha256 = opensslFingerprint(pki.leafCert);

  // the server's own certificate (self-signed for 127.0.0.1; the browser is told to ignore server errors)
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'server.key'), '-out', join(dir, 'server.crt'),
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '2']);
  server = createServer(
    {
      key: readFileSync(join(dir, 'server.key')),
      cert: readFileSync(join(dir, 'server.crt')),
      ca: [readFileSync(pki.rootCert)],
      requestCert: true,
      // REQUIRES a client certificate from our root: no certificate, no response
      rejectUnauthorized: true,
    },
    (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`fingerprint=${peer.fingerprint256.replace(/:/g, '').toLowerCase()}`);
    },
  );
  server.on('tlsClientError', (error: NodeJS.ErrnoException) => clientErrors.push(`${error.code ?? ''} ${error.message}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  mkdirSync(POLICY_FOLDER, { recursive: true });
  writeFileSync(policyFile, JSON.stringify({ AutoSelectCertificateForUrls: [JSON.stringify({ pattern: origin, filter: {} })] }));
}, 120_000);

afterAll(async () => {
  rmSync(policyFile, { force: true });
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** One fresh Chromium (its own profile in the temp HOME, so no client-certificate choice is cached), one page load. */
async function loadInChromium(name: string): Promise<{ status: number; body: string } | { error: string }> {
  const { DBUS_SESSION_BUS_ADDRESS: _bus, ...env } = process.env;
  const context = await chromium.launchPersistentContext(join(userHome, `chromium-${name}`), {
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
    env: { ...env, HOME: userHome },
    timeout: 60_000,
  });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${origin}/whoami`, { timeout: 20_000 });
    return { status: response?.status() ?? 0, body: (await page.textContent('body')) ?? '' };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  } finally {
    await context.close();
  }
}

describe('Chromium uses the identity installed into ~/.pki/nssdb', () => {
  it('before installing, the server refuses the browser (the server really requires a certificate)', async () => {
    const refusals = clientErrors.length;
    expect(await loadInChromium('before')).toMatchObject({ error: expect.stringMatching(/net::ERR_/) });
    // the browser reached the server, which refused the handshake for want of a client certificate
    expect(clientErrors.slice(refusals).join(' ')).toMatch(/PEER_DID_NOT_RETURN_A_CERTIFICATE|certificate/i);
  });

  it('installed: 200, and the server saw our certificate', async () => {
    await services.install.install({ identity: 'Browser Client', store: 'nss' });
    const result = await loadInChromium('installed');
    expect(result).toEqual({ status: 200, body: `fingerprint=${leafSha256}` });
  });

  it('after uninstall the same load fails again', async () => {
    const removed = await services.install.uninstall({ identity: 'Browser Client', store: 'nss' });
    expect(removed.stores[0]!.removed).toBe(true);
    const refusals = clientErrors.length;
    expect(await loadInChromium('uninstalled')).toMatchObject({ error: expect.stringMatching(/net::ERR_/) });
    expect(clientErrors.slice(refusals).join(' ')).toMatch(/PEER_DID_NOT_RETURN_A_CERTIFICATE|certificate/i);
  });
});
