import type { TFunction } from 'i18next';
import type { TrustStoreFinding } from '../../../../electron/common/dto/truststore';

export interface FindingText {
  title: string;
  fix: string | null;
}

/**
 * A trust-store or chain finding in the UI language, by its stable code and params. A code this version does not
 * know (a newer core) falls back to main's English message and hint.
 */
export function findingText(t: TFunction, finding: TrustStoreFinding): FindingText {
  const params = {
    name: '',
    count: '',
    limit: '',
    lines: '',
    label: '',
    size: '',
    level: '',
    depth: '',
    issuer: '',
    hash: '',
    key: '',
    date: '',
    ...finding.params,
  };
  const base = finding.code.startsWith('TRUSTSTORE_')
    ? `truststore.codes.${finding.code}`
    : `truststore.chainCodes.${finding.code}`;
  const title = t(`${base}.title`, { defaultValue: '', ...params });
  if (!title) return { title: finding.message, fix: finding.hint };
  const fix = t(`${base}.fix`, { defaultValue: '', ...params });
  return { title, fix: fix || null };
}
