import { ActionIcon, Group, Paper, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconArrowsSort, IconSearch, IconX } from '@tabler/icons-react';
import { memo, useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostConflict, IdentitySummary } from '../../../../../electron/common/dto/vault';
import { VirtualRowGroup } from '../../../components/VirtualRowGroup';
import { ExpiryBadge } from '../ExpiryBadge';
import { filterIdentities, searchText, sortIdentities, type SortKey, type SortState } from './table-model';

const ROW_HEIGHT = 56;
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'identities.table.name' },
  { key: 'subject', label: 'identities.table.subject' },
  { key: 'issuer', label: 'identities.table.issuer' },
  { key: 'expiry', label: 'identities.table.expires' },
  { key: 'key', label: 'identities.table.key' },
  { key: 'hosts', label: 'identities.table.hosts' },
];
const GRID = 'minmax(0, 1.5fr) minmax(0, 1.2fr) minmax(0, 1.2fr) 184px 92px minmax(0, 1.1fr)';

interface Props {
  identities: IdentitySummary[];
  conflicts: HostConflict[];
  thresholdDays: number;
  now: Date;
  onOpen(id: string): void;
}

/**
 * The vault as a table: search, sort by any column, and rows rendered only where the viewport is (10,000
 * identities keep a few dozen rows in the DOM). A row opens the identity's drawer by click or Enter.
 */
export function IdentityTable({ identities, conflicts, thresholdDays, now, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const number = (n: number) => n.toLocaleString(i18n.language);
  const [sort, setSort] = useState<SortState>({ key: 'name', descending: false });
  const deferredQuery = useDeferredValue(query);
  const index = useMemo(() => identities.map(searchText), [identities]);
  const rows = useMemo(() => sortIdentities(filterIdentities(identities, index, deferredQuery), sort), [identities, index, deferredQuery, sort]);
  const conflicted = useMemo(() => new Set(conflicts.map((conflict) => conflict.pattern)), [conflicts]);

  const toggle = (key: SortKey) => setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: false }));

  return (
    <Paper withBorder radius="md" data-testid="identity-table" data-rows={rows.length}>
      <Group p="sm" gap="sm" justify="space-between" wrap="nowrap">
        <TextInput
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          placeholder={t('identities.table.searchPlaceholder')}
          aria-label={t('identities.table.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            query ? (
              <ActionIcon variant="subtle" color="gray" onClick={() => setQuery('')} aria-label={t('identities.table.clearSearch')}>
                <IconX size={14} aria-hidden />
              </ActionIcon>
            ) : null
          }
          style={{ flex: 1, maxWidth: 480 }}
          data-testid="identity-search"
        />
        <Text size="sm" c="dimmed" data-testid="identity-count">
          {rows.length === identities.length ? t('identities.table.count', { count: number(identities.length) }) : t('identities.table.filtered', { shown: number(rows.length), count: number(identities.length) })}
        </Text>
      </Group>
      <div role="table" aria-label={t('identities.table.label')} aria-rowcount={rows.length + 1}>
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: GRID, borderBlock: '1px solid var(--mantine-color-default-border)' }}>
            {COLUMNS.map((column) => {
              const active = sort.key === column.key;
              const Icon = active ? (sort.descending ? IconArrowDown : IconArrowUp) : IconArrowsSort;
              return (
                <div role="columnheader" key={column.key} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} style={{ minWidth: 0 }}>
                  <UnstyledButton onClick={() => toggle(column.key)} px="sm" py={8} w="100%" data-sort={column.key} data-active={active || undefined}>
                    <Group gap={4} wrap="nowrap">
                      <Text size="xs" fw={700} c={active ? undefined : 'dimmed'} truncate="end" title={t(column.label)}>
                        {t(column.label)}
                      </Text>
                      <Icon size={14} style={{ flexShrink: 0, opacity: active ? 1 : 0.45 }} aria-hidden />
                    </Group>
                  </UnstyledButton>
                </div>
              );
            })}
          </div>
        </div>
        {rows.length === 0 ? (
          <Text p="xl" ta="center" c="dimmed" data-testid="identity-no-match">
            {t('identities.table.noMatch')}
          </Text>
        ) : (
          // as tall as the rows, at most what the window leaves (never under 5 rows); only this box scrolls
          <VirtualRowGroup count={rows.length} rowHeight={ROW_HEIGHT} maxHeight={`max(${5 * ROW_HEIGHT}px, 100vh - 330px)`} testId="identity-scroller">
            {(item) => <IdentityRow key={rows[item.index]!.id} identity={rows[item.index]!} index={item.index} start={item.start} conflicted={conflicted} thresholdDays={thresholdDays} now={now} onOpen={onOpen} />}
          </VirtualRowGroup>
        )}
      </div>
    </Paper>
  );
}

interface RowProps {
  identity: IdentitySummary;
  index: number;
  start: number;
  conflicted: Set<string>;
  thresholdDays: number;
  now: Date;
  onOpen(id: string): void;
}

/**
 * One row, memoised: rows keep their absolute position while the list scrolls, so only the rows that come into
 * view render. Plain elements with CSS classes (no Mantine Text per cell) keep a new row cheap.
 */
const IdentityRow = memo(function IdentityRow({ identity, index, start, conflicted, thresholdDays, now, onOpen }: RowProps) {
  const { t } = useTranslation();
  const clash = identity.hosts.filter((host) => conflicted.has(host));
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(identity.id);
    }
  };
  const subject = identity.subjectCommonName ?? identity.subject;
  const issuer = identity.issuerCommonName ?? identity.issuer;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      className="identity-row"
      data-testid="identity-row"
      data-id={identity.id}
      data-index={index}
      onClick={() => onOpen(identity.id)}
      onKeyDown={onKey}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)`, gridTemplateColumns: GRID }}
    >
      <div role="cell" className="identity-cell">
        <div className="cell-text cell-strong" title={identity.name} translate="no" data-testid="identity-name">
          {identity.name}
        </div>
        {identity.labels.length > 0 && (
          <div className="cell-text cell-dimmed cell-small" title={identity.labels.join(', ')} translate="no">
            {identity.labels.join(' · ')}
          </div>
        )}
      </div>
      <div role="cell" className="identity-cell">
        <div className="cell-text" title={identity.subject} translate="no">
          {subject}
        </div>
      </div>
      <div role="cell" className="identity-cell">
        <div className="cell-text" title={identity.issuer} translate="no">
          {issuer}
        </div>
      </div>
      <div role="cell" className="identity-cell">
        <ExpiryBadge identity={identity} thresholdDays={thresholdDays} now={now} plainTooltip />
      </div>
      <div role="cell" className="identity-cell">
        <div className="cell-text" title={identity.keyAlgorithm} translate="no">
          {identity.keyAlgorithm}
        </div>
      </div>
      <div role="cell" className="identity-cell identity-hosts">
        {identity.hosts.length === 0 ? (
          <div className="cell-text cell-dimmed">{t('identities.table.noHosts')}</div>
        ) : (
          <>
            {clash.length > 0 && (
              <IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" style={{ flexShrink: 0 }} role="img" aria-label={t('identities.table.hostConflict', { patterns: clash.join(', ') })} data-conflict>
                <title>{t('identities.table.hostConflict', { patterns: clash.join(', ') })}</title>
              </IconAlertTriangle>
            )}
            <div className="cell-text mono" title={identity.hosts.join('\n')} translate="no">
              {identity.hosts[0]}
            </div>
            {identity.hosts.length > 1 && (
              <span className="cell-more" title={identity.hosts.join('\n')} translate="no">
                +{identity.hosts.length - 1}
              </span>
            )}
          </>
        )}
      </div>
    </div>
  );
});
