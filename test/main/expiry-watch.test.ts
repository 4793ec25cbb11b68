/**
 * The expiry watch: a check at start and every 12 hours, each identity named in an OS notification at most once a
 * day (recorded in the data folder, so a restart does not repeat it), and a click that opens the identity it names
 * first — through the real main entry, the real vault (keys in a real gnome-keyring) and Electron's stand-in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../electron/core';
import { checkExpiry, createNotifiedLog, createOpenRequests, EXPIRY_CHECK_INTERVAL_MS, localDate, startExpiryWatch, type ExpiryWatchDeps } from '../../electron/main/expiry-watch';
import { createSettingsStore } from '../../electron/main/settings-store';
import { useKeyring } from '../helpers/keyring';
import { useTempDir } from '../helpers/tmp';
import { importFiles } from '../helpers/vault';
import { expiringIdentityFiles, importPartners, startMainEntry } from './expiry-fixtures';
import * as FakeElectron from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const dir = useTempDir();
useKeyring();
const DAY = 86_400_000;
let home: string;
let services: Services;
let ids: Record<string, string> = {};

beforeAll(async () => {
  home = join(dir, 'home');
  services = createServices({ home });
  ids = await importPartners(services, dir);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

function deps(options: { now?: Date; log?: string; opened?: string[] } = {}): ExpiryWatchDeps {
  const now = options.now ?? new Date();
  return {
    vault: createServices({ home, now: () => now }).vault,
    settings: createSettingsStore(join(home, 'settings.json')),
    Notification: FakeElectron.Notification,
    systemLocale: 'en-US',
    log: createNotifiedLog(options.log ?? join(home, 'expiry-notified.json')),
    now: () => now,
    onOpen: (id) => options.opened?.push(id),
  };
}

describe('once per identity per day', () => {
  it('names each identity once a day: a second check (or a restart) the same day stays silent, the next day names them again', async () => {
    FakeElectron.resetFakeElectron();
    const log = join(dir, 'once.json');
    const today = new Date();
    const first = await checkExpiry(deps({ log, now: today }));
    expect(first.map((identity) => identity.name)).toEqual(['Partner very soon', 'Partner soon']);
    expect(JSON.parse(readFileSync(log, 'utf8'))).toEqual({ date: localDate(today), ids: [ids['Partner very soon'], ids['Partner soon']] });

    // a restart reads the log from disk
    expect(await checkExpiry(deps({ log, now: new Date(today.getTime() + 60_000) }))).toEqual([]);
    expect(FakeElectron.Notification.shown).toHaveLength(1);

    const tomorrow = new Date(today.getTime() + DAY);
    expect((await checkExpiry(deps({ log, now: tomorrow }))).map((identity) => identity.name)).toEqual(['Partner very soon', 'Partner soon']);
    expect(FakeElectron.Notification.shown).toHaveLength(2);
  });

  it('a new identity inside the threshold the same day is named alone', async () => {
    FakeElectron.resetFakeElectron();
    const log = join(dir, 'new.json');
    const today = new Date();
    await checkExpiry(deps({ log, now: today }));
    const added = await importFiles(services, expiringIdentityFiles(dir, 'Partner new', 5));
    const second = await checkExpiry(deps({ log, now: today }));
    expect(second.map((identity) => identity.id)).toEqual([added.id]);
    expect(FakeElectron.Notification.shown.at(-1)!.options).toEqual({ title: '1 identity expires within 30 days', body: 'Partner new: 4 days left' });
    await services.vault.remove(added.id);
  });

  it('clicking opens the identity it names first (the soonest to expire)', async () => {
    FakeElectron.resetFakeElectron();
    const opened: string[] = [];
    await checkExpiry(deps({ log: join(dir, 'click.json'), opened }));
    FakeElectron.Notification.shown[0]!.emit('click');
    expect(opened).toEqual([ids['Partner very soon']]);
  });

  it('stays silent when the switch in Settings is off', async () => {
    FakeElectron.resetFakeElectron();
    const settings = createSettingsStore(join(home, 'settings.json'));
    settings.update({ expiryNotify: false });
    try {
      expect(await checkExpiry(deps({ log: join(dir, 'off.json') }))).toEqual([]);
      expect(FakeElectron.Notification.shown).toEqual([]);
    } finally {
      settings.update({ expiryNotify: true });
    }
  });
});

describe('every 12 hours', () => {
  it('checks at start, then on a 12-hour timer, and stops', async () => {
    FakeElectron.resetFakeElectron();
    let tick: (() => void) | null = null;
    let interval = 0;
    let cleared = false;
    let now = new Date();
    const watch = startExpiryWatch({
      ...deps({ log: join(dir, 'timer.json') }),
      vault: { list: (query) => createServices({ home, now: () => now }).vault.list(query) },
      now: () => now,
      setInterval: (run, ms) => {
        tick = run;
        interval = ms;
        return 'handle';
      },
      clearInterval: (handle) => {
        cleared = handle === 'handle';
      },
    });
    expect(interval).toBe(EXPIRY_CHECK_INTERVAL_MS);
    expect(EXPIRY_CHECK_INTERVAL_MS).toBe(12 * 60 * 60 * 1000);
    expect((await watch.checked).length).toBe(2);
    // 12 hours later, the same day or the next: named again only on a new day
    now = new Date(now.getTime() + DAY);
    tick!();
    await expect.poll(() => FakeElectron.Notification.shown.length).toBe(2);
    watch.stop();
    expect(cleared).toBe(true);
  });
});

describe('through the main entry (electron/main/index.ts)', () => {
  it('a click shows the window, sends studio:expiry.openIdentity, and the renderer can take the request once', async () => {
    const appHome = join(dir, 'app-home');
    const appServices = createServices({ home: appHome });
    const soon = await importFiles(appServices, expiringIdentityFiles(dir, 'App soon', 3));
    const fake = await startMainEntry(appHome);
    await expect.poll(() => fake.Notification.shown.length).toBe(1);
    const window = fake.BrowserWindow.instances.at(-1)!;
    window.minimize();
    fake.Notification.shown[0]!.emit('click');
    expect(window.isMinimized()).toBe(false);
    expect(window.webContents.sent.filter(([channel]) => channel === 'studio:expiry.openIdentity')).toEqual([['studio:expiry.openIdentity', { id: soon.id }]]);
    const take = fake.ipcMain.handlers.get('studio:expiry.takeOpenRequest')!;
    const mainFrame = { url: 'app://studio/index.html' };
    expect(await take({ senderFrame: mainFrame, sender: { mainFrame } })).toEqual({ ok: true, value: { id: soon.id } });
    expect(await take({ senderFrame: mainFrame, sender: { mainFrame } })).toEqual({ ok: true, value: null });
    // the day's record is in the data folder: a restart today would not notify again
    expect(JSON.parse(readFileSync(join(appHome, 'expiry-notified.json'), 'utf8')).ids).toEqual([soon.id]);
  });
});

it('open requests are handed out once', () => {
  const requests = createOpenRequests();
  expect(requests.take()).toBeNull();
  requests.set('a');
  requests.set('b');
  expect(requests.take()).toEqual({ id: 'b' });
  expect(requests.take()).toBeNull();
});
