import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Size, position and maximized flag of the main window, kept in `<data folder>/window-state.json`. */
export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where and how big the window opens; no x/y means "let the OS centre it on the primary display". */
export interface WindowPlacement {
  bounds: { width: number; height: number; x?: number; y?: number };
  maximized: boolean;
}

export const WINDOW_SIZE = { width: 1280, height: 860, minWidth: 960, minHeight: 640 } as const;

/** The part of the title bar that must be on some screen for the user to grab the window. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 32;
const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

const stateSchema = z.strictObject({ x: coordinate, y: coordinate, width: length, height: length, maximized: z.boolean() });

/** The saved state, or null when there is none or it is unreadable, malformed or absurd (then defaults apply). */
export function loadWindowState(file: string): WindowState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash never leaves a half-written state behind. */
export function saveWindowState(file: string, state: WindowState): void {
  const clean = stateSchema.parse({
    x: Math.round(state.x),
    y: Math.round(state.y),
    width: Math.round(state.width),
    height: Math.round(state.height),
    maximized: state.maximized,
  });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(clean)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/**
 * Places the window where it was, unless that spot is no longer on any screen (a monitor was unplugged, the
 * resolution changed): then it is centred on the primary display. The size never exceeds the work area of
 * the display the window lands on and never drops below the minimum size.
 */
export function placeWindow(saved: WindowState | null, workAreas: Rect[], primary: Rect): WindowPlacement {
  if (!saved) return { bounds: fitSize(WINDOW_SIZE, primary), maximized: false };
  const home = workAreas.find((area) => titleBarVisibleOn(saved, area));
  if (!home) return { bounds: fitSize(saved, primary), maximized: saved.maximized };
  const size = fitSize(saved, home);
  // pull the window back inside its display when it grew past an edge (e.g. after a resolution change)
  const x = clamp(saved.x, home.x, home.x + home.width - size.width);
  const y = clamp(saved.y, home.y, home.y + home.height - size.height);
  return { bounds: { ...size, x, y }, maximized: saved.maximized };
}

function titleBarVisibleOn(window: Rect, area: Rect): boolean {
  const left = Math.max(window.x, area.x);
  const right = Math.min(window.x + window.width, area.x + area.width);
  const top = Math.max(window.y, area.y);
  const bottom = Math.min(window.y + GRAB_HEIGHT, area.y + area.height);
  return right - left >= GRAB_WIDTH && bottom - top >= GRAB_HEIGHT / 2;
}

function fitSize(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: clamp(size.width, Math.min(WINDOW_SIZE.minWidth, area.width), area.width),
    height: clamp(size.height, Math.min(WINDOW_SIZE.minHeight, area.height), area.height),
  };
}

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, Math.max(min, max)));
