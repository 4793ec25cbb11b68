import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { StudioPage } from './harness';

/** Steps on the Test console page that its e2e tests share. */

export const option = (page: Page, value: string) => page.locator(`[role="option"][value="${value}"]`);

export async function setUrl(page: Page, url: string) {
  await page.getByTestId('url').fill(url);
}

/** trusts a server CA through the scripted open dialog (advanced options → Add CA files…) */
export async function trustServerCa(studio: StudioPage, caFile: string) {
  studio.dialogs.nextPick = [caFile];
  await studio.page.getByTestId('advanced-toggle').click();
  await studio.page.getByTestId('ca-pick').click();
  await expect.poll(() => studio.page.getByTestId('ca-files').innerText()).toContain(caFile.split('/').pop()!);
  await studio.page.getByTestId('advanced-toggle').click();
}

export async function chooseFiles(studio: StudioPage, paths: string[]) {
  studio.dialogs.nextPick = paths;
  await studio.page.getByTestId('identity-select').click();
  await option(studio.page, 'files').click();
  await expect.poll(() => studio.page.getByTestId('identity-files').innerText()).toContain(paths[0]!.split('/').pop()!);
}

export async function chooseNone(page: Page) {
  await page.getByTestId('identity-select').click();
  await option(page, 'none').click();
}

/** sends and waits for a new result; returns the verdict's code */
export async function send(page: Page, how: 'button' | 'keys' = 'button'): Promise<string> {
  const before = await page
    .getByTestId('result')
    .getAttribute('data-run')
    .catch(() => null);
  if (how === 'keys') await page.getByTestId('url').press('Control+Enter');
  else await page.getByTestId('send').click();
  // the pointer leaves the button, so its tooltip does not cover the screenshots
  await page.mouse.move(1, 1);
  await expect
    .poll(
      async () =>
        (await page.getByTestId('result').count()) > 0 &&
        (await page.getByTestId('result').getAttribute('data-run')) !== before,
      { timeout: 30_000 },
    )
    .toBe(true);
  return (await page.getByTestId('verdict').getAttribute('data-code')) ?? '';
}
