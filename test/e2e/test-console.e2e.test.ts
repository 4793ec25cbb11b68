import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeAllLocalServers, startHttpsServer, type LocalServer } from '../helpers/node-servers';
import { openssl } from '../helpers/openssl';
import { makeProbePki, type ProbePki } from '../helpers/probe-pki';
import { startSServer, stopAllServers, type RunningServer } from '../helpers/tls-servers';
import { useTempDir } from '../helpers/tmp';
import { LANGUAGES, startHarness, type Harness, type Lang } from './harness';
import { chooseFiles, chooseNone, send, setUrl, trustServerCa } from './test-console-page';
import { untranslatedText } from './untranslated';

/**
 * The Test console in real Chromium, with the real probe behind the real IPC gateway, against real TLS servers on
 * 127.0.0.1: openssl s_server requiring a client certificate, Node https servers that ask or never ask.
 */

const dir = useTempDir('mtls-console-e2e-');
/** a CN at X.509's 64-character limit, in a DN of over 80 characters, to see that long names wrap instead of overflowing */
const LONG_CN = 'Payments Partner Integration Issuing Certification Authority G2';
const LONG_SUBJECT = `/CN=${LONG_CN}/OU=Cloud Platform Security Engineering/O=mTLS Studio Tests`;
let pki: ProbePki;
let longLeaf: { cert: string; key: string };
let harness: Harness;
let requiring: RunningServer;
let requiringRootOnly: RunningServer;
let neverAsks: LocalServer;
let asksNode: LocalServer;

/** an intermediate with an 80-character CN under the client root, and a leaf under it (sent without the intermediate) */
function makeLongChain(): { cert: string; key: string } {
  const f = (name: string) => join(pki.dir, name);
  const ext = f('ext.cnf');
  const key = (name: string) => {
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f(name)]);
    return f(name);
  };
  const caKey = key('long-ca.key');
  openssl(['req', '-new', '-key', caKey, '-subj', LONG_SUBJECT, '-out', f('long-ca.csr')]);
  openssl([
    'x509',
    '-req',
    '-in',
    f('long-ca.csr'),
    '-CA',
    pki.clientRoot.cert,
    '-CAkey',
    pki.clientRoot.key,
    '-CAcreateserial',
    '-days',
    '30',
    '-extfile',
    ext,
    '-extensions',
    'ca',
    '-out',
    f('long-ca.crt'),
  ]);
  const leafKey = key('long-leaf.key');
  openssl([
    'req',
    '-new',
    '-key',
    leafKey,
    '-subj',
    '/CN=Payments Partner Integration Client Workload eu-central-1/OU=Cloud Platform Security Engineering/O=mTLS Studio Tests',
    '-out',
    f('long-leaf.csr'),
  ]);
  openssl([
    'x509',
    '-req',
    '-in',
    f('long-leaf.csr'),
    '-CA',
    f('long-ca.crt'),
    '-CAkey',
    caKey,
    '-CAcreateserial',
    '-days',
    '30',
    '-extfile',
    ext,
    '-extensions',
    'client',
    '-out',
    f('long-leaf.crt'),
  ]);
  return { cert: f('long-leaf.crt'), key: leafKey };
}

beforeAll(async () => {
  expect(LONG_CN.length).toBeLessThanOrEqual(64);
  pki = makeProbePki(dir);
  longLeaf = makeLongChain();
  const sServer = (caFile: string) =>
    startSServer([
      '-cert',
      pki.server.cert,
      '-key',
      pki.server.key,
      '-www',
      '-Verify',
      '4',
      '-verify_return_error',
      '-CAfile',
      caFile,
    ]);
  requiring = await sServer(pki.clientCaBundle);
  requiringRootOnly = await sServer(pki.clientRoot.cert);
  neverAsks = await startHttpsServer({
    cert: pki.server.cert,
    key: pki.server.key,
    respond: () => ({ status: 200, body: 'open to all' }),
  });
  asksNode = await startHttpsServer({
    cert: pki.server.cert,
    key: pki.server.key,
    clientCa: pki.clientCaBundle,
    respond: (_request, authorized) => ({
      status: authorized ? 200 : 401,
      body: JSON.stringify({ ok: authorized, service: 'payments', checks: [1, 2, 3] }),
      headers: { 'content-type': 'application/json' },
    }),
  });
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
  await stopAllServers();
  await closeAllLocalServers();
});

/** values interpolated into translated sentences: host names, file names, and the names in the test certificates */
const DATA = () => [
  'localhost',
  '127.0.0.1',
  'server-root.crt',
  'client-chain.pem',
  'client.key',
  'long-leaf.crt',
  'long-leaf.key',
  LONG_CN,
  'Cloud Platform Security Engineering',
  'mTLS Studio Tests',
  'Probe Client Root CA',
  'Probe Client Intermediate CA',
  'Probe Client',
  'Probe Server Root CA',
];

async function noEnglish(page: Page, lang: Lang) {
  if (lang !== 'en') expect(await untranslatedText(page, DATA())).toEqual([]);
}

const VERDICT: Record<Lang, { ok: string; missing: string; notRequested: string; chainPrefix: string }> = {
  en: {
    ok: 'Mutual TLS OK',
    missing: 'Rejected: the server requires a client certificate and none was sent',
    notRequested: 'The server never asked for a client certificate',
    chainPrefix: 'Rejected: your chain is missing',
  },
  'zh-CN': {
    ok: '双向 TLS 正常',
    missing: '被拒绝：服务器要求客户端证书，但未发送任何证书',
    notRequested: '服务器从未索要客户端证书',
    chainPrefix: '被拒绝：你的证书链缺少',
  },
  'zh-TW': {
    ok: '雙向 TLS 正常',
    missing: '遭拒：伺服器需要用戶端憑證，但未傳送任何憑證',
    notRequested: '伺服器從未要求用戶端憑證',
    chainPrefix: '遭拒：你的憑證鏈缺少',
  },
};

describe.each(LANGUAGES)('the Test console in %s', (lang) => {
  it('diagnoses real servers: OK with files, certificate missing without, never asked; shows every tab', async () => {
    const studio = await harness.open({ locale: lang, hash: '#/test-console' });
    const { page } = studio;
    await page.getByTestId('console-empty').waitFor();
    await noEnglish(page, lang);
    await studio.screenshot(`test-console-empty-${lang}`);

    // required client certificate, identity from files chosen in the (scripted) open dialog → Mutual TLS OK
    await setUrl(page, `https://localhost:${requiring.port}/`);
    await trustServerCa(studio, pki.serverRoot.cert);
    await chooseFiles(studio, [pki.clientChain, pki.client.key]);
    expect(await send(page, 'keys')).toBe('MTLS_OK');
    expect(await page.getByTestId('verdict-text').innerText()).toBe(VERDICT[lang].ok);
    expect(await page.getByTestId('verdict').getAttribute('data-tone')).toBe('ok');
    await noEnglish(page, lang);
    await studio.screenshot(`test-console-ok-diagnosis-${lang}`);

    await page.getByTestId('tab-handshake-button').click();
    await page.getByTestId('tab-handshake').waitFor();
    for (const step of ['connected', 'negotiated', 'serverChainTrusted', 'requested', 'weSent', 'http'])
      expect(await page.locator(`[data-step="${step}"]`).count(), step).toBe(1);
    expect(await page.getByTestId('tab-handshake').innerText()).toContain('CN=Probe Client Root CA');
    await noEnglish(page, lang);
    await studio.screenshot(`test-console-ok-handshake-${lang}`, { fullPage: true });

    await page.getByTestId('tab-timing-button').click();
    for (const phase of ['tcp', 'tls', 'wait'])
      expect(await page.locator(`[data-phase="${phase}"]`).count(), phase).toBe(1);
    await noEnglish(page, lang);
    await studio.screenshot(`test-console-ok-timing-${lang}`);

    await page.getByTestId('tab-response-button').click();
    expect(await page.getByTestId('tab-response').innerText()).toContain('200');
    await noEnglish(page, lang);
    await studio.screenshot(`test-console-ok-response-${lang}`);

    await page.getByTestId('tab-reproduce-button').click();
    const curl = await page.getByTestId('reproduce-curl').innerText();
    expect(curl).toContain(`https://localhost:${requiring.port}/`);
    expect(curl).toMatch(/--cert|--key/);
    expect(curl).not.toMatch(/PRIVATE KEY/);
    expect(await page.getByTestId('reproduce-openssl').innerText()).toContain('s_client');
    // save the report through the (scripted) save dialog
    studio.dialogs.nextSavePath = join(dir, `report-${lang}.md`);
    await page.getByTestId('report-save').click();
    await expect.poll(() => studio.dialogs.saveRequests.length).toBe(1);
    expect(studio.dialogs.saveRequests[0]!.format).toBe('markdown');
    await expect.poll(() => existsSync(join(dir, `report-${lang}.md`))).toBe(true);
    expect(readFileSync(join(dir, `report-${lang}.md`), 'utf8')).toContain('MTLS_OK');
    await noEnglish(page, lang);
    await studio.screenshot(`test-console-ok-reproduce-${lang}`);

    // the same server without a client certificate → "certificate missing"
    await chooseNone(page);
    expect(await send(page)).toBe('CLIENT_CERT_MISSING');
    expect(await page.getByTestId('verdict-text').innerText()).toBe(VERDICT[lang].missing);
    expect(await page.getByTestId('verdict').getAttribute('data-tone')).toBe('error');
    await noEnglish(page, lang);
    await studio.screenshot(`test-console-missing-${lang}`);

    // a server that never asks → CLIENT_CERT_NOT_REQUESTED
    await setUrl(page, `https://localhost:${neverAsks.port}/`);
    expect(await send(page)).toBe('CLIENT_CERT_NOT_REQUESTED');
    expect(await page.getByTestId('verdict-text').innerText()).toBe(VERDICT[lang].notRequested);
    await page.getByTestId('tab-handshake-button').click();
    expect(await page.locator('[data-step="notRequested"]').count()).toBe(1);
    await noEnglish(page, lang);
    await studio.screenshot(`test-console-not-requested-${lang}`);

    // the session history lists all three runs, newest first; a click shows an earlier one again
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(3);
    await page.getByTestId('history-entry').nth(2).click();
    expect(await page.getByTestId('verdict').getAttribute('data-code')).toBe('MTLS_OK');
    expect(studio.errors).toEqual([]);
  });

  it('names the missing intermediate with its 80-character DN and wraps it', async () => {
    const studio = await harness.open({ locale: lang, hash: '#/test-console' });
    const { page } = studio;
    await setUrl(page, `https://localhost:${requiringRootOnly.port}/`);
    await trustServerCa(studio, pki.serverRoot.cert);
    await chooseFiles(studio, [longLeaf.cert, longLeaf.key]);
    expect(await send(page)).toBe('CLIENT_CHAIN_INCOMPLETE');
    const verdict = await page.getByTestId('verdict-text').innerText();
    expect(verdict.startsWith(VERDICT[lang].chainPrefix)).toBe(true);
    const missing = verdict.slice(VERDICT[lang].chainPrefix.length).trim();
    expect(missing).toContain(LONG_CN);
    expect(missing.length).toBeGreaterThanOrEqual(80);
    // nothing overflows the window sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await noEnglish(page, lang);
    await studio.screenshot(`test-console-long-dn-${lang}`, { fullPage: true });
    await page.getByTestId('tab-handshake-button').click();
    await page.getByTestId('tab-handshake').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await noEnglish(page, lang);
    await studio.screenshot(`test-console-long-dn-handshake-${lang}`, { fullPage: true });
    expect(studio.errors).toEqual([]);
  });

  it('repeats a request with a progress bar, live counts and a latency histogram', async () => {
    const studio = await harness.open({ locale: lang, hash: '#/test-console' });
    const { page } = studio;
    await setUrl(page, `https://localhost:${asksNode.port}/api`);
    await trustServerCa(studio, pki.serverRoot.cert);
    await chooseFiles(studio, [pki.clientChain, pki.client.key]);
    await page.getByTestId('repeat-toggle').click();
    await page.getByTestId('repeat-count').fill('300');
    await page.getByTestId('repeat-concurrency').fill('4');
    await page.getByTestId('send').click();
    await page.mouse.move(1, 1);
    // while it runs: the progress bar and live counts, before the result arrives
    const live = page.getByTestId('repeat-panel').first();
    await live.waitFor();
    expect(await live.getAttribute('data-total')).toBe('300');
    await expect
      .poll(async () => Number(await live.getAttribute('data-done')), { interval: 20 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('result').count()).toBe(0);
    expect(await page.getByTestId('repeat-ok').innerText()).toMatch(/[1-9]/);
    await studio.screenshot(`test-console-repeat-running-${lang}`);
    await page.getByTestId('result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('verdict').getAttribute('data-code')).toBe('MTLS_OK');
    const panel = page.getByTestId('repeat-panel');
    expect(await panel.getAttribute('data-done')).toBe('300');
    expect(await page.getByTestId('repeat-ok').innerText()).toContain('300');
    // every request's latency reached the histogram
    await expect.poll(() => page.getByTestId('histogram').getAttribute('data-samples')).toBe('300');
    expect(await page.getByTestId('histogram-bar').count()).toBeGreaterThan(1);
    await noEnglish(page, lang);
    await studio.screenshot(`test-console-repeat-${lang}`);
    await page.getByTestId('tab-response-button').click();
    expect(await page.getByTestId('response-body').innerText()).toContain('"service": "payments"');
    expect(studio.errors).toEqual([]);
  });
});
