import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_ENDPOINT_IDS, labEndpointFacts } from '../../electron/core';
import { LAB_ENDPOINTS } from '../../electron/core/lab/catalogue';
import { LAB_FACTS } from '../../electron/core/lab/facts';

/**
 * The lab's "documented / likely" lines in the app: every line of every endpoint has a translation in every
 * language, the English one is the CLI's line word for word once its technical names are filled in, and the
 * Chinese ones use the names (kept as they are) and Taiwan's own words in zh-TW.
 */

/** the renderer's name tables, loaded at run time: the test project's type-check does not include renderer sources */
const TARGETS = '../../renderer/src/features/targets';
const { LAB_FACT_NAMES } = (await import(`${TARGETS}/lab-fact-names`)) as { LAB_FACT_NAMES: Record<string, string> };
const { TECHNICAL_NAMES } = (await import(`${TARGETS}/technical-names`)) as { TECHNICAL_NAMES: Record<string, string> };
const NAMES: Record<string, string> = { ...TECHNICAL_NAMES, ...LAB_FACT_NAMES };

const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
type Facts = Record<string, string>;
const factsOf = (lang: (typeof LANGUAGES)[number]): Facts =>
  (JSON.parse(readFileSync(join(process.cwd(), `renderer/src/i18n/locales/targets/${lang}.json`), 'utf8')) as { lab: { facts: Facts } }).lab.facts;
const translations = Object.fromEntries(LANGUAGES.map((lang) => [lang, factsOf(lang)])) as Record<(typeof LANGUAGES)[number], Facts>;

const placeholders = (template: string) => [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!);
/** what i18next shows for a template given the names LabFacts passes */
const fill = (template: string) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in NAMES)) throw new Error(`{{${name}}} is not a technical name the lab panel passes`);
    return NAMES[name]!;
  });

const everyFact = LAB_ENDPOINT_IDS.flatMap((endpoint) => {
  const { confirmed, assumed } = labEndpointFacts(endpoint);
  return [...confirmed, ...assumed].map((fact) => ({ endpoint, ...fact }));
});

describe('the lab’s documented / likely lines', () => {
  it('the ids the app receives carry the very lines the CLI prints, in the same order', () => {
    for (const definition of LAB_ENDPOINTS) {
      const { confirmed, assumed } = labEndpointFacts(definition.id);
      expect(confirmed.map((fact) => fact.text), definition.id).toEqual(definition.confirmed);
      expect(assumed.map((fact) => fact.text), definition.id).toEqual(definition.assumed);
      // an id appears once per endpoint: it is the React key of the line
      const ids = [...confirmed, ...assumed].map((fact) => fact.id);
      expect(new Set(ids).size, definition.id).toBe(ids.length);
    }
    expect(everyFact.length).toBeGreaterThan(40);
  });

  it('every line has one id and every id is used (no two ids for one text, no orphan id)', () => {
    const texts = Object.values(LAB_FACTS);
    expect(new Set(texts).size).toBe(texts.length);
    expect(new Set(everyFact.map((fact) => fact.id))).toEqual(new Set(Object.keys(LAB_FACTS)));
    for (const id of Object.keys(LAB_FACTS)) expect(id, 'a dot would split the translation key').toMatch(/^[a-z0-9-]+$/);
  });

  it.each(LANGUAGES)('%s: has a translation for every line of every endpoint, and none for a line that is gone', (lang) => {
    for (const fact of everyFact) expect(translations[lang][fact.id]?.trim(), `${fact.endpoint}: ${fact.id}`).toBeTruthy();
    expect(Object.keys(translations[lang]).sort()).toEqual(Object.keys(LAB_FACTS).sort());
  });

  it('the English translation, names filled in, equals the core’s line', () => {
    for (const fact of everyFact) expect(fill(translations.en[fact.id]!), `${fact.endpoint}: ${fact.id}`).toBe(fact.text);
  });

  it.each(['zh-CN', 'zh-TW'] as const)('%s: uses exactly the technical names the English line uses, and reads as Chinese', (lang) => {
    for (const fact of everyFact) {
      const template = translations[lang][fact.id]!;
      expect(placeholders(template).sort(), fact.id).toEqual(placeholders(translations.en[fact.id]!).sort());
      expect(() => fill(template), fact.id).not.toThrow();
      expect(template, fact.id).toMatch(/[\u4e00-\u9fff]{2,}/);
    }
  });

  it('every technical name of the lab lines is used by some line', () => {
    const used = new Set(Object.values(translations.en).flatMap(placeholders));
    expect(Object.keys(LAB_FACT_NAMES).filter((name) => !used.has(name))).toEqual([]);
  });

  it('zh-TW uses Taiwan’s words (憑證, 伺服器, 連線, 用戶端, 負載平衡器), not the mainland’s', () => {
    const MAINLAND = ['證書', '服務器', '連接', '客戶端', '負載均衡', '默認', '創建', '文檔', '示例', '字節'];
    for (const [id, text] of Object.entries(translations['zh-TW'])) {
      for (const word of MAINLAND) expect(text, `${id}: ${word}`).not.toContain(word);
      // simplified-only characters mean a zh-CN line was pasted in
      expect(text, id).not.toMatch(/[证书务连户负载简]/);
    }
  });
});
