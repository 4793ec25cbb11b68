import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../electron/common/dto/inspect';
import { ERROR_CODES } from '../../electron/common/errors';
import { untranslatedWords } from '../helpers/technical-tokens';

type Tree = { [key: string]: string | Tree };
const LOCALES = join(process.cwd(), 'renderer/src/i18n/locales');
const readTree = (file: string): Tree => JSON.parse(readFileSync(file, 'utf8')) as Tree;
/** the base file plus every feature folder (locales/<feature>/<lang>.json under the key <feature>) */
function load(lang: string): Tree {
  const tree = readTree(join(LOCALES, `${lang}.json`));
  for (const entry of readdirSync(LOCALES, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = join(LOCALES, entry.name, `${lang}.json`);
    if (!existsSync(file)) throw new Error(`${file} is missing`);
    if (tree[entry.name] !== undefined) throw new Error(`'${entry.name}' is defined in ${lang}.json and in its own folder`);
    tree[entry.name] = readTree(file);
  }
  return tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const en = flatten(load('en'));
const zh = { 'zh-CN': flatten(load('zh-CN')), 'zh-TW': flatten(load('zh-TW')) };
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('renderer translations', () => {
  it('every feature folder of strings is registered in bundles.ts, in every language', () => {
    const source = readFileSync(join(process.cwd(), 'renderer/src/i18n/bundles.ts'), 'utf8');
    const folders = readdirSync(LOCALES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    for (const { name } of folders) for (const lang of ['en', 'zh-CN', 'zh-TW']) expect(source).toContain(`'./locales/${name}/${lang}.json'`);
  });

  it('the three locales have exactly the same keys and no empty value', () => {
    for (const [lang, strings] of Object.entries(zh)) {
      expect([...strings.keys()].sort(), lang).toEqual([...en.keys()].sort());
    }
    for (const strings of [en, ...Object.values(zh)]) {
      for (const [key, value] of strings) expect(value.trim(), key).not.toBe('');
    }
  });

  it.each(Object.keys(zh))('%s: every string is translated (only technical tokens stay in Latin letters)', (lang) => {
    const strings = zh[lang as keyof typeof zh];
    const untranslated: string[] = [];
    for (const [key, value] of strings) {
      // identical to English is fine only for pure technical tokens ("PEM", "SHA-256", "DNS")
      if (value === en.get(key) && untranslatedWords(value).length > 0) untranslated.push(`${key}: identical to English`);
      for (const word of untranslatedWords(value)) untranslated.push(`${key}: "${word}" in "${value}"`);
    }
    expect(untranslated).toEqual([]);
  });

  it.each(Object.keys(zh))('%s: uses the same placeholders as English', (lang) => {
    const strings = zh[lang as keyof typeof zh];
    for (const [key, value] of en) expect(placeholders(strings.get(key)!), key).toEqual(placeholders(value));
  });

  it('zh-TW is not a copy of zh-CN: most Chinese strings differ (script and vocabulary)', () => {
    const chinese = [...zh['zh-CN']].filter(([, value]) => /[\u4e00-\u9fff]{2,}/.test(value));
    const same = chinese.filter(([key, value]) => zh['zh-TW'].get(key) === value);
    // a few are identical in both scripts (取消, 版本, 警告): allow up to 10 %
    expect(same.length / chinese.length).toBeLessThan(0.1);
  });

  it('every finding code and error code has a title/message and a hint in every language', () => {
    for (const strings of [en, ...Object.values(zh)]) {
      for (const code of FINDING_CODES) {
        expect(strings.get(`findings.${code}.title`), code).toBeTruthy();
        expect(strings.get(`findings.${code}.hint`), code).toBeTruthy();
      }
      for (const code of ERROR_CODES) {
        expect(strings.get(`errors.codes.${code}.message`), code).toBeTruthy();
        expect(strings.get(`errors.codes.${code}.hint`), code).toBeTruthy();
      }
    }
  });
});
