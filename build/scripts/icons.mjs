#!/usr/bin/env node
// Renders the app icon, assets/icon.svg, into build/icons/<N>x<N>.png for every size the platforms use, with
// Chromium (playwright-core, /usr/bin/chromium or $CHROMIUM_PATH): transparent outside the tile, anti-aliased.
// electron-builder takes the folder for Linux and derives the macOS .icns and Windows .ico from 1024x1024.png.
// Run after changing the SVG; the PNGs are committed.   node build/scripts/icons.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ICON_SOURCE = join(ROOT, 'assets/icon.svg');
export const ICON_DIR = join(ROOT, 'build/icons');
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

export async function renderIcons({ source = ICON_SOURCE, outDir = ICON_DIR, sizes = ICON_SIZES } = {}) {
  const svg = readFileSync(source, 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    mkdirSync(outDir, { recursive: true });
    const written = [];
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      // the SVG as an <img>: scaled by the browser's vector renderer, nothing else on the page
      const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('img').evaluate((img) => img.decode());
      const file = join(outDir, `${size}x${size}.png`);
      writeFileSync(file, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      written.push(file);
    }
    return written;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of await renderIcons()) process.stdout.write(`${file}\n`);
}
