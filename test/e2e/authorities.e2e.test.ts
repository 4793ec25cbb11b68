/**
 * The Authorities screen end to end: the built renderer in Chromium, bound to the real services through the real
 * IPC gateway, CA keys in a real gnome-keyring (private D-Bus session); only the native dialogs are scripted.
 * In each language: the empty state, a root and an intermediate CA, a client certificate issued (with an
 * 80-character DN) and revoked, a CRL that openssl reads, a CSV batch with its progress and results, and a
 * partner kit whose p12 openssl opens with the password the dialog showed once. Screenshots of each state go to
 * test-results/screens.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/core';
import { useKeyring } from '../helpers/keyring';
import { openssl } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { LANGUAGES, startHarness, type Harness, type Lang, type StudioPage } from './harness';
import { untranslatedText } from './untranslated';

const dir = useTempDir();
useKeyring();
let harness: Harness;

/** an 80-character distinguished name, the longest the table and forms must show without breaking */
const LONG_DN = 'CN=partner-a.settlement.example.com,OU=Cross-border Payments,O=Partner A AG,C=DE';
const ROOT = 'Acme Root CA';
const ISSUING = 'Acme Issuing CA 2026';
/** values shown inside translated sentences or as data: names, DNs, files */
const DATA = [
  LONG_DN,
  ROOT,
  ISSUING,
  'partner-a',
  'partner-b',
  'DNS:, email:, URI:, IP:',
  'ops@partner-a.example',
  'partners.csv',
  'ops@partner.example',
  'DNS:api.example.com',
  'https://api.example.com/health',
].sort((a, b) => b.length - a.length);

beforeAll(async () => {
  expect(LONG_DN).toHaveLength(80);
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function noEnglishLeft(page: Page, lang: Lang, data: string[] = []): Promise<void> {
  if (lang !== 'en') expect(await untranslatedText(page, [...data, ...DATA].sort((a, b) => b.length - a.length))).toEqual([]);
}

/** the toasts of earlier steps would cover the state being captured */
async function dismissToasts(page: Page): Promise<void> {
  await page
    .locator('.mantine-Notification-root button')
    .evaluateAll((buttons) => buttons.forEach((button) => (button as HTMLButtonElement).click()));
  await page
    .locator('.mantine-Notification-root')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
}

async function modalClosed(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor({ state: 'detached', timeout: 15_000 });
}

function issuedRow(page: Page, name: string) {
  return page
    .getByTestId('issued-row')
    .filter({ has: page.getByTestId('issued-name').getByText(name, { exact: true }) });
}

async function createCa(page: Page, name: string, options: { pathLen?: string } = {}): Promise<void> {
  await page.getByTestId('create-name').fill(name);
  if (options.pathLen !== undefined) await page.getByTestId('create-path-len').fill(options.pathLen);
  await page.getByTestId('create-submit').click();
  await modalClosed(page, 'create-ca-modal');
  await page.locator(`[data-testid="ca-node"][data-ca="${name}"]`).waitFor();
}

async function more(page: Page, item: string): Promise<void> {
  await page.getByTestId('ca-more').click();
  await page.getByTestId(item).click();
}

async function tour(studio: StudioPage, lang: Lang, home: string): Promise<void> {
  const { page, dialogs } = studio;
  const work = join(dir, `work-${lang}`);
  mkdirSync(work);

  // no CA yet: what a local CA is for, and "Create a root CA"
  await page.getByTestId('authorities-empty').waitFor();
  await noEnglishLeft(page, lang);
  await studio.screenshot(`authorities-empty-${lang}`);

  await page.getByTestId('empty-create-root').click();
  await createCa(page, ROOT, { pathLen: '1' });
  await more(page, 'ca-intermediate');
  await createCa(page, ISSUING);
  const nodes = await page
    .getByTestId('ca-node')
    .evaluateAll((items) =>
      items.map((item) => [
        item.getAttribute('data-ca'),
        item.getAttribute('data-kind'),
        item.getAttribute('aria-level'),
      ]),
    );
  expect(nodes).toEqual([
    [ROOT, 'root', '1'],
    [ISSUING, 'intermediate', '2'],
  ]);
  await expect.poll(() => page.getByTestId('ca-name').textContent()).toBe(ISSUING);

  // "New certificate": defaults, then the advanced section with an 80-character subject
  await page.getByTestId('ca-issue').click();
  await page.getByTestId('issue-name').fill('partner-a');
  await page.getByTestId('issue-basic-san').fill('ops@partner-a.example');
  await page.getByTestId('issue-advanced').click();
  await page.getByTestId('issue-subject').fill(LONG_DN);
  expect(await page.getByTestId('issue-days').inputValue()).toBe('397');
  await noEnglishLeft(page, lang);
  await dismissToasts(page);
  await studio.screenshot(`authorities-issue-form-${lang}`);
  await page.getByTestId('issue-submit').click();
  await modalClosed(page, 'issue-modal');
  await issuedRow(page, 'partner-a').waitFor();

  // it is in the vault, with its chain, as the app's own services see it
  const services = createServices({ home });
  const inVault = (await services.vault.list({})).identities.find(
    (identity) => identity.name === 'partner-a',
  );
  expect(inVault?.subject).toBe(LONG_DN);
  const [entry] = await services.ca.issued(ISSUING, 'partner-a');
  expect(entry).toMatchObject({ subject: LONG_DN, status: 'valid', kind: 'client' });

  // revoke it (key compromise), then publish a DER CRL through the save dialog
  await issuedRow(page, 'partner-a').getByTestId('issued-actions').click();
  await page.getByTestId('issued-revoke').click();
  await page.getByTestId('revoke-reason').click();
  await page.getByRole('option').nth(1).click();
  await page.getByTestId('revoke-submit').click();
  await modalClosed(page, 'revoke-modal');
  await expect.poll(() => issuedRow(page, 'partner-a').getAttribute('data-status')).toBe('revoked');
  const crlFile = join(work, 'issuing.crl');
  dialogs.nextSavePath = crlFile;
  await more(page, 'ca-crl-der');
  await expect.poll(() => readdirSync(work)).toContain('issuing.crl');
  const crlText = openssl(['crl', '-inform', 'DER', '-in', crlFile, '-noout', '-text']);
  expect(crlText).toContain(`Serial Number: ${entry!.serial.toUpperCase()}`);
  expect(crlText).toContain('Key Compromise');

  // a CSV batch: progress to the end, then one row per line with its result
  const csv = join(work, 'partners.csv');
  const rows = [
    'partner-b,it@partner-b.example,Partner B GmbH',
    'partner-c,ops@partner-c.example,Partner C SA',
    'partner-d,sec@partner-d.example,Partner D Ltd',
    'partner-a,dup@partner-a.example,Taken Ltd',
    'partner-e,it@partner-e.example,',
  ];
  writeFileSync(csv, ['name,email,o', ...rows].join('\n'));
  dialogs.nextPick = [csv];
  await more(page, 'ca-batch');
  await page.getByTestId('batch-choose').click();
  await expect.poll(() => page.getByTestId('batch-file').textContent()).toBe('partners.csv');
  await page.getByTestId('batch-start').click();
  await page.getByTestId('batch-results').waitFor({ timeout: 30_000 });
  const progress = page.getByTestId('batch-progress');
  expect([await progress.getAttribute('data-done'), await progress.getAttribute('data-total')]).toEqual([
    '5',
    '5',
  ]);
  expect(
    await page
      .getByTestId('batch-row')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-ok'))),
  ).toEqual(['true', 'true', 'true', 'false', 'true']);
  await noEnglishLeft(page, lang);
  await dismissToasts(page);
  await studio.screenshot(`authorities-batch-${lang}`);
  await page.getByTestId('batch-close').click();
  await modalClosed(page, 'batch-modal');
  const names = (await createServices({ home }).vault.list({})).identities
    .map((identity) => identity.name)
    .sort();
  expect(names).toEqual(
    [ISSUING, ROOT, 'partner-a', 'partner-b', 'partner-c', 'partner-d', 'partner-e'].sort(),
  );

  // the tree with the registry: statuses, the long DN, search
  await expect.poll(() => page.getByTestId('issued-table').getAttribute('data-rows')).toBe('5');
  await page.mouse.move(0, 0);
  await noEnglishLeft(page, lang);
  await dismissToasts(page);
  await studio.screenshot(`authorities-tree-${lang}`, { fullPage: true });
  await page.getByTestId('issued-search').fill('partner-c');
  await expect.poll(() => page.getByTestId('issued-table').getAttribute('data-rows')).toBe('1');
  await page.getByTestId('issued-search').fill('');

  // the partner kit of partner-b: the password shown once opens the p12 in openssl, and is in no file
  await issuedRow(page, 'partner-b').getByTestId('issued-actions').click();
  await page.getByTestId('issued-kit').click();
  const folder = join(work, 'partner-b-kit');
  dialogs.nextSavePath = folder;
  await page.getByTestId('kit-submit').click();
  await page.getByTestId('kit-done').waitFor();
  const password = (await page.getByTestId('kit-password').textContent()) ?? '';
  expect(password.length).toBeGreaterThanOrEqual(16);
  await noEnglishLeft(page, lang);
  await dismissToasts(page);
  await studio.screenshot(`authorities-kit-${lang}`);
  const p12 = readdirSync(folder).find((file) => file.endsWith('.p12'))!;
  const certs = openssl(['pkcs12', '-in', join(folder, p12), '-passin', `pass:${password}`, '-nokeys']);
  expect(certs.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
  for (const file of readdirSync(folder))
    expect(readFileSync(join(folder, file)).includes(password), file).toBe(false);
  await page.getByTestId('kit-close').click();
  await modalClosed(page, 'kit-modal');
  expect(await page.getByTestId('kit-password').count()).toBe(0);

  await requests(studio, lang, work);
}

/** CSRs both ways: ours kept pending until its certificate comes back, and a partner's shown, then signed. */
async function requests(studio: StudioPage, lang: Lang, work: string): Promise<void> {
  const { page, dialogs } = studio;
  const ours = join(work, 'our-gateway.csr');
  dialogs.nextSavePath = ours;
  await page.getByTestId('csr-create').click();
  await page.getByTestId('csr-name').fill('our-gateway');
  await page.getByTestId('csr-subject').fill('CN=gateway.acme.example,O=Acme');
  await page.getByTestId('csr-create-submit').click();
  await modalClosed(page, 'csr-create-modal');
  await page.locator('[data-testid="pending-row"][data-name="our-gateway"]').waitFor();
  openssl(['req', '-in', ours, '-noout', '-verify']);

  // a request made by openssl: what it asks for is shown before anything is signed
  const theirs = join(work, 'partner-x.csr');
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', join(work, 'partner-x.key'), '-subj', '/CN=partner-x/O=Partner X', '-addext', 'subjectAltName=email:pki@partner-x.example', '-out', theirs]);
  dialogs.nextPick = [theirs];
  await page.getByTestId('csr-sign').click();
  await page.getByTestId('csr-review').waitFor();
  expect(await page.getByTestId('csr-review').textContent()).toContain('email:pki@partner-x.example');
  await noEnglishLeft(page, lang, ['partner-x.csr', 'CN=partner-x,O=Partner X', 'email:pki@partner-x.example', 'EC P-384', 'clientAuth']);
  await dismissToasts(page);
  await studio.screenshot(`authorities-csr-sign-${lang}`);
  const signedFile = join(work, 'partner-x.crt');
  dialogs.nextSavePath = signedFile;
  await page.getByTestId('csr-sign-submit').click();
  await page.getByTestId('csr-signed').waitFor();
  expect(openssl(['x509', '-in', signedFile, '-noout', '-subject', '-ext', 'subjectAltName'])).toMatch(/CN\s*=\s*partner-x[\s\S]*email:pki@partner-x.example/);
  await page.keyboard.press('Escape');
  await modalClosed(page, 'csr-sign-modal');

  // our request signed by our own CA, then the certificate completes the pending key
  dialogs.nextPick = [ours];
  await page.getByTestId('csr-sign').click();
  dialogs.nextSavePath = join(work, 'our-gateway.crt');
  await page.getByTestId('csr-sign-submit').click();
  await page.getByTestId('csr-signed').waitFor();
  await page.keyboard.press('Escape');
  await modalClosed(page, 'csr-sign-modal');
  dialogs.nextPick = [join(work, 'our-gateway.crt')];
  await page.getByTestId('csr-complete').click();
  await page.getByTestId('csr-none').waitFor();
}

describe.each(LANGUAGES)('Authorities in %s', (lang) => {
  it('creates a CA tree, issues, revokes, publishes a CRL, issues a CSV batch and writes a partner kit', async () => {
    const home = join(dir, `home-${lang}`);
    mkdirSync(home);
    const studio = await harness.open({ locale: lang, hash: '#/authorities', home });
    await studio.page.getByTestId('screen-authorities').waitFor();
    await tour(studio, lang, home);
    expect(studio.errors).toEqual([]);
  }, 120_000);
});
