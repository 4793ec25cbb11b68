/**
 * Clicking an expiry notification opens the identity: main's event (studio:expiry.openIdentity) reaches the
 * renderer on another screen; it takes the request, switches to Identities and opens that identity's drawer.
 * The harness has no Electron notifications, so the test plays main: it answers takeOpenRequest with the id
 * (as main's handler does after a click, see test/main/expiry-watch.test.ts) and emits the event.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServices } from '../../electron/core';
import { useKeyring } from '../helpers/keyring';
import { useTempDir } from '../helpers/tmp';
import { importFiles } from '../helpers/vault';
import { startHarness, type Harness } from './harness';
import { makeFixtures, type Fixtures } from './vault-fixtures';

useKeyring();
const dir = useTempDir('mtls-studio-expiry-open-');
let harness: Harness;
let fx: Fixtures;

beforeAll(async () => {
  fx = makeFixtures(join(dir, 'pki'));
  harness = await startHarness();
}, 120_000);
afterAll(async () => {
  await harness?.close();
});

it('a notification click while on Settings shows Identities with that identity open', async () => {
  const home = join(dir, 'data');
  const services = createServices({ home });
  await importFiles(services, [fx.other.cert, fx.other.key]);
  const soon = await importFiles(services, [fx.soon.cert, fx.soon.key]);
  const studio = await harness.open({ locale: 'en', home, hash: '#/settings' });
  const { page } = studio;
  await page.getByTestId('screen-settings').waitFor();
  // the Settings card that holds the threshold and the switch, as the user reads it (and in Chinese below)
  await studio.screenshot('expiry-settings-en');
  await page.evaluate((id) => {
    const api = (window as unknown as { studio: { expiry: { takeOpenRequest: () => Promise<unknown> } } }).studio;
    let waiting: string | null = id;
    api.expiry.takeOpenRequest = async () => {
      const value = waiting === null ? null : { id: waiting };
      waiting = null;
      return { ok: true, value };
    };
    (window as unknown as { __studioEmit(event: string, payload: unknown): void }).__studioEmit('studio:expiry.openIdentity', { id });
  }, soon.id);
  await page.getByTestId('screen-identities').waitFor();
  await expect.poll(() => page.getByTestId('drawer-name').textContent()).toBe('Expiring soon');
  expect(page.url()).toMatch(/#\/identities$/);
  await page.getByTestId('expiry-badge').waitFor();
  expect(await page.getByTestId('expiry-badge').getAttribute('data-count')).toBe('1');
  expect(studio.errors).toEqual([]);
});

it('the Settings card in Simplified Chinese says when the check runs', async () => {
  const studio = await harness.open({ locale: 'zh-CN', home: join(dir, 'data'), hash: '#/settings' });
  await studio.page.getByTestId('screen-settings').waitFor();
  expect(await studio.page.getByTestId('screen-settings').textContent()).toContain('每 12 小时检查一次');
  await studio.screenshot('expiry-settings-zh-CN');
});
