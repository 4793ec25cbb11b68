import { ActionIcon, Button, Group, Loader, Paper, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconSearch, IconX } from '@tabler/icons-react';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary, IssuedEntry } from '../../../../../electron/common/dto/ca';
import type { ErrorDto } from '../../../../../electron/common/errors';
import { VirtualRowGroup } from '../../../components/VirtualRowGroup';
import { studio } from '../../../lib/studio';
import { InspectError } from '../../inspect/InspectError';
import { ISSUED_ROW_HEIGHT, IssuedRow } from './IssuedRow';
import classes from './IssuedTable.module.css';

const COLUMNS = ['subject', 'serial', 'type', 'validUntil', 'status'] as const;

interface Props {
  ca: AuthoritySummary;
  /** bumped by the screen after every change, to read the registry again */
  version: number;
  onRevoke(entry: IssuedEntry): void;
  onKit(entry: IssuedEntry): void;
  onExport(query: string): void;
}

/**
 * What the CA issued, searchable by serial, subject or name; status as seen now. Only the rows in view are
 * rendered, so a CA that issued many thousands scrolls as smoothly as one that issued five.
 */
export function IssuedTable({ ca, version, onRevoke, onKit, onExport }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const [entries, setEntries] = useState<IssuedEntry[] | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);

  useEffect(() => {
    let live = true;
    void studio()
      .ca.issued({ ca: ca.id, ...(deferred ? { query: deferred.slice(0, 200) } : {}) })
      .then((result) => {
        if (!live) return;
        setEntries(result.ok ? result.value : []);
        setError(result.ok ? null : result.error);
      });
    return () => {
      live = false;
    };
  }, [ca.id, deferred, version]);

  return (
    <Paper withBorder radius="md" data-testid="issued-table" data-rows={entries?.length ?? 0}>
      <Group p="sm" gap="sm" justify="space-between" wrap="nowrap">
        <TextInput
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          placeholder={t('authorities.issued.searchPlaceholder')}
          aria-label={t('authorities.issued.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            query ? (
              <ActionIcon variant="subtle" color="gray" onClick={() => setQuery('')} aria-label={t('authorities.issued.clearSearch')}>
                <IconX size={14} aria-hidden />
              </ActionIcon>
            ) : null
          }
          style={{ flex: 1, maxWidth: 420 }}
          data-testid="issued-search"
        />
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => onExport(deferred)} data-testid="issued-export">
          {t('authorities.issued.exportCsv')}
        </Button>
      </Group>
      {error && <InspectError title={t('authorities.issued.failed')} error={error} />}
      {entries === null && <Loader size="sm" m="md" aria-label={t('authorities.loading')} />}
      {entries !== null && entries.length === 0 && (
        <Text c="dimmed" size="sm" px="md" pb="md" data-testid="issued-empty">
          {deferred ? t('authorities.issued.noMatch') : t('authorities.issued.none')}
        </Text>
      )}
      {entries !== null && entries.length > 0 && (
        <div role="table" aria-label={t('authorities.issued.label')} aria-rowcount={entries.length + 1}>
          <div role="rowgroup">
            <div role="row" aria-rowindex={1} className={classes.header}>
              {COLUMNS.map((column) => (
                <div role="columnheader" key={column} className={`${classes.cell} ${classes.headerCell}`} title={t(`authorities.issued.${column}`)}>
                  {t(`authorities.issued.${column}`)}
                </div>
              ))}
              <div role="columnheader" className={classes.cell}>
                <VisuallyHidden>{t('authorities.issued.actions')}</VisuallyHidden>
              </div>
            </div>
          </div>
          <VirtualRowGroup count={entries.length} rowHeight={ISSUED_ROW_HEIGHT} maxHeight="520px" testId="issued-scroller">
            {(item) => <IssuedRow key={entries[item.index]!.serial} entry={entries[item.index]!} index={item.index} start={item.start} onRevoke={onRevoke} onKit={onKit} />}
          </VirtualRowGroup>
        </div>
      )}
    </Paper>
  );
}
