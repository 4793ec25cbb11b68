import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_CODES, DIAGNOSIS_PARAMS, type DiagnosisCode, type DiagnosisFinding } from '../../electron/common/dto/probe';
import { VERIFY_WORDS } from '../../electron/core/probe/diagnose/rules-server';

/**
 * Every placeholder of a finding's templates (title, fix, every detail wording and the phrases it places) is a
 * param DIAGNOSIS_PARAMS declares for that code, in every language; every declared param is shown or chooses a
 * wording; and every wording and phrase can be reached from some params.
 */

/** the renderer's modules, loaded at run time: the test project's type-check does not include renderer sources */
interface Phrase {
  key: string;
  values: DiagnosisFinding['params'];
}
interface RendererFindingText {
  findingText(finding: DiagnosisFinding, result: { identity: null }): { detailKey: string };
}
interface RendererFindingPhrases {
  PHRASES_OF: Partial<Record<DiagnosisCode, readonly string[]>>;
  VERIFY_ERRORS_IN_WORDS: readonly string[];
  phrasesOf(finding: Pick<DiagnosisFinding, 'code' | 'params'>): Record<string, Phrase | null>;
}
const RESULT_FOLDER = '../../renderer/src/features/test-console/result';
const { findingText } = (await import(`${RESULT_FOLDER}/finding-text`)) as RendererFindingText;
const { PHRASES_OF, phrasesOf, VERIFY_ERRORS_IN_WORDS } = (await import(`${RESULT_FOLDER}/finding-phrases`)) as RendererFindingPhrases;

const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
type Tree = { [key: string]: string | Tree };
/** the probe strings live in the base locale files */
const bundles = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(join(process.cwd(), `renderer/src/i18n/locales/${lang}.json`), 'utf8')) as Tree]),
) as Record<(typeof LANGUAGES)[number], Tree>;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
const node = (tree: Tree, path: string): Tree | string | undefined =>
  path.split('.').reduce<Tree | string | undefined>((at, key) => (typeof at === 'object' ? at[key] : undefined), tree);
const text = (lang: (typeof LANGUAGES)[number], key: string): string | undefined => {
  const found = node(bundles[lang], key);
  return typeof found === 'string' ? found : undefined;
};
const templates = (lang: (typeof LANGUAGES)[number], code: DiagnosisCode) => node(bundles[lang], `probe.codes.${code}`) as Record<string, string>;
const paramsOf = (code: DiagnosisCode): string[] => (DIAGNOSIS_PARAMS[code] as readonly string[]).map((name) => name.replace(/\?$/, ''));

/** params that choose a wording (a variant or a phrase) instead of being shown */
const CHOICES: Record<string, string> = {
  insecure: 'stopped', phase: 'timeout/reset wording', certAsked: 'reset wording', trust: 'trustedBy', via: 'missing wording', requested: 'asked / wording',
  ours: 'oursText', inVault: 'vault', endsAtRoot: 'chainTop / candidates', chain: 'up-to clause', sent: 'wording', rejection: 'why', identity: 'wording',
  verified: 'wording', private: 'endpointKind', purpose: 'problem', alertFrom: 'wording',
};
/** params the sentences do not show, kept for the JSON report and the CLI */
const DATA_ONLY = new Set([
  'CONNECTION_TIMEOUT.error', 'CONNECTION_RESET.error', 'TLS_VERSION_MISMATCH.error', 'SERVER_CERT_EXPIRED.date', 'CLIENT_CERT_EXPIRED.date',
  'CLIENT_CERT_UNTRUSTED.root', 'CLIENT_KEY_MISMATCH.sha256', 'CLIENT_CERT_REJECTED.sha256', 'TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE.issuer',
  'TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE.name', 'DNS_FAILED.port', 'HTTP_FORBIDDEN.status', 'HTTP_ERROR_STATUS.status', 'HTTP_CLIENT_CERT_ERROR.status',
  'CLIENT_CERT_OPTIONAL.status', 'CLIENT_CERT_MISSING.status', 'MTLS_OK.status', 'CLIENT_CERT_NOT_REQUESTED.host', 'ADDRESSES_DISAGREE.failed',
]);

/** values that make every chooser take each of its branches, one param at a time */
const POOL = [
  '', 'X', 'yes', 'no', 'none', 'unknown', 'tcp', 'tls', 'http', 'reset', 'alert', 'alertLate', 'closed', 'closedAfter', 'server', 'client',
  'system', 'ca-files', 'system+ca-files', 'keyMismatch', 'notSent', 'eku', 'keyUsage', 'ECONNREFUSED', 'EHOSTUNREACH', 70, 40, 500, 404,
  ...Object.keys(VERIFY_WORDS),
];
const PAIRS = ['', 'yes', 'no', 'none', 'server', 'http', 'reset', 'tcp', 'alert', 70, 'ECONNREFUSED'];
function variations(code: DiagnosisCode): DiagnosisFinding[] {
  const names = paramsOf(code);
  const base = Object.fromEntries(names.map((name) => [name, 'X'])) as Record<string, string | number>;
  const out: DiagnosisFinding[] = [];
  const make = (params: Record<string, string | number>) => out.push({ code, severity: 'error', title: '', detail: '', fix: '', params: { ...base, ...params } });
  for (const name of names) for (const value of POOL) make({ [name]: value });
  // two choices at once (the alert code and who sent it)
  for (const first of names) for (const second of names) for (const a of PAIRS) for (const b of PAIRS) if (first < second) make({ [first]: a, [second]: b });
  return out;
}
const withIdentity = { identity: null };

describe('finding detail templates and DIAGNOSIS_PARAMS', () => {
  it.each(LANGUAGES)('%s: every code has a detail, and every placeholder of its templates is a declared param or a phrase it places', (lang) => {
    for (const code of DIAGNOSIS_CODES) {
      const entry = templates(lang, code);
      expect(entry.detail, `${lang} ${code}`).toBeTruthy();
      const params = paramsOf(code);
      const phrases = [...(PHRASES_OF[code] ?? [])];
      for (const [key, value] of Object.entries(entry)) {
        const allowed = key.startsWith('detail') ? [...params, ...phrases] : params;
        for (const name of placeholders(value)) expect(allowed, `${lang} probe.codes.${code}.${key}: {{${name}}}`).toContain(name);
      }
      // a phrase the code places appears in one of its detail wordings
      for (const phrase of phrases) {
        const used = Object.entries(entry).some(([key, value]) => key.startsWith('detail') && placeholders(value).includes(phrase));
        expect(used, `${lang} ${code} places {{${phrase}}}`).toBe(true);
      }
    }
  });

  it('every detail wording and phrase is reachable, exists in every language, and fills in only the params of its code', () => {
    const reachedPhrases = new Set<string>();
    const checked = new Set<string>();
    for (const code of DIAGNOSIS_CODES) {
      const reachedDetails = new Set<string>();
      for (const finding of variations(code)) {
        const chosen = findingText(finding, withIdentity);
        reachedDetails.add(chosen.detailKey);
        for (const phrase of Object.values(phrasesOf(finding))) {
          if (!phrase || checked.has(`${code} ${phrase.key}`)) continue;
          checked.add(`${code} ${phrase.key}`);
          reachedPhrases.add(phrase.key);
          for (const lang of LANGUAGES) {
            const value = text(lang, phrase.key);
            expect(value, `${lang} ${phrase.key} (for ${code})`).toBeTruthy();
            for (const name of placeholders(value!)) expect(paramsOf(code), `${lang} ${phrase.key} in ${code}: {{${name}}}`).toContain(name);
          }
        }
      }
      const defined = Object.keys(templates('en', code)).filter((key) => key.startsWith('detail')).map((key) => `probe.codes.${code}.${key}`);
      expect([...reachedDetails].sort(), code).toEqual(defined.sort());
    }
    const allPhrases = (prefix: string): string[] => {
      const walk = (tree: Tree, path: string): string[] => Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${path}.${key}`] : walk(value, `${path}.${key}`)));
      return walk(node(bundles.en, prefix) as Tree, prefix);
    };
    expect([...reachedPhrases].sort()).toEqual([...allPhrases('probe.phrases'), ...allPhrases('probe.verifyError')].sort());
  });

  it('every declared param is shown by a template of its code, or chooses a wording, or is listed as kept for the report only', () => {
    const unaccounted: string[] = [];
    for (const code of DIAGNOSIS_CODES) {
      const shown = new Set<string>();
      for (const value of Object.values(templates('en', code))) for (const name of placeholders(value)) shown.add(name);
      for (const finding of variations(code)) {
        for (const phrase of Object.values(phrasesOf(finding))) if (phrase) for (const name of placeholders(text('en', phrase.key)!)) shown.add(name);
      }
      for (const name of paramsOf(code)) if (!shown.has(name) && !(name in CHOICES) && !DATA_ONLY.has(`${code}.${name}`)) unaccounted.push(`${code}.${name}`);
    }
    expect(unaccounted).toEqual([]);
  });

  it("the server-certificate verify errors the core words are the renderer's probe.verifyError phrases, word for word in English", () => {
    expect([...VERIFY_ERRORS_IN_WORDS].sort()).toEqual(Object.keys(VERIFY_WORDS).sort());
    for (const [code, words] of Object.entries(VERIFY_WORDS)) expect(text('en', `probe.verifyError.${code}`)).toBe(words);
  });
});
