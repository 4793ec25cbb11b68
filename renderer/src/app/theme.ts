import { createTheme } from '@mantine/core';

/**
 * System fonts only (no web fonts: the CSP forbids remote ones and the app works offline). The CJK families come
 * after the Latin ones so that Latin text keeps the platform UI font; `lang` on <html> selects SC or TC glyphs.
 */
const sans = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  '"Noto Sans"',
  '"PingFang SC"',
  '"PingFang TC"',
  '"Microsoft YaHei"',
  '"Microsoft JhengHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans CJK TC"',
  'sans-serif',
].join(', ');

const mono = ['ui-monospace', '"SF Mono"', 'Menlo', 'Consolas', '"Cascadia Mono"', '"DejaVu Sans Mono"', '"Noto Sans Mono CJK SC"', 'monospace'].join(', ');

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: sans,
  fontFamilyMonospace: mono,
  headings: { fontFamily: sans, fontWeight: '650' },
  cursorType: 'pointer',
});
