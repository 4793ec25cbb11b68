import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { startHarness, type Harness, type StudioPage } from './harness';

/**
 * Files the OS hands to the app — "Open with", a drop on the dock or taskbar icon, a second launch, File → Open
 * Files… — reach the renderer through main's inbox (electron/main/opened-files.ts): taken on start-up, or pushed
 * as the studio:app.filesOpened event. Either way Inspect opens them, from whatever screen the user is on.
 */
const dir = useTempDir();
let harness: Harness;
let pki: TestPki;

beforeAll(async () => {
  pki = makeTestPki(join(dir, '.'));
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function inspected(studio: StudioPage): Promise<string> {
  await expect.poll(() => studio.page.getByTestId('inspect').getAttribute('data-state'), { timeout: 15_000 }).toBe('loaded');
  return (await studio.page.getByTestId('certificate-card').first().locator('[data-fingerprint="SHA-256"]').getAttribute('data-hex')) ?? '';
}

describe('files opened from the OS', () => {
  it('shows the files the app was launched with as soon as the window is up', async () => {
    const studio = await harness.open({ locale: 'en', openedFiles: [pki.leafCert, pki.leafKey] });
    expect(await inspected(studio)).toBe(opensslFingerprint(pki.leafCert));
    expect(await studio.page.getByTestId('key-match').textContent()).toContain('Test Client');
    expect(studio.errors).toEqual([]);
  });

  it('switches to Inspect and shows files opened while the app runs on another screen', async () => {
    const studio = await harness.open({ locale: 'zh-CN', hash: '#/settings' });
    await studio.page.getByTestId('screen-identities').waitFor({ state: 'hidden' });
    studio.openWithApp([pki.intermediateCert]);
    await expect.poll(() => studio.page.evaluate(() => window.location.hash), { timeout: 10_000 }).toBe('#/identities');
    expect(await inspected(studio)).toBe(opensslFingerprint(pki.intermediateCert));
    await studio.screenshot('opened-files-zh-CN');
    // a second batch replaces the first inspection
    studio.openWithApp([pki.rootCert]);
    await expect.poll(() => studio.page.getByTestId('certificate-card').first().locator('[data-fingerprint="SHA-256"]').getAttribute('data-hex'), { timeout: 10_000 }).toBe(opensslFingerprint(pki.rootCert));
    expect(studio.errors).toEqual([]);
  });
});
