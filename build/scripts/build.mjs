// Builds every runnable part: the CLI (one bundled file, fast cold start), Electron main + preload, and the renderer.
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  define: { __STUDIO_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

await Promise.all([
  // @napi-rs/keyring loads a native .node binary: required from node_modules at run time, never bundled
  build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/cli/mtls-studio.cjs', minifySyntax: true, external: ['@napi-rs/keyring'] }),
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/main/index.cjs', external: ['electron', '@napi-rs/keyring'] }),
  // a sandboxed preload may require only 'electron': everything else is bundled in
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/preload/index.cjs', external: ['electron'], platform: 'browser', target: 'chrome130' }),
]);
chmodSync('dist/cli/mtls-studio.cjs', 0o755);

execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '-c', 'renderer/vite.config.mts', '--logLevel', 'warn'], { stdio: 'inherit' });
