/**
 * The issued-certificates table of a CA that issued thousands: the built renderer in Chromium on the real services
 * (keys in a real gnome-keyring). Only the rows in view exist in the DOM; scrolling reaches the last certificate,
 * search finds one far down, and its row actions still revoke it. Screenshots go to test-results/screens.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/core';
import { useKeyring } from '../helpers/keyring';
import { useTempDir } from '../helpers/tmp';
import { startHarness, type Harness } from './harness';
import { issueMany, seededDevice, seededSubject } from './issued-registry-seed';
import { untranslatedText } from './untranslated';
import { truncatedWithoutTooltip } from './vault-page';

const dir = useTempDir();
useKeyring();
let harness: Harness;
let home: string;
let serials: string[];

const CA = 'Fleet Issuing CA';
const SEEDED = 3000;
/** one identity issued through the service first: a named row with an 80-character DN at the top */
const LONG_DN = 'CN=partner-a.settlement.example.com,OU=Cross-border Payments,O=Partner A AG,C=DE';
const TOTAL = SEEDED + 1;
const MAX_ROWS_IN_DOM = 60;

beforeAll(async () => {
  home = join(dir, 'home');
  mkdirSync(home);
  const services = createServices({ home });
  await services.ca.create({ name: CA, subject: `CN=${CA},O=Acme Logistics GmbH` });
  await services.ca.issue(CA, { name: 'partner-a', type: 'client', subject: LONG_DN });
  const started = performance.now();
  serials = await issueMany(home, CA, SEEDED);
  console.log(`[authorities e2e] ${SEEDED} certificates signed and registered in ${(performance.now() - started).toFixed(0)} ms`);
  // what the app will list, read back through the service (schema-checked registry)
  expect(await services.ca.issued(CA)).toHaveLength(TOTAL);
  harness = await startHarness();
}, 180_000);
afterAll(async () => {
  await harness?.close();
});

/** a serial as certificate viewers print it: upper-case byte pairs with colons */
const colonSerial = (hex: string) => hex.padStart(hex.length + (hex.length % 2), '0').toUpperCase().match(/../g)!.join(':');
const rowsInDom = (page: Page) => page.getByTestId('issued-row').count();

describe.each([
  ['en', 2800],
  ['zh-CN', 2900],
] as const)('%s: a CA with thousands of issued certificates', (lang, farDown) => {
  it('keeps only the rows in view in the DOM, scrolls to the last, finds and revokes one far down', async () => {
    const studio = await harness.open({ locale: lang, hash: '#/authorities', home });
    const { page } = studio;
    const table = page.getByTestId('issued-table');
    await expect.poll(() => table.getAttribute('data-rows'), { timeout: 30_000 }).toBe(String(TOTAL));
    await page.getByTestId('issued-row').first().waitFor();
    expect(await page.getByRole('table').getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    const first = await rowsInDom(page);
    expect(first).toBeGreaterThan(5);
    expect(first).toBeLessThan(MAX_ROWS_IN_DOM);
    // the first row is the identity issued through the service, its long DN cut to two lines with the whole DN as title
    const top = page.locator('[data-testid="issued-row"][aria-rowindex="2"]');
    expect(await top.getByTestId('issued-name').textContent()).toBe('partner-a');
    expect(await top.locator(`[title="${LONG_DN}"]`).count()).toBe(1);
    expect(await truncatedWithoutTooltip(page, '[data-testid="issued-table"]')).toEqual([]);
    if (lang !== 'en') expect(await untranslatedText(page, [CA, 'Acme Logistics GmbH', 'partner-a'])).toEqual([]);
    await page.mouse.move(0, 0);
    await studio.screenshot(`authorities-issued-many-${lang}`, { fullPage: true });

    // Tab walks from row to row past the ones first rendered: each row's menu button, the list scrolling along
    await top.getByTestId('issued-actions').focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid="issued-row"]')?.getAttribute('aria-rowindex'));
    expect(focused).toBe('42');
    expect(await rowsInDom(page)).toBeLessThan(MAX_ROWS_IN_DOM);

    // scrolling through the whole list in steps never holds more than a screenful of rows
    const most = await page.getByTestId('issued-scroller').evaluate(async (scroller) => {
      let rows = 0;
      for (let step = 1; step <= 20; step++) {
        scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * (step / 20);
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        rows = Math.max(rows, scroller.querySelectorAll('[data-testid="issued-row"]').length);
      }
      return rows;
    });
    expect(most).toBeLessThan(MAX_ROWS_IN_DOM);
    const last = page.locator(`[data-testid="issued-row"][aria-rowindex="${TOTAL + 1}"]`);
    await last.waitFor();
    expect(await last.getAttribute('data-serial')).toBe(serials[SEEDED - 1]);
    expect(await last.locator(`[title="${seededSubject(SEEDED - 1)}"]`).count()).toBe(1);
    expect(await rowsInDom(page)).toBeLessThan(MAX_ROWS_IN_DOM);
    // the header stays in place above the scrolled rows
    expect(await page.getByRole('columnheader').first().isVisible()).toBe(true);
    await studio.screenshot(`authorities-issued-many-end-${lang}`, { fullPage: true });

    // search by device name finds one far down; by serial (colon spelling) too
    const search = page.getByTestId('issued-search');
    await search.fill(seededDevice(farDown));
    await expect.poll(() => table.getAttribute('data-rows')).toBe('1');
    expect(await page.getByTestId('issued-row').getAttribute('data-serial')).toBe(serials[farDown]);
    await search.fill(colonSerial(serials[farDown - 1]!));
    await expect.poll(() => page.getByTestId('issued-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-serial')))).toEqual([serials[farDown - 1]]);

    // the row's actions by keyboard: Tab to its menu, Enter opens it, revoke goes through the real service
    await search.fill(seededDevice(farDown));
    await expect.poll(() => table.getAttribute('data-rows')).toBe('1');
    await page.getByTestId('issued-actions').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('issued-revoke').click();
    await page.getByTestId('revoke-submit').click();
    await page.getByTestId('revoke-modal').waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => page.getByTestId('issued-row').getAttribute('data-status')).toBe('revoked');
    const [revoked] = await createServices({ home }).ca.issued(CA, seededDevice(farDown));
    expect(revoked).toMatchObject({ serial: serials[farDown], status: 'revoked' });

    await search.fill('');
    await expect.poll(() => table.getAttribute('data-rows')).toBe(String(TOTAL));
    expect(await rowsInDom(page)).toBeLessThan(MAX_ROWS_IN_DOM);
    expect(studio.errors).toEqual([]);
  }, 120_000);
});
