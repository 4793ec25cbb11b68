import { Text, Timeline } from '@mantine/core';
import { IconEdit, IconFileExport, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../../electron/common/dto/vault';
import { fileName, formatDateTime } from '../../../lib/format';

const ICONS = { imported: IconFileImport, renamed: IconEdit, exported: IconFileExport } as const;

const str = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : '');

/** What happened to this identity: import, renames, and every export (with or without the key) — never a password. */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const describe = (entry: HistoryEntry): string => {
    const d = entry.details;
    if (entry.action === 'imported') return t('identities.history.imported', { files: Array.isArray(d.files) ? d.files.map(fileName).join(', ') : str(d.files) });
    if (entry.action === 'renamed') return t('identities.history.renamed', { from: str(d.from), to: str(d.to) });
    const format = d.format === 'p12' ? t(`export.choices.p12-${d.profile === 'compat' ? 'compat' : 'modern'}.label`) : d.format === 'acm' ? t('export.choices.acm.label') : 'PEM';
    const key = d.keyIncluded ? (d.keyEncrypted ? t('identities.history.keyEncrypted') : t('identities.history.keyPlain')) : t('identities.history.noKey');
    return t('identities.history.exported', { format, file: str(d.file), key });
  };
  return (
    <Timeline bulletSize={26} lineWidth={2} data-testid="history">
      {[...entries].reverse().map((entry, i) => {
        const Icon = ICONS[entry.action];
        return (
          <Timeline.Item key={`${entry.at}-${i}`} bullet={<Icon size={14} aria-hidden />} title={<Text size="sm" fw={600}>{t(`identities.history.actions.${entry.action}`)}</Text>} data-action={entry.action}>
            <Text size="sm" className="wrap-anywhere">
              {describe(entry)}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.at, i18n.language)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
