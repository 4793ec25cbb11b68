import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { startHarness, type Harness, type Lang, type StudioPage } from './harness';
import { untranslatedText } from './untranslated';

/**
 * 64 characters, the most X.509 allows in a CN (openssl refuses longer); with O=… the subject DN is 85+ characters,
 * to prove that long names wrap inside their card instead of overflowing it.
 */
const LONG_CN = 'payments-gateway-production-client.partner-integration.example.c';
const CHINESE_CN = '杭州示例科技有限公司 支付网关客户端证书';

const dir = useTempDir();
let harness: Harness;
let ec: TestPki;
let rsa: TestPki;
let ecChain: string;
let rsaChain: string;
let garbage: string;

beforeAll(async () => {
  ec = makeTestPki(join(dir, mk('ec')), undefined, LONG_CN);
  rsa = makeTestPki(join(dir, mk('rsa')), ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], CHINESE_CN);
  ecChain = chainFile(ec);
  rsaChain = chainFile(rsa);
  garbage = join(dir, 'notes.bin');
  writeFileSync(garbage, 'this is not a certificate, just some bytes\n'.repeat(8));
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

function mk(name: string): string {
  mkdirSync(join(dir, name));
  return name;
}

function chainFile(pki: TestPki): string {
  const file = join(pki.dir, 'chain.pem');
  writeFileSync(file, readFileSync(pki.intermediateCert, 'utf8') + readFileSync(pki.rootCert, 'utf8'));
  return file;
}

async function loaded(studio: StudioPage): Promise<void> {
  await expect.poll(() => studio.page.getByTestId('inspect').getAttribute('data-state'), { timeout: 15_000 }).toMatch(/loaded|failed/);
  expect(await studio.page.getByTestId('inspect').getAttribute('data-state')).toBe('loaded');
}

/** the leaf → root chain, the three cards in that order, and the leaf's fingerprint as openssl prints it */
async function expectFullIdentity(studio: StudioPage, pki: TestPki, cn: string): Promise<void> {
  const { page } = studio;
  expect(await page.getByTestId('chain-link').count()).toBe(3);
  expect(await page.getByTestId('chain-broken').count()).toBe(0);
  expect(await page.getByTestId('chain-complete').count()).toBe(1);
  const cards = page.getByTestId('certificate-card');
  expect(await cards.count()).toBe(3);
  expect(await cards.getByTestId('certificate-cn').allTextContents()).toEqual([cn, 'Test Intermediate CA', 'Test Root CA']);
  expect(await cards.first().locator('[data-role]').first().getAttribute('data-role')).toBe('leaf');
  expect(await cards.first().locator('[data-fingerprint="SHA-256"]').getAttribute('data-hex')).toBe(opensslFingerprint(pki.leafCert));
  expect(await cards.nth(2).locator('[data-fingerprint="SHA-256"]').getAttribute('data-hex')).toBe(opensslFingerprint(pki.rootCert));
  // the key is paired with the leaf
  expect(await page.getByTestId('key-match').textContent()).toContain(cn);
  expect(await page.locator('[data-format]').evaluateAll((b) => b.map((e) => e.getAttribute('data-format')))).toEqual(['pem', 'pem', 'pem']);
  // nothing is wider than the window: long DNs and fingerprints wrap
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe('inspecting leaf.crt + leaf.key + chain.pem', () => {
  it('en: dropped files show the chain, the cards, the fingerprints and no findings', async () => {
    const studio = await harness.open({ locale: 'en' });
    await studio.drop([ec.leafCert, ec.leafKey, ecChain]);
    await loaded(studio);
    await expectFullIdentity(studio, ec, LONG_CN);
    expect(await studio.page.getByTestId('findings-none').count()).toBe(1);
    expect(await studio.page.getByTestId('certificate-key').first().textContent()).toBe('EC P-256');
    const badge = studio.page.getByTestId('certificate-card').first().locator('[data-validity]');
    expect(await badge.getAttribute('data-validity')).toBe('valid');
    expect(await badge.textContent()).toMatch(/^36[45] days left$/);
    await studio.page.getByTestId('certificate-card').first().getByRole('button', { name: 'All details' }).click();
    await studio.page.getByTestId('certificate-details').first().waitFor();
    expect(await studio.page.getByTestId('certificate-details').first().textContent()).toContain('client.example.com');
    await studio.screenshot('inspect-en', { fullPage: true });
    expect(studio.errors).toEqual([]);
  });

  it('zh-CN: "Choose files…" goes through the native dialog; a Chinese CN is shown intact', async () => {
    const studio = await harness.open({ locale: 'zh-CN' });
    studio.dialogs.nextPick = [rsa.leafCert, rsa.leafKey, rsaChain];
    await studio.page.getByTestId('choose-files').click();
    await loaded(studio);
    await expectFullIdentity(studio, rsa, CHINESE_CN);
    expect(await studio.page.getByTestId('certificate-key').first().textContent()).toBe('RSA 2048');
    expect(await untranslatedText(studio.page, [CHINESE_CN, 'Test Intermediate CA', 'Test Root CA', 'mTLS Studio Tests', 'client.example.com', 'client@example.com'])).toEqual([]);
    await studio.screenshot('inspect-zh-CN', { fullPage: true });
    expect(studio.errors).toEqual([]);
  });

  it('zh-TW: the same files, dropped', async () => {
    const studio = await harness.open({ locale: 'zh-TW' });
    await studio.drop([ec.leafCert, ec.leafKey, ecChain]);
    await loaded(studio);
    await expectFullIdentity(studio, ec, LONG_CN);
    expect(await studio.page.getByText('剩餘').first().isVisible()).toBe(true);
    await studio.screenshot('inspect-zh-TW', { fullPage: true });
  });

  it('dark mode follows the OS', async () => {
    const studio = await harness.open({ locale: 'en', colorScheme: 'dark' });
    expect(await studio.page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await studio.drop([ec.leafCert, ec.leafKey, ecChain]);
    await loaded(studio);
    await studio.screenshot('inspect-dark-en', { fullPage: true });
  });
});

describe('what is wrong, said in each language', () => {
  it('a leaf without its issuer: the broken link and the CHAIN_INCOMPLETE finding with its hint', async () => {
    const studio = await harness.open({ locale: 'en' });
    await studio.drop([ec.leafCert, ec.leafKey]);
    await loaded(studio);
    expect(await studio.page.getByTestId('chain-link').count()).toBe(1);
    expect(await studio.page.getByTestId('chain-broken').count()).toBe(1);
    const finding = studio.page.locator('[data-testid="finding"][data-code="CHAIN_INCOMPLETE"]');
    expect(await finding.textContent()).toContain(`The chain of ${LONG_CN} is incomplete`);
    expect(await finding.textContent()).toContain('Test Intermediate CA');
    await studio.screenshot('inspect-incomplete-en', { fullPage: true });

    // Clear forgets the inspection in main and returns to the empty state
    await studio.page.getByTestId('clear').click();
    expect(await studio.page.getByTestId('inspect').getAttribute('data-state')).toBe('empty');
  });

  it('a lone certificate: key-requiring formats are disabled, with the reason', async () => {
    const studio = await harness.open({ locale: 'zh-CN' });
    await studio.drop([ec.leafCert]);
    await loaded(studio);
    await studio.page.getByTestId('save-as').click();
    const menu = studio.page.getByTestId('save-as-menu');
    await menu.waitFor();
    for (const id of ['p12-modern', 'p12-compat', 'acm']) expect(await menu.locator(`[data-choice="${id}"]`).isDisabled()).toBe(true);
    for (const id of ['pem', 'der', 'p7b']) expect(await menu.locator(`[data-choice="${id}"]`).isEnabled()).toBe(true);
    await menu.locator('[data-disabled-choice="p12-modern"]').hover();
    await studio.page.getByText('需要私钥', { exact: false }).first().waitFor();
    await studio.screenshot('save-as-menu-no-key-zh-CN');
  });

  for (const [lang, text] of [
    ['en', 'notes.bin is not a certificate, key or PKCS#12 file.'],
    ['zh-CN', 'notes.bin 不是证书、私钥或 PKCS#12 文件。'],
    ['zh-TW', 'notes.bin 不是憑證、金鑰或 PKCS#12 檔案。'],
  ] as [Lang, string][]) {
    it(`${lang}: a file that is not a certificate gives a translated error naming the file`, async () => {
      const studio = await harness.open({ locale: lang });
      await studio.drop([garbage]);
      const alert = studio.page.getByTestId('inspect-error');
      await alert.waitFor();
      expect(await alert.getAttribute('data-code')).toBe('UNSUPPORTED_FORMAT');
      expect(await alert.textContent()).toContain(text);
      if (lang !== 'en') expect(await untranslatedText(studio.page, ['notes.bin'])).toEqual([]);
      await studio.screenshot(`inspect-error-${lang}`);
    });
  }
});
