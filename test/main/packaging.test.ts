/**
 * Packaging cannot run here (no Electron binary to download), so the configuration is proven instead: valid
 * against electron-builder's own JSON schema, the fuses and targets the security model relies on, the files that
 * ship (checked with electron-builder's own file matcher), and the icons made from assets/icon.svg.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../electron/main/app-identity';

const ROOT = resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  files: string[];
  fileAssociations: { ext: string[]; rank: string; role: string; mimeType: string }[];
  linux: { target: { target: string; arch: string[] }[]; icon: string };
  mac: { target: { target: string; arch: string[] }[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; icon: string; x64ArchFiles: string };
  win: { target: { target: string; arch: string[] }[]; icon: string };
  nsis: { oneClick: boolean; perMachine: boolean; allowElevation: boolean; artifactName: string };
  asarUnpack: string[];
};
const CONFIG_FILE = join(ROOT, 'build/electron-builder.config.cjs');
const config = require(CONFIG_FILE) as Config;

/** electron-builder's own settings (app-builder-lib/out/util/config/schemaValidator.js) minus type coercion: its
 * schema carries a `typeof` keyword from the TypeScript generator that ajv must ignore (strict: false). */
function schemaValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(require('app-builder-lib/scheme.json') as object);
}

describe('electron-builder configuration', () => {
  it('is valid against electron-builder’s JSON schema', () => {
    const validate = schemaValidator();
    expect(validate(structuredClone(config)), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it.each([
    ['a misspelt option', { nsis: { ...config.nsis, perMachin: false } }],
    ['an unknown fuse', { electronFuses: { ...config.electronFuses, runAsNod: false } }],
    ['a wrong type', { npmRebuild: 'no' }],
  ])('the schema check has teeth: %s is refused', (_label, change) => {
    expect(schemaValidator()({ ...structuredClone(config), ...change })).toBe(false);
  });

  it('is the app the main process says it is, and is used by the dist scripts', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['dist', 'dist:linux', 'dist:mac', 'dist:win']) {
      expect(scripts[name], name).toMatch(/electron-builder .*--config build\/electron-builder\.config\.cjs/);
      expect(scripts[name], name).toMatch(/--publish never/);
    }
  });

  it('sets every fuse of the security model', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds AppImage + deb, a universal hardened-runtime dmg and a per-user NSIS installer, named with the version', () => {
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
    expect(config.artifactName).toMatch(/\$\{version\}/);
    expect(config.nsis.artifactName).toMatch(/\$\{version\}/);
    expect(config.npmRebuild).toBe(false);
    expect(config.directories).toEqual({ output: 'out', buildResources: 'build' });
  });

  it('signs with entitlements from build/ that allow JIT and nothing else', () => {
    expect(config.mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.mac.entitlementsInherit).toBe('build/entitlements.mac.plist');
    const plist = readFileSync(join(ROOT, config.mac.entitlements), 'utf8');
    expect(plist).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE plist/);
    expect([...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('opens .p12/.pfx as their default handler and .cer/.crt as an alternative', () => {
    expect(config.fileAssociations.map(({ ext, rank, role }) => ({ ext, rank, role }))).toEqual([
      { ext: ['p12', 'pfx'], rank: 'Default', role: 'Editor' },
      { ext: ['cer', 'crt'], rank: 'Alternate', role: 'Viewer' },
    ]);
    expect(config.fileAssociations.every((association) => association.mimeType.length > 0)).toBe(true);
  });
});

describe('what ships in the package', () => {
  // app-builder-lib's internal matcher, the one electron-builder itself runs over the project and node_modules
  const { getMainFileMatchers, getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
    getMainFileMatchers: (...args: unknown[]) => { createFilter(): (file: string, stat: object) => boolean }[];
    getNodeModuleFileMatcher: (...args: unknown[]) => { createFilter(): (file: string, stat: object) => boolean };
  };
  const debugLogger = { isEnabled: false };
  const packager = { info: { projectDir: ROOT, buildResourcesDir: 'build', config, isPrepackedAppAsar: false, debugLogger }, config, debugLogger };
  const expand = (pattern: string) => pattern;
  const appFilter = getMainFileMatchers(ROOT, '/app', expand, {}, packager, join(ROOT, 'out'), false)[0]!.createFilter();
  const moduleFilter = getNodeModuleFileMatcher(ROOT, '/app', expand, {}, packager).createFilter();
  const file = { isDirectory: () => false };
  const ships = (path: string) => appFilter(join(ROOT, path), file);
  const shipsModule = (path: string) => moduleFilter(join(ROOT, path), { ...file, moduleFullFilePath: path });

  it.each(['package.json', 'dist/main/index.cjs', 'dist/preload/index.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js'])('ships %s', (path) => {
    expect(ships(path)).toBe(true);
  });

  it.each(['dist/cli/mtls-studio.cjs', 'dist/main/index.cjs.map', 'electron/main/index.ts', 'renderer/src/main.tsx', 'test/main/lifecycle.test.ts', 'build/icons/512x512.png', 'assets/icon.svg', 'README.md', 'out/mtls-studio.AppImage'])(
    'does not ship %s',
    (path) => {
      expect(ships(path)).toBe(false);
    },
  );

  it('ships the keychain module and its native binaries, and no other dependency (they are bundled)', () => {
    expect(shipsModule('node_modules/@napi-rs/keyring/index.js')).toBe(true);
    expect(shipsModule('node_modules/@napi-rs/keyring-linux-x64-gnu/keyring.linux-x64-gnu.node')).toBe(true);
    expect(shipsModule('node_modules/@napi-rs/keyring-darwin-arm64/keyring.darwin-arm64.node')).toBe(true);
    for (const dependency of Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies)) {
      if (dependency === '@napi-rs/keyring') continue;
      expect(shipsModule(`node_modules/${dependency}/package.json`), dependency).toBe(false);
    }
  });

  it('unpacks the native binaries from the ASAR, and merges them in the universal mac app', () => {
    expect(config.asarUnpack).toEqual(['node_modules/@napi-rs/keyring-*/**']);
    expect(config.mac.x64ArchFiles).toBe('**/node_modules/@napi-rs/keyring-darwin-*/*.node');
  });
});

/** width, height, color type and the RGBA pixels of an 8-bit non-interlaced PNG */
function decodePng(bytes: Buffer): { width: number; height: number; colorType: number; alpha(x: number, y: number): number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect(body[8]).toBe(8);
      colorType = body[9]!;
      expect(body[12]).toBe(0);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter]!;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, colorType, alpha: (x, y) => pixels[y * stride + x * 4 + 3]! };
}

describe('icons', () => {
  const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

  it('come from one SVG source in assets/', () => {
    const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
    expect(svg).toMatch(/viewBox="0 0 1024 1024"/);
    expect(svg).not.toMatch(/<image|href="http|<script/);
    expect(readFileSync(join(ROOT, 'build/scripts/icons.mjs'), 'utf8')).toContain(`[${SIZES.join(', ')}]`);
  });

  it('exist in every size as RGBA PNGs: transparent corners, an opaque tile', () => {
    expect(readdirSync(join(ROOT, 'build/icons')).sort()).toEqual(SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of SIZES) {
      const png = decodePng(readFileSync(join(ROOT, 'build/icons', `${size}x${size}.png`)));
      expect([png.width, png.height, png.colorType], `${size}`).toEqual([size, size, 6]);
      expect(png.alpha(0, 0), `${size} corner`).toBe(0);
      expect(png.alpha(size - 1, size - 1), `${size} corner`).toBe(0);
      expect(png.alpha(size >> 1, size >> 1), `${size} centre`).toBe(255);
    }
  });

  it('give electron-builder what each platform needs', () => {
    expect(config.linux.icon).toBe('build/icons');
    // macOS (.icns) and Windows (.ico) are derived from the largest PNG
    expect(config.mac.icon).toBe('build/icons/1024x1024.png');
    expect(config.win.icon).toBe('build/icons/1024x1024.png');
    expect(existsSync(join(ROOT, config.mac.icon))).toBe(true);
  });
});
