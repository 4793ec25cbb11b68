/**
 * "Where installed" in the identity drawer, end to end: the built renderer in Chromium, bound to the real services
 * through the real IPC gateway; the stores are a fresh ~/.pki/nssdb and a Firefox profile (from a profiles.ini)
 * in a temporary HOME, changed by the real pk12util/certutil. Install and Remove from the drawer are checked with
 * certutil itself. Screenshots in English, 简体中文 and 繁體中文.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/core';
import { useKeyring } from '../helpers/keyring';
import { useTempDir } from '../helpers/tmp';
import { importFiles } from '../helpers/vault';
import { startHarness, type Harness, type Lang } from './harness';
import { untranslatedText } from './untranslated';
import { LONG_CN, makeFixtures, type Fixtures } from './vault-fixtures';
import { DATA, openDrawer, overflowing } from './vault-page';

useKeyring();
const dir = useTempDir('mtls-studio-install-e2e-');
const userHome = join(dir, 'user');
const sharedDb = join(userHome, '.pki', 'nssdb');
const PROFILE_NAME = 'default-release';
const profile = join(userHome, '.mozilla', 'firefox', 'q1w2e3r4.default-release');
const previousHome = process.env.HOME;
let harness: Harness;
let fx: Fixtures;

const certutilList = (db: string) => spawnSync('certutil', ['-L', '-d', `sql:${db}`], { encoding: 'utf8' }).stdout;

beforeAll(async () => {
  mkdirSync(profile, { recursive: true });
  writeFileSync(join(userHome, '.mozilla', 'firefox', 'profiles.ini'), `[Profile0]\nName=${PROFILE_NAME}\nIsRelative=1\nPath=q1w2e3r4.default-release\nDefault=1\n`);
  // the services the harness creates find the stores through HOME, as the app does
  process.env.HOME = userHome;
  fx = makeFixtures(join(dir, 'pki'));
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
  process.env.HOME = previousHome;
});

/** store names, paths and nicknames are data inside translated sentences */
const data = (nickname: string) => [...DATA, sharedDb, profile, nickname, PROFILE_NAME, 'Firefox', 'NSS', 'Chrome', 'Chromium', 'Safari', 'Edge', 'macOS', 'Windows', 'mTLS Studio'].sort((a, b) => b.length - a.length);

async function rowStatus(page: Page, kind: string): Promise<string | null> {
  return page.getByTestId('store-row').and(page.locator(`[data-kind="${kind}"]`)).getAttribute('data-status');
}

async function tour(lang: Lang, full: boolean): Promise<void> {
  const home = join(dir, `data-${lang}`);
  const identity = await importFiles(createServices({ home }), [fx.long.cert, fx.long.key]);
  const nickname = `${LONG_CN} (mTLS Studio ${identity.certificateSha256.slice(0, 8)})`;
  const studio = await harness.open({ locale: lang, home });
  const { page } = studio;
  await openDrawer(page, LONG_CN);
  const section = page.getByTestId('where-installed');
  await section.getByTestId('store-row').nth(1).waitFor({ timeout: 20_000 });
  expect(await section.getByTestId('store-row').count()).toBe(2);
  expect(await rowStatus(page, 'nss')).toBe('notInstalled');
  expect(await rowStatus(page, 'firefox')).toBe('notInstalled');
  expect(await overflowing(page, '[data-testid="where-installed"]')).toEqual([]);
  if (lang !== 'en') expect(await untranslatedText(page, data(nickname))).toEqual([]);
  await section.scrollIntoViewIfNeeded();
  await studio.screenshot(`install-drawer-${lang}`);

  // Install into the shared NSS database: certutil (not our code) sees it; the row says so, read live
  await section.locator('[data-kind="nss"]').getByTestId('store-install').click();
  await expect.poll(() => rowStatus(page, 'nss'), { timeout: 20_000 }).toBe('installed');
  expect(certutilList(sharedDb)).toContain(nickname);
  if (full) {
    await section.locator('[data-kind="firefox"]').getByTestId('store-install').click();
    await expect.poll(() => rowStatus(page, 'firefox'), { timeout: 20_000 }).toBe('installed');
    expect(certutilList(profile)).toContain(nickname);
  }
  expect(await overflowing(page, '[data-testid="where-installed"]')).toEqual([]);
  if (lang !== 'en') expect(await untranslatedText(page, data(nickname))).toEqual([]);
  await section.scrollIntoViewIfNeeded();
  await studio.screenshot(`install-drawer-installed-${lang}`);

  // "Remove from …" takes certificate and key out again
  await section.locator('[data-kind="nss"]').getByTestId('store-remove').click();
  await expect.poll(() => rowStatus(page, 'nss'), { timeout: 20_000 }).toBe('notInstalled');
  expect(certutilList(sharedDb)).not.toContain(nickname);
  if (full) {
    await section.locator('[data-kind="firefox"]').getByTestId('store-remove').click();
    await expect.poll(() => rowStatus(page, 'firefox'), { timeout: 20_000 }).toBe('notInstalled');
    expect(certutilList(profile)).not.toContain(nickname);
  }
  expect(studio.errors).toEqual([]);
  await studio.context.close();
}

describe('Where installed (identity drawer)', () => {
  it('en: install into the shared NSS database and a Firefox profile, then remove from both', async () => {
    await tour('en', true);
  });
  it('zh-CN: the same, in Simplified Chinese', async () => {
    await tour('zh-CN', true);
  });
  it('zh-TW: installed and removed again', async () => {
    await tour('zh-TW', false);
  });
});
