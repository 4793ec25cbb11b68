/**
 * The Trust stores screen end to end: the built renderer in Chromium, bound to the real services through the real
 * IPC gateway, with a real vault (gnome-keyring in a private D-Bus session) holding a local CA and an imported
 * identity with its chain; only the native dialogs are scripted. In each language: the empty state, CAs chosen
 * from the vault and from files, a target switch that brings violations live, the export that openssl verifies a
 * client chain with, and client certificates (vault identity and file) tested against the bundle.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/core';
import { useKeyring } from '../helpers/keyring';
import { openssl } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { importFiles } from '../helpers/vault';
import { makeCert, type MadeCert } from '../unit/chain/truststore/truststore-fixtures';
import { LANGUAGES, startHarness, type Harness, type Lang } from './harness';
import { untranslatedText } from './untranslated';

const dir = useTempDir('truststore-e2e-');
useKeyring();
let harness: Harness;

/** a CN at X.509's 64-character limit: with its O the subject DN is over 80 characters */
const LONG_CN = 'Payments Partner Integration Issuing Certification Authority G2';
const LOCAL_CA = 'Acme Local Root';
const IDENTITY = 'Partner A client';

let root: MadeCert;
let issuing: MadeCert;
let partner: MadeCert;
let stranger: MadeCert;
let weak: MadeCert;

/** values shown as data inside translated sentences: names, subjects, file names */
const data = () =>
  [
    LONG_CN,
    LOCAL_CA,
    IDENTITY,
    'E2E Root CA',
    'E2E Stranger',
    'E2E Stranger.pem',
    'E2E Partner',
    'Seed 003 Root',
    'Seed 003 Root.pem',
    'E2E Partner.pem', 'notes.txt', 'partner-root.p12', 'partner-client.p12', 'PRIVATE KEY',
    `${LONG_CN}.pem`,
    'E2E Root CA.pem',
    'MD5',
    'ALB',
    'md5WithRSAEncryption',
    'ecdsa-with-SHA256',
    'Trust Store Tests',
  ].sort((a, b) => b.length - a.length);

beforeAll(async () => {
  root = makeCert(dir, 'E2E Root CA');
  issuing = makeCert(dir, LONG_CN, { issuer: root });
  partner = makeCert(dir, 'E2E Partner', { issuer: issuing, leaf: true });
  stranger = makeCert(dir, 'E2E Stranger', { issuer: makeCert(dir, 'E2E Other Root'), leaf: true });
  weak = makeCert(dir, 'Seed 003 Root', { key: 'rsa1024', md: 'md5', v1: true });
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function verdict(page: Page): Promise<string | null> {
  return page.getByTestId('truststore-bundle').getAttribute('data-passes');
}

async function codesShown(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('[data-code]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
}

async function noEnglishLeft(page: Page, lang: Lang): Promise<void> {
  if (lang !== 'en') expect(await untranslatedText(page, data())).toEqual([]);
}

describe.each(LANGUAGES)('Trust stores in %s', (lang) => {
  it('builds, checks, exports and tests a bundle from vault CAs and files', async () => {
    const home = join(dir, `home-${lang}`);
    const work = join(dir, `work-${lang}`);
    mkdirSync(work, { recursive: true });
    const services = createServices({ home });
    await services.ca.create({ name: LOCAL_CA });
    const chain = join(work, 'partner-chain.pem');
    writeFileSync(chain, readFileSync(issuing.cert, 'utf8') + readFileSync(root.cert, 'utf8'));
    await importFiles(services, [partner.cert, partner.key, chain], { name: IDENTITY });

    const studio = await harness.open({ locale: lang, hash: '#/trust-stores', home });
    const { page, dialogs } = studio;
    await page.getByTestId('screen-trust-stores').waitFor();
    // the vault offers its own CA and the chain certificates of the imported identity
    const vaultCas = page.getByTestId('truststore-vault-cas');
    await expect.poll(() => vaultCas.locator('input[type="checkbox"]').count()).toBe(3);
    await page.getByTestId('truststore-empty').waitFor();
    await noEnglishLeft(page, lang);
    await studio.screenshot(`trust-stores-empty-${lang}`);

    // a file that is no certificate: the reason, in the UI language, until it is removed again
    const notes = join(work, 'notes.txt');
    writeFileSync(notes, 'ask the partner for their CA\n');
    dialogs.nextPick = [notes];
    await page.getByTestId('truststore-add-files').click();
    await page.getByTestId('inspect-error').waitFor();
    expect(await page.getByTestId('inspect-error').getAttribute('data-code')).toBe('UNSUPPORTED_FORMAT');
    await noEnglishLeft(page, lang);
    await studio.screenshot(`trust-stores-error-${lang}`);
    await page.getByRole('button', { name: /notes\.txt/ }).click();
    await page.getByTestId('truststore-empty').waitFor();

    // the root from the vault, the issuing CA (80-character DN) and the partner's own certificate from files
    await vaultCas.locator('label', { hasText: 'E2E Root CA' }).click();
    dialogs.nextPick = [issuing.cert, partner.cert];
    await page.getByTestId('truststore-add-files').click();
    await expect.poll(() => page.getByTestId('truststore-certificates').locator('tbody tr').count()).toBe(2);
    expect(await verdict(page)).toBe('true');
    expect(await page.getByTestId('truststore-certificates').locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringContaining('E2E Root CA'),
      expect.stringContaining(LONG_CN),
    ]);
    expect(await codesShown(page, 'truststore-findings')).toEqual(['TRUSTSTORE_NOT_A_CA']);
    await noEnglishLeft(page, lang);
    await studio.screenshot(`trust-stores-alb-${lang}`, { fullPage: true });

    // a seed-003 style CA (RSA 1024, MD5) breaks API Gateway's rules: the violations appear as soon as it is added
    dialogs.nextPick = [weak.cert];
    await page.getByTestId('truststore-add-files').click();
    await expect.poll(() => page.getByTestId('truststore-certificates').locator('tbody tr').count()).toBe(3);
    await page.getByTestId('truststore-target').locator('[data-target="apigw"]').click();
    await expect.poll(() => verdict(page)).toBe('false');
    expect((await codesShown(page, 'truststore-findings')).sort()).toEqual([
      'TRUSTSTORE_NOT_A_CA',
      'TRUSTSTORE_WEAK_KEY',
      'TRUSTSTORE_WEAK_SIGNATURE',
    ]);
    expect(await page.getByTestId('truststore-export').isDisabled()).toBe(true);
    await noEnglishLeft(page, lang);
    await studio.screenshot(`trust-stores-violations-${lang}`, { fullPage: true });

    // without it the bundle passes again and is exported where the save dialog says
    await page.getByRole('button', { name: /Seed 003 Root\.pem/ }).click();
    await expect.poll(() => verdict(page)).toBe('true');
    const out = join(work, 'apigw-truststore.pem');
    dialogs.nextSavePath = out;
    await page.getByTestId('truststore-export').click();
    await expect.poll(() => statSync(out, { throwIfNoEntry: false })?.size ?? 0).toBeGreaterThan(0);
    expect(dialogs.saveRequests.at(-1)).toEqual({ suggestedName: 'truststore-apigw.pem', format: 'pem' });
    expect(openssl(['verify', '-CAfile', out, partner.cert])).toContain('OK');
    expect(readFileSync(out, 'utf8')).not.toMatch(/\r|\n\n/);

    // the vault identity is accepted; a certificate from another CA is rejected, and the screen says why
    await page.getByTestId('truststore-client-vault').click();
    await page.getByRole('option', { name: IDENTITY }).click();
    await expect
      .poll(() => page.getByTestId('truststore-verdict-client').getAttribute('data-accepted'))
      .toBe('true');
    expect(await codesShown(page, 'truststore-client-findings')).toEqual(['TRUSTSTORE_CLIENT_ACCEPTED']);
    if (lang === 'en') await studio.screenshot('trust-stores-client-accepted-en', { fullPage: true });
    dialogs.nextPick = [stranger.cert];
    await page.getByTestId('truststore-client-file').click();
    await expect
      .poll(() => page.getByTestId('truststore-verdict-client').getAttribute('data-accepted'))
      .toBe('false');
    expect(await codesShown(page, 'truststore-client-findings')).toContain('PATH_NOT_FOUND');
    await noEnglishLeft(page, lang);
    await studio.screenshot(`trust-stores-client-${lang}`, { fullPage: true });
    expect(studio.errors).toEqual([]);
  });

  it('asks for the password of an encrypted PKCS#12 CA or client file, refuses a wrong one inline and cancels cleanly', async () => {
    const work = join(dir, `p12-${lang}`);
    mkdirSync(work, { recursive: true });
    const p12 = join(work, 'partner-root.p12');
    const password = `Partner-${lang}-42`;
    openssl(['pkcs12', '-export', '-in', root.cert, '-inkey', root.key, '-out', p12, '-passout', `pass:${password}`]);

    const studio = await harness.open({ locale: lang, hash: '#/trust-stores', home: join(dir, `p12-home-${lang}`) });
    const { page, dialogs } = studio;
    await page.getByTestId('screen-trust-stores').waitFor();
    const modal = page.getByRole('dialog');

    // cancel: the file is left out and the screen is as it was
    dialogs.nextPick = [p12];
    await page.getByTestId('truststore-add-files').click();
    await page.getByTestId('password-input').waitFor();
    expect(await modal.textContent()).toContain('partner-root.p12');
    await noEnglishLeft(page, lang);
    await studio.screenshot(`trust-stores-password-${lang}`);
    await page.getByRole('button', { name: lang === 'en' ? 'Cancel' : /取消/ }).click();
    await page.getByTestId('password-input').waitFor({ state: 'detached' });
    await page.getByTestId('truststore-empty').waitFor();
    expect(await page.getByTestId('truststore-files').count()).toBe(0);
    expect(await page.getByTestId('inspect-error').count()).toBe(0);

    // a wrong password is said inline and the dialog stays; the right one brings the CA into the bundle
    await page.getByTestId('truststore-add-files').click();
    await page.getByTestId('password-input').fill('not-the-password');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-wrong').waitFor();
    expect(await page.getByTestId('password-input').isVisible()).toBe(true);
    await noEnglishLeft(page, lang);
    await studio.screenshot(`trust-stores-password-wrong-${lang}`);
    await page.getByTestId('password-input').fill(password);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-input').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('truststore-certificates').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('truststore-certificates').locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringContaining('E2E Root CA'),
    ]);
    expect(await page.getByTestId('truststore-files').textContent()).toContain('partner-root.p12');
    expect(await page.getByTestId('inspect-error').count()).toBe(0);

    // the client test reads the bundle's encrypted file with the same password, without asking again
    dialogs.nextPick = [partner.cert];
    await page.getByTestId('truststore-client-file').click();
    await page.getByTestId('truststore-verdict-client').waitFor();
    expect(await page.getByTestId('password-input').count()).toBe(0);
    await noEnglishLeft(page, lang);
    await studio.screenshot(`trust-stores-password-opened-${lang}`, { fullPage: true });

    // with only PEM CAs left, an encrypted client PKCS#12 asks for its own password before it is tested
    await page.getByRole('button', { name: /partner-root\.p12/ }).click();
    dialogs.nextPick = [root.cert];
    await page.getByTestId('truststore-add-files').click();
    await expect.poll(() => page.getByTestId('truststore-files').textContent()).toContain('E2E Root CA.pem');
    const clientP12 = join(work, 'partner-client.p12');
    const clientPassword = `Client-${lang}-7`;
    openssl(['pkcs12', '-export', '-in', partner.cert, '-inkey', partner.key, '-out', clientP12, '-passout', `pass:${clientPassword}`]);
    dialogs.nextPick = [clientP12];
    await page.getByTestId('truststore-client-file').click();
    await page.getByTestId('password-input').fill('still-not-it');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-wrong').waitFor();
    await page.getByTestId('password-input').fill(clientPassword);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-input').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('truststore-verdict-client').textContent()).toContain('partner-client.p12');
    expect(await page.getByTestId('truststore-client-test').textContent()).toContain('E2E Partner');
    expect(await page.content()).not.toContain(password);
    expect(await page.content()).not.toContain(clientPassword);
    expect(studio.errors).toEqual([]);
  });
});
