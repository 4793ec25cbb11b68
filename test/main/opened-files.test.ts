import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOpenedFilesInbox, filePathsFromArgv, MAX_OPENED_FILES, MAX_PATH_LENGTH } from '../../electron/main/opened-files';
import { useTempDir } from '../helpers/tmp';

const dir = useTempDir();
const file = (name: string) => join(dir, name);

beforeAll(() => {
  for (const name of ['client.p12', 'partner cert.cer', '客户端.pfx', 'chain.pem']) writeFileSync(file(name), 'x');
  mkdirSync(file('folder'));
  symlinkSync(file('chain.pem'), file('link.pem'));
});

describe('file paths in a command line', () => {
  it('takes the files after the executable, resolving relative paths against the launch folder', () => {
    const argv = ['/opt/mTLS Studio/mtls-studio', 'client.p12', file('chain.pem')];
    expect(filePathsFromArgv(argv, dir, 1)).toEqual([file('client.p12'), file('chain.pem')]);
  });

  it('skips the app folder when run unpackaged (electron .), Chromium switches and macOS -psn arguments', () => {
    const argv = ['/usr/lib/electron/electron', '.', '--no-sandbox', '--enable-features=WaylandWindowDecorations', '-psn_0_12345', '--', 'client.p12', '--allow-file-access-from-files'];
    expect(filePathsFromArgv(argv, dir, 2)).toEqual([file('client.p12')]);
  });

  it('accepts file:// URLs from Linux desktop entries (%U), with spaces and non-ASCII names', () => {
    const argv = ['mtls-studio', pathToFileURL(file('partner cert.cer')).href, pathToFileURL(file('客户端.pfx')).href];
    expect(filePathsFromArgv(argv, '/', 1)).toEqual([file('partner cert.cer'), file('客户端.pfx')]);
  });

  it('drops what is not an existing regular file: folders, missing files, other URLs; follows symlinks; no duplicates', () => {
    const argv = ['mtls-studio', 'folder', 'missing.p12', 'https://example.com/a.p12', 'mailto:x@example.com', 'link.pem', 'client.p12', './client.p12', '', 'file://%00bad'];
    expect(filePathsFromArgv(argv, dir, 1)).toEqual([file('link.pem'), file('client.p12')]);
  });
});

/** An inbox whose batch timer the test fires by hand, with a renderer that records what it receives. */
function inbox(windowOpen = true) {
  const delivered: string[][] = [];
  const timers: (() => void)[] = [];
  const overflow: number[] = [];
  const state = { windowOpen };
  const box = createOpenedFilesInbox({
    deliver: (paths) => {
      if (!state.windowOpen) return false;
      delivered.push(paths);
      return true;
    },
    schedule: (run) => timers.push(run),
    onOverflow: (n) => overflow.push(n),
  });
  const tick = () => timers.splice(0).forEach((run) => run());
  return { box, delivered, tick, overflow, state };
}

describe('opened-files inbox', () => {
  it('keeps files that arrive before the renderer listens (launch argv, macOS open-file before ready) for its first take', () => {
    const { box, delivered, tick } = inbox();
    box.add(['/a.p12']);
    box.add(['/b.pem', '/a.p12']);
    tick();
    expect(delivered).toEqual([]);
    expect(box.take()).toEqual(['/a.p12', '/b.pem']);
    expect(box.take()).toEqual([]);
  });

  it('then delivers as events, batching a multi-file drop (one open-file per file) into one inspection', () => {
    const { box, delivered, tick } = inbox();
    box.take();
    box.add(['/1.cer']);
    box.add(['/2.cer']);
    box.add(['/3.cer']);
    expect(delivered).toEqual([]);
    tick();
    expect(delivered).toEqual([['/1.cer', '/2.cer', '/3.cer']]);
    box.add(['/4.cer']);
    tick();
    expect(delivered).toEqual([['/1.cer', '/2.cer', '/3.cer'], ['/4.cer']]);
  });

  it('queues again while the renderer reloads or the window is gone, and hands the files to the next take', () => {
    const { box, delivered, tick, state } = inbox();
    box.take();
    box.detach();
    box.add(['/during-reload.p12']);
    tick();
    expect(delivered).toEqual([]);
    expect(box.take()).toEqual(['/during-reload.p12']);

    state.windowOpen = false;
    box.add(['/no-window.p12']);
    tick();
    expect(delivered).toEqual([]);
    expect(box.take()).toEqual(['/no-window.p12']);
  });

  it(`caps one inspection at ${MAX_OPENED_FILES} files, refuses paths no file system has, and reports how many were dropped`, () => {
    const { box, overflow } = inbox();
    box.add(Array.from({ length: MAX_OPENED_FILES + 6 }, (_, i) => `/f${i}.pem`));
    expect(box.take()).toHaveLength(MAX_OPENED_FILES);
    expect(overflow).toEqual([6]);
    box.add(['', `/${'x'.repeat(MAX_PATH_LENGTH)}`, '/ok.pem']);
    expect(box.take()).toEqual(['/ok.pem']);
    expect(overflow).toEqual([6, 2]);
  });
});
