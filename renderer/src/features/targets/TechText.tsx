import { Fragment } from 'react';
import { TECHNICAL_NAMES } from './technical-names';

const NAMES = Object.values(TECHNICAL_NAMES);
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A translated sentence with the technical names in it (header names, fields, paths, regions) marked
 * translate="no": they are the same in every language, and machine translation must leave them alone.
 */
export function TechText({ text, extra = [] }: { text: string; extra?: string[] }) {
  const names = [...NAMES, ...extra.filter((value) => value !== '')].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${names.map(escape).join('|')})`, 'g');
  return (
    <>
      {text.split(pattern).map((part, i) =>
        names.includes(part) ? (
          <span key={i} translate="no">
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
