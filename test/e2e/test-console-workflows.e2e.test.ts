import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createServices } from '../../electron/core';
import { useKeyring } from '../helpers/keyring';
import { closeAllLocalServers, startHttpsServer, type LocalServer } from '../helpers/node-servers';
import { makeProbePki, type ProbePki } from '../helpers/probe-pki';
import { startSServer, stopAllServers, type RunningServer } from '../helpers/tls-servers';
import { useTempDir } from '../helpers/tmp';
import { importFiles } from '../helpers/vault';
import { LANGUAGES, startHarness, type Harness } from './harness';
import { chooseFiles, send, trustServerCa } from './test-console-page';

/**
 * The Test console's workflows around a request, in real Chromium against real servers on 127.0.0.1: the identity
 * the vault's host rules choose (and why), collections saved, exported and imported as JSON without secrets, and a
 * repeat run cancelled half way.
 */

useKeyring();
const dir = useTempDir('mtls-console-flows-e2e-');
const IDENTITY = 'Payments partner (production)';
const KEY_PASSWORD = 'Not-in-any-export 2026';
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.not-in-any-export.2026';
const HEADERS = `Authorization: Bearer ${BEARER}\nAccept: application/json`;
let pki: ProbePki;
let harness: Harness;
let requiring: RunningServer;
let neverAsks: LocalServer;
let counted: LocalServer;
let served = 0;

beforeAll(async () => {
  pki = makeProbePki(dir);
  requiring = await startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www', '-Verify', '4', '-verify_return_error', '-CAfile', pki.clientCaBundle]);
  neverAsks = await startHttpsServer({ cert: pki.server.cert, key: pki.server.key, respond: () => ({ status: 200, body: 'open to all' }) });
  counted = await startHttpsServer({
    cert: pki.server.cert,
    key: pki.server.key,
    clientCa: pki.clientCaBundle,
    respond: (_request, authorized) => {
      served++;
      return { status: authorized ? 200 : 401, body: 'counted' };
    },
  });
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
  await stopAllServers();
  await closeAllLocalServers();
});

/** saves the form as NAME in COLLECTION through the save dialog */
async function saveRequest(page: Page, collection: string, name: string) {
  await page.getByTestId('save-request').click();
  await page.getByTestId('save-collection').fill(collection);
  await page.getByTestId('save-name').fill(name);
  await page.getByTestId('save-confirm').click();
  await page.getByTestId('save-confirm').waitFor({ state: 'detached' });
}

describe.each(LANGUAGES)('Test console workflows in %s', (lang) => {
  it('pre-selects the identity the vault binds to the host, says why, and sends it', async () => {
    const home = join(dir, `home-rules-${lang}`);
    mkdirSync(home);
    const services = createServices({ home });
    await importFiles(services, [pki.clientChain, pki.client.key], { name: IDENTITY });
    await services.vault.bind(IDENTITY, `localhost:${requiring.port}`);

    const studio = await harness.open({ locale: lang, hash: '#/test-console', home });
    const { page } = studio;
    await page.getByTestId('url').fill(`https://localhost:${requiring.port}/`);
    await trustServerCa(studio, pki.serverRoot.cert);
    // the default choice is the host rule's: the picker names the identity and the reason names the rule
    const reason = page.getByTestId('identity-reason');
    await expect.poll(() => reason.innerText()).toContain(IDENTITY);
    expect(await reason.innerText()).toContain(`localhost:${requiring.port}`);
    expect(await page.getByTestId('identity-select').inputValue()).toContain(IDENTITY);
    await studio.screenshot(`test-console-host-rule-${lang}`);
    expect(await send(page)).toBe('MTLS_OK');
    await page.getByTestId('tab-handshake-button').click();
    expect(await page.locator('[data-step="weSent"]').innerText()).toContain('Probe Client');

    // another port of the same host matches no rule: the reason says so and nothing is sent
    await page.getByTestId('url').fill(`https://localhost:${neverAsks.port}/`);
    await expect.poll(() => reason.innerText()).not.toContain(IDENTITY);
    expect(await reason.innerText()).toContain('localhost');
    expect(await send(page)).toBe('CLIENT_CERT_NOT_REQUESTED');
    expect(await page.locator('[data-step="weSent"]').count()).toBe(0);
    expect(studio.errors).toEqual([]);
  });

  it('saves requests in collections, exports them as JSON without secrets (not even a bearer token) and imports them back', async () => {
    const studio = await harness.open({ locale: lang, hash: '#/test-console' });
    const { page } = studio;
    const url = `https://localhost:${counted.port}/orders?id=7`;
    await page.getByTestId('url').fill(url);
    await trustServerCa(studio, pki.serverRoot.cert);
    await chooseFiles(studio, [pki.clientChain, pki.client.key]);
    await page.locator('input[type="password"]').fill(KEY_PASSWORD);
    await page.getByTestId('advanced-toggle').click();
    await page.getByTestId('headers').fill(HEADERS);
    await page.getByTestId('advanced-toggle').click();
    // the save dialog says before saving that the Authorization value stays behind
    await page.getByTestId('save-request').click();
    await expect.poll(() => page.getByTestId('save-withheld').innerText()).toContain('Authorization');
    await studio.screenshot(`test-console-collections-save-${lang}`);
    await page.keyboard.press('Escape');
    await page.getByTestId('save-confirm').waitFor({ state: 'detached' });
    await saveRequest(page, 'Partner A', 'Orders API');
    await page.getByTestId('url').fill(`https://localhost:${neverAsks.port}/`);
    await saveRequest(page, 'Partner A', 'Open endpoint');
    await expect.poll(() => page.getByTestId('saved-request').count()).toBe(2);
    // each saved request says its Authorization value was not saved; the token is nowhere in localStorage
    expect(await page.getByTestId('withheld-note').allInnerTexts()).toEqual([
      expect.stringContaining('Authorization'),
      expect.stringContaining('Authorization'),
    ]);
    const stored = () => page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(await stored()).toContain('Orders API');
    expect(await stored()).not.toContain(BEARER);
    await studio.screenshot(`test-console-collections-${lang}`);

    await page.getByTestId('collections-export').click();
    const exported = await page.getByTestId('export-json').inputValue();
    await studio.screenshot(`test-console-collections-export-${lang}`);
    await page.keyboard.press('Escape');
    const parsed = JSON.parse(exported) as { format: string; collections: { name: string; requests: { name: string; withheldHeaders?: string[]; request: { url: string; headers: string; identity: { kind: string; paths?: string[] }; caFiles: string[] } }[] }[] };
    expect(parsed.format).toBe('mtls-studio-collections');
    expect(parsed.collections.map((c) => c.name)).toEqual(['Partner A']);
    const orders = parsed.collections[0]!.requests[0]!;
    expect(orders).toMatchObject({ name: 'Orders API', withheldHeaders: ['Authorization'], request: { url, headers: 'Authorization:\nAccept: application/json', identity: { kind: 'files', paths: [pki.clientChain, pki.client.key] }, caFiles: [pki.serverRoot.cert] } });
    // the header name stays, its value does not
    expect(exported).not.toContain(BEARER);
    // paths only: no password, no key or certificate material
    expect(exported).not.toContain(KEY_PASSWORD);
    expect(exported).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE/);
    for (const line of readFileSync(pki.client.key, 'utf8').split('\n').filter((l) => l.length > 20)) expect(exported).not.toContain(line);

    // a colleague's copy comes back under another collection name; a file that is no export changes nothing
    parsed.collections[0]!.name = 'Partner B';
    // …edited by hand or written by an older version: the token it carries is dropped on import
    parsed.collections[0]!.requests[0]!.request.headers = HEADERS;
    delete parsed.collections[0]!.requests[0]!.withheldHeaders;
    await page.getByTestId('collections-import').click();
    await page.getByTestId('import-json').fill('{"collections": "nope"}');
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('saved-request').count()).toBe(2);
    await page.getByTestId('import-json').fill(JSON.stringify(parsed));
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('saved-request').count()).toBe(4);
    expect(await page.getByTestId('collection-name').allInnerTexts()).toEqual(['Partner A', 'Partner B']);
    expect(await page.getByTestId('withheld-note').count()).toBe(4);
    expect(await stored()).not.toContain(BEARER);

    // it survives a reload (localStorage), and a saved request fills the form and runs as saved
    await page.reload();
    await expect.poll(() => page.getByTestId('saved-request').count()).toBe(4);
    await page.getByTestId('saved-request').nth(2).click();
    expect(await page.getByTestId('url').inputValue()).toBe(url);
    expect(await page.getByTestId('identity-files').innerText()).toContain('client-chain.pem');
    await page.getByTestId('advanced-toggle').click();
    expect(await page.getByTestId('headers').inputValue()).toBe('Authorization:\nAccept: application/json');
    await page.getByTestId('advanced-toggle').click();
    expect(await send(page)).toBe('MTLS_OK');
    expect(studio.errors).toEqual([]);
  });

  it('cancels a repeat run: the requests stop, and what was measured is shown as stopped short', async () => {
    const studio = await harness.open({ locale: lang, hash: '#/test-console' });
    const { page } = studio;
    await page.getByTestId('url').fill(`https://localhost:${counted.port}/slow-lane`);
    await trustServerCa(studio, pki.serverRoot.cert);
    await chooseFiles(studio, [pki.clientChain, pki.client.key]);
    await page.getByTestId('repeat-toggle').click();
    await page.getByTestId('repeat-count').fill('10000');
    await page.getByTestId('repeat-concurrency').fill('2');
    const before = served;
    await page.getByTestId('send').click();
    await page.mouse.move(1, 1);
    const panel = page.getByTestId('repeat-panel');
    await expect.poll(async () => Number(await panel.getAttribute('data-done')), { interval: 20, timeout: 30_000 }).toBeGreaterThan(20);
    await studio.screenshot(`test-console-repeat-cancel-running-${lang}`);
    await page.getByTestId('cancel').click();
    // what was measured up to the cancel is the result, and it says it stopped short
    const result = page.getByTestId('result');
    await result.waitFor({ timeout: 10_000 });
    await page.getByTestId('send').waitFor();
    expect(await page.getByTestId('verdict').getAttribute('data-code')).toBe('MTLS_OK');
    const measured = Number(await panel.getAttribute('data-done'));
    expect(Number(await panel.getAttribute('data-total'))).toBe(10_000);
    expect(measured).toBeGreaterThan(20);
    expect(measured).toBeLessThan(10_000);
    expect(await page.getByTestId('repeat-ok').innerText()).toContain(String(measured));
    expect(await page.getByTestId('histogram').getAttribute('data-samples')).toBe(String(measured));
    expect(await page.getByTestId('run-error').count()).toBe(0);
    expect(await page.getByTestId('history-entry').count()).toBe(1);
    // the server stops receiving requests: at most the ones in flight at the cancel were served unmeasured
    await new Promise((resolve) => setTimeout(resolve, 300));
    const atStop = served;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(served).toBe(atStop);
    expect(atStop - before).toBeGreaterThanOrEqual(measured);
    expect(atStop - before).toBeLessThanOrEqual(measured + 2);
    await page.mouse.move(1, 1);
    await studio.screenshot(`test-console-repeat-cancelled-${lang}`);

    // the console is ready again: one request runs normally
    await page.getByTestId('repeat-toggle').click();
    expect(await send(page)).toBe('MTLS_OK');
    expect(studio.errors).toEqual([]);
  });
});
