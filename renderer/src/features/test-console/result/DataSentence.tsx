import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

const MARK = /(\uE000\d+\uE001)/;

/**
 * A translated sentence whose interpolated values (DNs, cipher names, addresses) are data: each is rendered in
 * its own translate="no" span, so neither a browser translator nor the untranslated-text check treats it as prose.
 */
export function DataSentence({
  i18nKey,
  values,
}: {
  i18nKey: string;
  values: Record<string, string | number>;
}) {
  const { t } = useTranslation();
  const names = Object.keys(values);
  const markers = Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE001`]));
  const parts = t(i18nKey, markers).split(MARK);
  return (
    <>
      {parts.map((part, i) => {
        const index = /^\uE000(\d+)\uE001$/.exec(part)?.[1];
        if (index === undefined) return <Fragment key={i}>{part}</Fragment>;
        return (
          <span key={i} translate="no">
            {String(values[names[Number(index)]!])}
          </span>
        );
      })}
    </>
  );
}
