import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWindowState, placeWindow, saveWindowState, WINDOW_SIZE, type Rect } from '../../electron/main/window-state';
import { useTempDir } from '../helpers/tmp';

const dir = useTempDir();
const LAPTOP: Rect = { x: 0, y: 0, width: 1440, height: 875 };
/** a second monitor to the right of the laptop */
const MONITOR: Rect = { x: 1440, y: -200, width: 2560, height: 1415 };

describe('window state file', () => {
  it('round-trips size, position and maximized, written atomically with mode 0600', () => {
    const file = join(dir, 'nested', 'window-state.json');
    saveWindowState(file, { x: 1500.4, y: 20, width: 1600, height: 1000.6, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 1500, y: 20, width: 1600, height: 1001, maximized: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"x": 1,'],
    ['a different shape', JSON.stringify({ bounds: { x: 1 } })],
    ['extra fields', JSON.stringify({ x: 0, y: 0, width: 1000, height: 700, maximized: false, evil: 1 })],
    ['strings for numbers', JSON.stringify({ x: '0', y: 0, width: 1000, height: 700, maximized: false })],
    ['absurd sizes', JSON.stringify({ x: 0, y: 0, width: 1e9, height: 700, maximized: false })],
    ['negative size', JSON.stringify({ x: 0, y: 0, width: -5, height: 700, maximized: false })],
    ['fractions', JSON.stringify({ x: 0.5, y: 0, width: 1000, height: 700, maximized: false })],
  ])('falls back to defaults when the file is %s', (_label, content) => {
    const file = join(dir, `state-${_label.replace(/\W/g, '-')}.json`);
    if (content !== null) writeFileSync(file, content);
    expect(loadWindowState(file)).toBeNull();
    expect(placeWindow(loadWindowState(file), [LAPTOP], LAPTOP)).toEqual({ bounds: { width: 1280, height: 860 }, maximized: false });
  });

  it('refuses to save nonsense rather than write a file it could not read back', () => {
    expect(() => saveWindowState(join(dir, 'bad.json'), { x: Number.NaN, y: 0, width: 100, height: 100, maximized: false })).toThrow();
    expect(() => readFileSync(join(dir, 'bad.json'))).toThrow();
  });
});

describe('window placement', () => {
  it('puts the window back where it was, on whichever display that is', () => {
    expect(placeWindow({ x: 100, y: 50, width: 1200, height: 800, maximized: false }, [LAPTOP, MONITOR], LAPTOP)).toEqual({
      bounds: { x: 100, y: 50, width: 1200, height: 800 },
      maximized: false,
    });
    expect(placeWindow({ x: 2000, y: 0, width: 1800, height: 1100, maximized: true }, [LAPTOP, MONITOR], LAPTOP)).toEqual({
      bounds: { x: 2000, y: 0, width: 1800, height: 1100 },
      maximized: true,
    });
  });

  it('brings a window from an unplugged monitor back onto the primary display, centred, keeping its size where it fits', () => {
    const onMonitor = { x: 2000, y: 0, width: 1800, height: 1100, maximized: false };
    expect(placeWindow(onMonitor, [LAPTOP], LAPTOP)).toEqual({ bounds: { width: 1440, height: 875 }, maximized: false });
    expect(placeWindow({ ...onMonitor, width: 1000, height: 700 }, [LAPTOP], LAPTOP)).toEqual({ bounds: { width: 1000, height: 700 }, maximized: false });
  });

  it.each([
    ['far off to the left', { x: -5000, y: 100 }],
    ['below every screen', { x: 100, y: 5000 }],
    ['with its title bar above the top edge', { x: 100, y: -400 }],
    ['with only a sliver visible at the right edge', { x: 1400, y: 100 }],
  ])('does not restore a window %s', (_label, position) => {
    const placement = placeWindow({ ...position, width: 1000, height: 700, maximized: false }, [LAPTOP], LAPTOP);
    expect(placement.bounds).toEqual({ width: 1000, height: 700 });
  });

  it('pulls a partly visible window inside its display and shrinks it to fit after a resolution change', () => {
    expect(placeWindow({ x: 800, y: 300, width: 1000, height: 700, maximized: false }, [LAPTOP], LAPTOP).bounds).toEqual({ x: 440, y: 175, width: 1000, height: 700 });
    expect(placeWindow({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [LAPTOP], LAPTOP).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('never goes below the minimum size, unless the screen itself is smaller', () => {
    expect(placeWindow({ x: 10, y: 10, width: 200, height: 100, maximized: false }, [LAPTOP], LAPTOP).bounds).toEqual({ x: 10, y: 10, width: WINDOW_SIZE.minWidth, height: WINDOW_SIZE.minHeight });
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 600 };
    expect(placeWindow(null, [tiny], tiny).bounds).toEqual({ width: 800, height: 600 });
  });
});
