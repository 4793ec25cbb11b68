/**
 * The expiry reminder at app start: the real vault (keys in a real gnome-keyring), the real settings file, and
 * Electron's Notification from the Electron stand-in — once called directly, once through the real main entry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IdentitySummary } from '../../electron/common/dto/vault';
import { createServices } from '../../electron/core';
import { expiryMessage, languageForLocale, type ExpiryNotifierDeps } from '../../electron/main/expiry-notifier';
import { checkExpiry } from '../../electron/main/expiry-watch';
import { createSettingsStore } from '../../electron/main/settings-store';
import { useKeyring } from '../helpers/keyring';
import { useTempDir } from '../helpers/tmp';
import { importPartners, startMainEntry } from './expiry-fixtures';
import * as FakeElectron from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const dir = useTempDir();
useKeyring();
const DAY = 86_400_000;

let home: string;

/** one check with a fresh "already named today" log; resolves to how many identities the notification named */
async function notifyExpiringIdentities(deps: ExpiryNotifierDeps & { onClick(): void }): Promise<number> {
  const ids = new Set<string>();
  const log = { alreadyToday: () => new Set(ids), add: (_date: string, added: string[]) => added.forEach((id) => ids.add(id)) };
  return (await checkExpiry({ ...deps, log, onOpen: () => deps.onClick() })).length;
}
beforeAll(async () => {
  home = join(dir, 'home');
  await importPartners(createServices({ home }), dir);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

function run(options: { home?: string; now?: Date; locale?: string } = {}) {
  FakeElectron.resetFakeElectron();
  const clicks: number[] = [];
  const errors: string[] = [];
  const at = options.home ?? home;
  const notified = notifyExpiringIdentities({
    vault: createServices({ home: at, ...(options.now ? { now: () => options.now! } : {}) }).vault,
    settings: createSettingsStore(join(at, 'settings.json')),
    Notification: FakeElectron.Notification,
    systemLocale: options.locale ?? 'en-US',
    onClick: () => clicks.push(1),
    logger: { info: () => undefined, error: (event) => errors.push(event) },
  });
  return { notified, clicks, errors, shown: () => FakeElectron.Notification.shown.map((n) => n.options) };
}

describe('notifyExpiringIdentities', () => {
  it('names the identities within the default 30 days, soonest first, and brings the window up on click', async () => {
    const { notified, clicks, shown } = run();
    expect(await notified).toBe(2);
    expect(shown()).toEqual([{ title: '2 identities expire within 30 days', body: 'Partner very soon: 1 day left\nPartner soon: 9 days left' }]);
    FakeElectron.Notification.shown[0]!.emit('click');
    expect(clicks).toEqual([1]);
  });

  it("follows the threshold and language from Settings, else the OS locale's language", async () => {
    const settings = createSettingsStore(join(home, 'settings.json'));
    settings.update({ expiryThresholdDays: 365, language: 'zh-CN' });
    try {
      const { notified, shown } = run({ locale: 'en-US' });
      expect(await notified).toBe(3);
      expect(shown()[0]).toEqual({ title: '3 个身份将在 365 天内过期', body: 'Partner very soon：还剩 1 天\nPartner soon：还剩 9 天\nPartner later：还剩 199 天' });
    } finally {
      writeFileSync(join(home, 'settings.json'), JSON.stringify({ version: 1, expiry: { notify: true, thresholdDays: 5 }, language: null }));
    }
    const { notified, shown } = run({ locale: 'zh-HK' });
    expect(await notified).toBe(1);
    expect(shown()[0]?.title).toBe('1 個身分將在 5 天內到期');
    writeFileSync(join(home, 'settings.json'), JSON.stringify({ version: 1, expiry: { notify: true, thresholdDays: 30 }, language: null }));
  });

  it('stays silent when the reminder is off, nothing is due, or the OS has no notifications', async () => {
    const off = join(dir, 'home-off');
    mkdirSync(off);
    createSettingsStore(join(off, 'settings.json')).update({ expiryNotify: false });
    const quiet = run({ home: off });
    expect(await quiet.notified).toBe(0);

    const early = run({ now: new Date(Date.now() - 100 * DAY) });
    expect(await early.notified).toBe(0);
    expect(early.shown()).toEqual([]);

    FakeElectron.resetFakeElectron();
    FakeElectron.Notification.supported = false;
    const unsupported = notifyExpiringIdentities({
      vault: createServices({ home }).vault,
      settings: createSettingsStore(join(home, 'settings.json')),
      Notification: FakeElectron.Notification,
      systemLocale: 'en',
      onClick: () => undefined,
    });
    expect(await unsupported).toBe(0);
    expect(FakeElectron.Notification.shown).toEqual([]);
  });

  it('says "expired" for expired identities and counts what it does not list', async () => {
    const { notified, shown } = run({ now: new Date(Date.now() + 60 * DAY) });
    expect(await notified).toBe(2);
    expect(shown()[0]?.body).toBe('Partner very soon: expired\nPartner soon: expired');
    const many = Array.from({ length: 5 }, (_, i) => ({ name: `P${i}`, daysLeft: i - 1 }) as IdentitySummary);
    expect(expiryMessage(many, 30, 'en').body).toBe('P0: expired\nP1: expires today\nP2: 1 day left\nand 2 more');
    expect(expiryMessage(many, 30, 'zh-TW').body).toBe('P0：已過期\nP1：今天到期\nP2：剩餘 1 天\n另有 2 個');
  });

  it('logs a damaged vault instead of throwing', async () => {
    const broken = join(dir, 'home-broken');
    mkdirSync(join(broken, 'vault'), { recursive: true });
    writeFileSync(join(broken, 'vault', 'vault.json'), '{"format":"mtls-studio-vault","version":1,"identities":[{"id":1}]}');
    const { notified, errors, shown } = run({ home: broken });
    expect(await notified).toBe(0);
    expect(errors).toEqual(['expiry.notify-failed']);
    expect(shown()).toEqual([]);
  });

  it('maps OS locales the way the renderer does', () => {
    expect(['en-US', 'de', 'zh', 'zh-CN', 'zh-SG', 'zh-TW', 'zh_HK', 'zh-Hant-MO'].map(languageForLocale)).toEqual(['en', 'en', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-TW', 'zh-TW', 'zh-TW']);
  });
});

describe('at app start (electron/main/index.ts)', () => {
  it('shows one notification once the app is ready; clicking it brings the window back', async () => {
    const fake = await startMainEntry(home);
    await expect.poll(() => fake.Notification.shown.length).toBe(1);
    expect(fake.Notification.shown[0]!.options.title).toBe('2 identities expire within 30 days');
    const window = fake.BrowserWindow.instances.at(-1)!;
    window.minimize();
    const focused = window.focusCount;
    fake.Notification.shown[0]!.emit('click');
    expect(window.isMinimized()).toBe(false);
    expect(window.focusCount).toBe(focused + 1);
  });
});
