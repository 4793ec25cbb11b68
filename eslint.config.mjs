// Import rules from ARCHITECTURE.md, enforced per folder. Under plain Node `require('electron')` returns a string
// instead of failing, so only lint catches a core → electron leak.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const node = { group: ['node:*'], message: 'This folder must run anywhere: no node:* imports.' };
// npm scopes whose package names end in a folder name (@mantine/core) are not our folders
const folder = (name, why) => ({ group: [`**/${name}/**`, `**/${name}`, '!@*/**'], message: why });

const rules = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.tsbuild', 'test-results', 'out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/common/**'],
    rules: rules([electron], [node, folder('core', 'common imports nothing outside common.'), folder('main', 'common imports nothing outside common.'), folder('preload', 'common imports nothing outside common.'), folder('cli', 'common imports nothing outside common.'), folder('renderer', 'common imports nothing outside common.')]),
  },
  {
    files: ['electron/core/**'],
    rules: rules([electron], [folder('main', 'core never imports main.'), folder('preload', 'core never imports preload.'), folder('cli', 'core never imports cli.'), folder('renderer', 'core never imports renderer.')]),
  },
  {
    files: ['electron/cli/**'],
    rules: rules([electron], [{ group: ['**/core/*/**', '!**/core/index', '!**/core/services'], message: 'cli uses core only through its public index.' }, folder('main', 'cli never imports main.'), folder('preload', 'cli never imports preload.'), folder('renderer', 'cli never imports renderer.')]),
  },
  {
    files: ['electron/main/**'],
    rules: rules([], [{ group: ['**/core/*/**', '!**/core/index', '!**/core/services'], message: 'main uses core only through its public index.' }, folder('cli', 'main never imports cli.'), folder('renderer', 'main never imports renderer.'), folder('preload', 'main never imports preload.')]),
  },
  {
    files: ['electron/preload/**'],
    rules: rules([], [node, folder('core', 'preload holds no logic: common + electron only.'), folder('main', 'preload never imports main.'), folder('cli', 'preload never imports cli.'), folder('renderer', 'preload never imports renderer.')]),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...rules([electron], [node, folder('core', 'the renderer talks only to window.studio.'), folder('main', 'the renderer talks only to window.studio.'), folder('cli', 'the renderer talks only to window.studio.')]),
      // renderer may only take types from common/preload
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/common/**', '**/electron/preload/**'], allowTypeImports: true, message: 'renderer: `import type` only from common/preload.' }] }],
    },
  },
  {
    // the renderer's build config runs in Node at build time, not in the renderer
    files: ['renderer/vite.config.mts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
