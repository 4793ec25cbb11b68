import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phrase } from './finding-phrases';

const MARK = /(\uE000\d+\uE001)/;

/**
 * A translated sentence whose interpolated values (DNs, cipher names, addresses) are data: each is rendered in
 * its own translate="no" span, so neither a browser translator nor the untranslated-text check treats it as prose.
 * `phrases` are translated clauses placed at their own placeholders: prose, rendered as nested sentences (their
 * values again as data), so they stay translatable; a null phrase leaves its placeholder empty.
 */
export function DataSentence({
  i18nKey,
  values,
  phrases = {},
}: {
  i18nKey: string;
  values: Record<string, string | number>;
  phrases?: Record<string, Phrase | null>;
}) {
  const { t } = useTranslation();
  const names = [...Object.keys(values).filter((name) => !(name in phrases)), ...Object.keys(phrases)];
  const markers = Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE001`]));
  const parts = t(i18nKey, markers).split(MARK);
  return (
    <>
      {parts.map((part, i) => {
        const index = /^\uE000(\d+)\uE001$/.exec(part)?.[1];
        if (index === undefined) return <Fragment key={i}>{part}</Fragment>;
        const name = names[Number(index)]!;
        if (name in phrases) {
          const phrase = phrases[name];
          return phrase ? <DataSentence key={i} i18nKey={phrase.key} values={phrase.values} /> : null;
        }
        return (
          <span key={i} translate="no">
            {String(values[name])}
          </span>
        );
      })}
    </>
  );
}
