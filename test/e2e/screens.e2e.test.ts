import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, startHarness, type Harness, type Lang } from './harness';
import { untranslatedText } from './untranslated';

const SCREENS = ['identities', 'test-console', 'authorities', 'trust-stores', 'targets', 'settings'] as const;

/** What the navigation must say in each language (the browser locale picks the language on first start). */
const NAV: Record<Lang, string[]> = {
  en: ['Identities', 'Test console', 'Authorities', 'Trust stores', 'Targets & lab', 'Settings'],
  'zh-CN': ['身份', '测试控制台', '证书颁发机构', '信任库', '目标与实验室', '设置'],
  'zh-TW': ['身分', '測試主控台', '憑證授權單位', '信任存放區', '目標與實驗室', '設定'],
};

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe.each(LANGUAGES)('every screen in %s', (lang) => {
  it('shows the translated navigation, opens every screen, and leaves no English behind', async () => {
    const studio = await harness.open({ locale: lang });
    const { page } = studio;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);

    const labels = await page.locator('nav [data-screen]').evaluateAll((items) =>
      items.map((item) => ({ id: item.getAttribute('data-screen'), label: item.querySelector('.mantine-NavLink-label')?.textContent ?? '' })),
    );
    expect(labels.map((l) => l.label)).toEqual(NAV[lang]);
    expect(labels.map((l) => l.id)).toEqual([...SCREENS]);

    for (const screen of SCREENS) {
      await page.locator(`nav [data-screen="${screen}"]`).click();
      await page.getByTestId(`screen-${screen}`).waitFor();
      expect(page.url()).toContain(`#/${screen}`);
      if (screen === 'identities') {
        // the empty Inspect area: the drop zone and "Choose files…"
        expect(await page.getByTestId('inspect').getAttribute('data-state')).toBe('empty');
        await expect.poll(() => page.getByTestId('choose-files').isVisible()).toBe(true);
      }
      if (lang !== 'en') expect(await untranslatedText(page)).toEqual([]);
      await studio.screenshot(`${screen}-${lang}`);
    }
    expect(studio.errors).toEqual([]);
  });
});

describe('settings', () => {
  it('switches the language at once, remembers it across reloads, and overrides the theme', async () => {
    const { page, errors, screenshot } = await harness.open({ locale: 'en', hash: '#/settings' });
    await page.locator('label', { hasText: '繁體中文' }).click();
    await expect.poll(() => page.locator('nav [data-screen="settings"]').innerText()).toBe('設定');
    await page.reload();
    await page.getByTestId('screen-settings').waitFor();
    expect(await page.locator('nav [data-screen="identities"]').innerText()).toBe('身分');

    await page.locator('label', { hasText: '深色' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await screenshot('settings-dark-zh-TW');
    expect(errors).toEqual([]);
  });

  it('shows the real app info from main', async () => {
    const { page } = await harness.open({ locale: 'en', hash: '#/settings' });
    await expect.poll(() => page.getByTestId('about-Version').textContent()).toBe('0.0.0-e2e');
  });
});
