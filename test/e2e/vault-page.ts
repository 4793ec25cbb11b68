/** What the vault e2e test asks of the page: steps of the wizard, rows, the drawer, and layout and language checks. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Lang } from './harness';
import { untranslatedText } from './untranslated';
import { LONG_CN } from './vault-fixtures';

/** values shown inside translated sentences: names, CNs, files, host examples, product names (longest first, so none is cut by a shorter one) */
export const DATA = ['Secret Service', 'GNOME Keyring, KeePassXC', 'gnome-keyring-daemon', 'Partner A', LONG_CN, 'Staging client', 'Expiring soon', 'Test Intermediate CA', 'Test Root CA', 'partner-a.p12', 'mTLS Studio Tests', 'api.example.com', '*.example.com:8443', '*.example.com', 'https://api.example.com/health', '*.partner-a.example', 'api.partner-a.example:443'].sort((a, b) => b.length - a.length);

export async function noEnglishLeft(page: Page, lang: Lang): Promise<void> {
  if (lang !== 'en') expect(await untranslatedText(page, DATA)).toEqual([]);
}

/** every piece of text in `scope` that is cut off (ellipsis) carries the whole value as a tooltip */
export async function truncatedWithoutTooltip(page: Page, scope: string): Promise<string[]> {
  return page.locator(scope).evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('p, span, div')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow === 'ellipsis' && !el.closest('[title]'))
      .map((el) => el.textContent ?? ''),
  );
}

/** nothing in `scope` is wider than its box */
export async function overflowing(page: Page, scope: string): Promise<string[]> {
  return page.locator(scope).evaluate((root) => {
    const box = root.getBoundingClientRect();
    return [...root.querySelectorAll<HTMLElement>('*')].filter((el) => el.getBoundingClientRect().right > box.right + 1 && el.getClientRects().length > 0).map((el) => `${el.tagName}.${el.className}`.slice(0, 80));
  });
}

export async function wizardStep(page: Page, step: string): Promise<void> {
  await page.getByTestId(`wizard-${step}`).waitFor({ timeout: 15_000 });
}

export async function rowByName(page: Page, name: string) {
  const row = page.getByTestId('identity-row').filter({ has: page.getByTestId('identity-name').getByText(name, { exact: true }) });
  await row.waitFor();
  return row;
}

export async function openDrawer(page: Page, name: string): Promise<void> {
  await (await rowByName(page, name)).click();
  await expect.poll(() => page.getByTestId('drawer-name').textContent()).toBe(name);
  await page.getByTestId('drawer-tabs').waitFor();
}

export async function closeDrawer(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.mantine-Drawer-content').waitFor({ state: 'hidden' });
}

