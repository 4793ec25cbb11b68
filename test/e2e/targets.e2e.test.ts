import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labEndpointFacts, type LabEndpointId } from '../../electron/core';
import { makeTestPki, openssl, opensslFingerprint } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { LANGUAGES, startHarness, type Harness, type Lang } from './harness';
import { untranslatedText } from './untranslated';

/**
 * Targets & lab in real Chromium, behind the real IPC gateway: the target knowledge and the filled-in AWS CLI
 * commands, the mTLS header decoder on headers built from a real certificate (with an 80-character DN), and the
 * real local lab — started from the screen, one endpoint opened in the Test console and probed, then stopped.
 */

const dir = useTempDir('mtls-targets-e2e-');
const LONG_CN = 'Payments Partner Integration Client Certificate for Settlement';
let harness: Harness;
let leafPem: string;
let leafSha: string;
let partnerRoot: string;
const previousHome = process.env.MTLS_STUDIO_HOME;

const albEncode = (pem: string) => pem.replace(/[^A-Za-z0-9+/=_.~-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

beforeAll(async () => {
  // the lab writes its CA and sample identities under the data home: a private one for this test
  process.env.MTLS_STUDIO_HOME = join(dir, 'home');
  const pki = makeTestPki(dir, ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], LONG_CN);
  leafPem = readFileSync(pki.leafCert, 'utf8');
  leafSha = opensslFingerprint(pki.leafCert);
  partnerRoot = pki.rootCert;
  expect(openssl(['x509', '-in', pki.leafCert, '-noout', '-subject']).length).toBeGreaterThan(80);
  harness = await startHarness();
}, 60_000);
afterAll(async () => {
  await harness?.close();
  if (previousHome === undefined) delete process.env.MTLS_STUDIO_HOME;
  else process.env.MTLS_STUDIO_HOME = previousHome;
});

async function fill(page: Page, field: string, value: string) {
  await page.locator(`input[data-field="${field}"]`).fill(value, { timeout: 5_000 });
}

const commandText = (page: Page, id: string) => page.locator(`[data-command="${id}"] .mantine-Code-root`).innerText({ timeout: 5_000 });

describe.each(LANGUAGES.map((lang) => [lang] as [Lang]))('Targets & lab (%s)', (lang) => {
  it('shows each target’s knowledge and builds the AWS CLI commands from the values typed', async () => {
    const studio = await harness.open({ locale: lang, hash: '#/targets' });
    const { page } = studio;
    await page.getByTestId('screen-targets').waitFor();
    await page.getByTestId('target-knowledge').waitFor();
    await fill(page, 'region', 'eu-west-1');
    await fill(page, 'bucket', 'partner-truststores');
    await fill(page, 'certFile', 'api.example.com.pem');
    await expect.poll(() => commandText(page, 'acm-import')).toContain('fileb://api.example.com.pem');
    expect(await commandText(page, 'acm-import')).toContain('--region eu-west-1');
    expect(await commandText(page, 's3-cp-bundle')).toContain('s3://partner-truststores/truststore/ca-bundle.pem');
    expect(await commandText(page, 'elbv2-create-listener')).toContain('Mode=verify,TrustStoreArn=');
    if (lang !== 'en') expect(await untranslatedText(page)).toEqual([]);
    await studio.screenshot(`targets-alb-${lang}`, { fullPage: true });

    // CloudFront in AWS China: IAM, the /cloudfront/ path
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^CloudFront$/ }).click({ timeout: 5_000 });
    await fill(page, 'region', 'cn-north-1');
    await fill(page, 'certificateName', 'www-example-cn');
    await expect.poll(() => commandText(page, 'iam-upload-server-certificate')).toContain('--path /cloudfront/www-example-cn/');
    expect(await page.getByTestId('placement').innerText()).toContain('arn:aws-cn');
    if (lang !== 'en') expect(await untranslatedText(page)).toEqual([]);
    await studio.screenshot(`targets-cloudfront-china-${lang}`, { fullPage: true });
    expect(studio.errors).toEqual([]);
  });

  it('decodes pasted ALB passthrough headers into the certificate they carried', async () => {
    const studio = await harness.open({ locale: lang, hash: '#/targets' });
    const { page } = studio;
    await page.getByRole('tab').nth(1).click();
    await page.getByTestId('header-decoder').locator('textarea').fill(`GET / HTTP/1.1\nHost: api.example.com\nX-Amzn-Mtls-Clientcert: ${albEncode(leafPem)}\n`);
    await page.getByTestId('decode-headers').click();
    await page.getByTestId('header-report').waitFor();
    const card = page.getByTestId('decoded-certificate').first();
    expect(await card.innerText()).toContain(LONG_CN);
    expect(await card.innerText()).toContain(leafSha);
    expect(await page.getByTestId('header-verdict').getAttribute('class')).toBeTruthy();
    if (lang !== 'en') expect(await untranslatedText(page, ['Host', LONG_CN])).toEqual([]);
    await studio.screenshot(`targets-headers-${lang}`, { fullPage: true });
    expect(studio.errors).toEqual([]);
  });

  it('starts the lab with a trusted CA file, opens an endpoint in the Test console, probes it, and stops the lab', async () => {
    const studio = await harness.open({ locale: lang, hash: '#/targets' });
    const { page } = studio;
    await page.getByRole('tab').nth(2).click();
    const panel = page.getByTestId('lab-panel');
    // the partner's bundle, chosen through the native picker, is trusted besides the lab CA
    studio.dialogs.nextPick = [partnerRoot];
    await page.getByTestId('lab-trust-add').click();
    await expect.poll(() => page.getByTestId('lab-trust-files').innerText()).toBe('root.crt');
    await studio.screenshot(`targets-lab-trust-${lang}`);
    await page.getByTestId('lab-start').click();
    await page.getByTestId('lab-running').waitFor({ timeout: 30_000 });
    expect(await panel.locator('[data-endpoint]').count()).toBe(10);
    expect(await page.getByTestId('lab-trust-files').getAttribute('title')).toBe(partnerRoot);
    const albTrusts = await panel.locator('[data-endpoint="alb-verify"] [data-testid="trusted-cas"]').innerText();
    expect(albTrusts).toContain('mTLS Studio Lab CA');
    expect(albTrusts).toContain('Test Root CA');
    expect(await panel.locator('[data-endpoint="alb-off"] [data-testid="trusted-cas"]').count()).toBe(0);
    // the open buttons stay inside the card at 1280 px
    const cardRight = await panel.evaluate((el) => el.getBoundingClientRect().right);
    for (const right of await panel.getByTestId('open-in-console').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right)))
      expect(right).toBeLessThanOrEqual(cardRight);
    // the Test console can use the client the lab intermediate issued
    await page.getByTestId('lab-identity').click();
    await page.locator('[role="option"][value="intermediate"]').waitFor();
    await page.keyboard.press('Escape');
    if (lang !== 'en') expect(await untranslatedText(page, [join(dir, 'home', 'lab')])).toEqual([]);
    await studio.screenshot(`targets-lab-${lang}`, { fullPage: true });

    // what each endpoint documents and assumes, in the UI language: the English lines are the CLI's, word for word
    for (const id of ['alb-verify', 'apigw-custom-domain']) {
      const row = panel.locator(`[data-endpoint="${id}"]`);
      await row.locator('.mantine-Spoiler-control').click();
      const lines = row.locator('[data-fact]');
      await expect.poll(() => lines.first().isVisible()).toBe(true);
      const { confirmed, assumed } = labEndpointFacts(id as LabEndpointId);
      expect(await lines.evaluateAll((items) => items.map((item) => item.getAttribute('data-fact')))).toEqual([...confirmed, ...assumed].map((fact) => fact.id));
      const shown = await lines.allInnerTexts();
      if (lang === 'en') expect(shown).toEqual([...confirmed, ...assumed].map((fact) => fact.text));
      else for (const text of shown) expect(text).toMatch(/[\u4e00-\u9fff]{2,}/);
      // every line is translated: no "in English" note
      expect(await row.getByTestId('lab-facts-english').count()).toBe(0);
    }
    // the header names stay as they are, kept from machine translation
    expect(await panel.locator('[data-fact="alb-verify-headers"] [translate="no"]').first().innerText()).toBe('X-Amzn-Mtls-Clientcert-Serial-Number');
    if (lang !== 'en') expect(await untranslatedText(page, [join(dir, 'home', 'lab')])).toEqual([]);
    await panel.locator('[data-endpoint="alb-verify"]').evaluate((row) => row.scrollIntoView({ block: 'center' }));
    await page.mouse.move(0, 0);
    await studio.screenshot(`targets-lab-facts-${lang}`);

    await panel.locator('[data-endpoint="alb-verify"] [data-testid="open-in-console"]').click();
    await page.getByTestId('screen-test-console').waitFor();
    expect(await page.getByTestId('url').inputValue()).toMatch(/^https:\/\/lab-alb-1234567890\.us-east-1\.elb\.amazonaws\.com:\d+\/$/);
    await page.getByTestId('send').click();
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-code'), { timeout: 20_000 }).toBe('MTLS_OK');
    await page.mouse.move(0, 0);
    await studio.screenshot(`targets-lab-console-${lang}`);

    // what the ALB forwarded, as the lab's echo backend answered it: decoded from the Test console's last response
    await page.locator('nav [data-screen="targets"]').click();
    await page.getByRole('tab').nth(1).click();
    await page.getByTestId('from-console').click();
    await page.getByTestId('decode-headers').click();
    await expect.poll(() => page.getByTestId('header-verdict').getAttribute('data-verdict')).toBe('alb-verified');
    expect(await page.getByTestId('decoded-certificate').first().innerText()).toContain('lab-client');
    await page.getByRole('tab').nth(2).click();
    await page.getByTestId('lab-running').waitFor();
    await page.getByTestId('lab-stop').click();
    await expect.poll(() => page.getByTestId('lab-running').count()).toBe(0);
    expect(studio.errors).toEqual([]);
  });
});
