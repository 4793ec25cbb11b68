import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../electron/common/dto/inspect';
import { ERROR_CODES } from '../../electron/common/errors';
import { untranslatedWords } from '../helpers/technical-tokens';

type Tree = { [key: string]: string | Tree };
const load = (lang: string): Tree => JSON.parse(readFileSync(join(process.cwd(), 'renderer/src/i18n/locales', `${lang}.json`), 'utf8')) as Tree;

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
