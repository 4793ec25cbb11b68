import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, openssl, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { startHarness, type Harness, type Lang } from './harness';

const P12_PASSWORD = 'Kennwort-密码-2026';
const OUT_PASSWORD = 'export Pässword 42!';
const CN = 'p12 client';

const dir = useTempDir();
let harness: Harness;
let pki: TestPki;
let p12: string;
let chain: string;

beforeAll(async () => {
  mkdirSync(join(dir, 'pki'));
  pki = makeTestPki(join(dir, 'pki'), undefined, CN);
  chain = join(dir, 'pki', 'chain.pem');
  writeFileSync(chain, readFileSync(pki.intermediateCert, 'utf8') + readFileSync(pki.rootCert, 'utf8'));
  p12 = join(dir, 'client.p12');
  // OpenSSL 3 defaults: PBES2/AES-256 + HMAC-SHA256, with the whole chain
  openssl(['pkcs12', '-export', '-in', pki.leafCert, '-inkey', pki.leafKey, '-certfile', chain, '-name', 'partner-a', '-passout', `pass:${P12_PASSWORD}`, '-out', p12]);
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const WRONG: Record<Lang, string> = { en: 'Wrong password', 'zh-CN': '密码错误', 'zh-TW': '密碼錯誤' };

describe.each(['en', 'zh-CN', 'zh-TW'] as Lang[])('a password-protected PKCS#12 in %s', (lang) => {
  it('asks for the password, keeps the dialog open on a wrong one, then shows the identity', async () => {
    const studio = await harness.open({ locale: lang });
    const { page } = studio;
    await studio.drop([p12]);
    const modal = page.getByRole('dialog');
    await modal.waitFor();
    expect(await modal.textContent()).toContain('client.p12');
    // the field has focus: typing and Enter submit
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('password-input');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    await page.getByTestId('password-wrong').waitFor();
    expect(await page.getByTestId('password-wrong').textContent()).toContain(WRONG[lang]);
    expect(await modal.isVisible()).toBe(true);
    await studio.screenshot(`inspect-password-error-${lang}`);

    await page.getByTestId('password-input').fill(P12_PASSWORD);
    await page.getByTestId('password-input').press('Enter');
    await modal.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('inspect').getAttribute('data-state')).toBe('loaded');
    const leaf = page.getByTestId('certificate-card').first();
    expect(await leaf.getByTestId('certificate-cn').textContent()).toBe(CN);
    expect(await leaf.locator('[data-fingerprint="SHA-256"]').getAttribute('data-hex')).toBe(opensslFingerprint(pki.leafCert));
    expect(await page.locator('[data-format]').first().getAttribute('data-format')).toBe('pkcs12');
    expect(await page.getByTestId('chain-link').count()).toBe(3);
    expect(studio.errors).toEqual([]);
  });
});

describe('Save as…', () => {
  it('PKCS#12 modern: the output password is asked twice, main saves where the dialog says, openssl reads it back', async () => {
    const studio = await harness.open({ locale: 'en' });
    const { page, dialogs } = studio;
    await studio.drop([pki.leafCert, pki.leafKey, chain]);
    await page.getByTestId('report').waitFor();

    const out = join(dir, 'saved.p12');
    dialogs.nextSavePath = out;
    await page.getByTestId('save-as').click();
    await page.locator('[data-choice="p12-modern"]').click();
    await page.getByTestId('p12-modal').getByTestId('p12-password').waitFor();
    await page.getByTestId('p12-password').fill(OUT_PASSWORD);
    await page.getByTestId('p12-confirm').fill('something else');
    expect(await page.getByTestId('p12-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('password-strength').textContent()).toBe('Strong.');
    await page.getByTestId('p12-confirm').fill(OUT_PASSWORD);
    await studio.screenshot('export-p12-password-en');
    await page.getByTestId('p12-confirm').press('Enter');

    await page.getByTestId('export-saved').waitFor();
    expect(await page.locator(`[data-written="${out}"]`).count()).toBe(1);
    await studio.screenshot('export-saved-en');
    expect(dialogs.saveRequests).toEqual([{ suggestedName: `${CN}.p12`, format: 'p12' }]);
    expect(statSync(out).mode & 0o777).toBe(0o600);

    // read back by OpenSSL 3 without -legacy: the same leaf, and the key
    const pem = openssl(['pkcs12', '-in', out, '-passin', `pass:${OUT_PASSWORD}`, '-nodes']);
    expect(pem).toMatch(/-----BEGIN PRIVATE KEY-----/);
    writeFileSync(join(dir, 'back-leaf.pem'), openssl(['pkcs12', '-in', out, '-passin', `pass:${OUT_PASSWORD}`, '-nokeys', '-clcerts']));
    expect(opensslFingerprint(join(dir, 'back-leaf.pem'))).toBe(opensslFingerprint(pki.leafCert));
    expect(studio.errors).toEqual([]);
  });

  it('a dismissed save dialog does nothing; PEM with the key unencrypted warns first', async () => {
    const studio = await harness.open({ locale: 'zh-CN' });
    const { page, dialogs } = studio;
    await studio.drop([pki.leafCert, pki.leafKey, chain]);
    await page.getByTestId('report').waitFor();

    dialogs.nextSavePath = null;
    await page.getByTestId('save-as').click();
    await page.locator('[data-choice="der"]').click();
    await expect.poll(() => dialogs.saveRequests.length).toBe(1);
    expect(await page.getByTestId('export-saved').count()).toBe(0);
    expect(await page.getByTestId('inspect-error').count()).toBe(0);

    const out = join(dir, 'identity.pem');
    dialogs.nextSavePath = out;
    await page.getByTestId('save-as').click();
    await page.locator('[data-choice="pem"]').click();
    await page.getByTestId('pem-include-key').check();
    await page.getByTestId('pem-unencrypted-warning').waitFor();
    await studio.screenshot('export-pem-zh-CN');
    await page.getByTestId('pem-submit').click();
    await page.getByTestId('export-saved').waitFor();
    const written = readFileSync(out, 'utf8');
    expect(written.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
    expect(written).toMatch(/BEGIN PRIVATE KEY/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });
});
