import {
  ActionIcon,
  Button,
  Group,
  Loader,
  Menu,
  Paper,
  ScrollArea,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconBan, IconDots, IconDownload, IconPackageExport, IconSearch, IconX } from '@tabler/icons-react';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary, IssuedEntry } from '../../../../../electron/common/dto/ca';
import type { ErrorDto } from '../../../../../electron/common/errors';
import { formatDate, formatSerial } from '../../../lib/format';
import { studio } from '../../../lib/studio';
import { InspectError } from '../../inspect/InspectError';
import { StatusBadge } from '../StatusBadge';

interface Props {
  ca: AuthoritySummary;
  /** bumped by the screen after every change, to read the registry again */
  version: number;
  onRevoke(entry: IssuedEntry): void;
  onKit(entry: IssuedEntry): void;
  onExport(query: string): void;
}

/** What the CA issued, searchable by serial, subject or name; status as seen now. */
export function IssuedTable({ ca, version, onRevoke, onKit, onExport }: Props) {
  const { t, i18n } = useTranslation();
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
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => setQuery('')}
                aria-label={t('authorities.issued.clearSearch')}
              >
                <IconX size={14} aria-hidden />
              </ActionIcon>
            ) : null
          }
          style={{ flex: 1, maxWidth: 420 }}
          data-testid="issued-search"
        />
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => onExport(deferred)}
          data-testid="issued-export"
        >
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
        <ScrollArea.Autosize mah={520} type="auto">
          <Table highlightOnHover verticalSpacing="xs" layout="fixed" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ width: '42%' }}>{t('authorities.issued.subject')}</Table.Th>
                <Table.Th style={{ width: '22%' }}>{t('authorities.issued.serial')}</Table.Th>
                <Table.Th style={{ width: 92 }}>{t('authorities.issued.type')}</Table.Th>
                <Table.Th style={{ width: 132 }}>{t('authorities.issued.validUntil')}</Table.Th>
                <Table.Th style={{ width: 104 }}>{t('authorities.issued.status')}</Table.Th>
                <Table.Th style={{ width: 48 }}>
                  <VisuallyHidden>{t('authorities.issued.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr
                  key={entry.serial}
                  data-testid="issued-row"
                  data-serial={entry.serial}
                  data-status={entry.status}
                >
                  <Table.Td>
                    <Text
                      size="sm"
                      fw={600}
                      truncate="end"
                      translate="no"
                      title={entry.name ?? undefined}
                      data-testid="issued-name"
                    >
                      {entry.name ?? t('authorities.issued.external')}
                    </Text>
                    <Text
                      size="xs"
                      c="dimmed"
                      lineClamp={3}
                      className="wrap-anywhere"
                      translate="no"
                      title={entry.subject}
                    >
                      {entry.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text
                      size="xs"
                      ff="monospace"
                      truncate="end"
                      translate="no"
                      title={formatSerial(entry.serial)}
                    >
                      {formatSerial(entry.serial)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.kind ? t(`authorities.issuedKind.${entry.kind}`) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      title={
                        entry.revokedAt
                          ? t('authorities.issued.revokedOn', {
                              date: formatDate(entry.revokedAt, i18n.language),
                            })
                          : undefined
                      }
                    >
                      {formatDate(entry.notAfter, i18n.language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={entry.status} />
                  </Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('authorities.issued.actions')}
                          data-testid="issued-actions"
                        >
                          <IconDots size={16} aria-hidden />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item
                          leftSection={<IconPackageExport size={16} aria-hidden />}
                          disabled={
                            entry.kind !== 'client' || entry.name === null || entry.status !== 'valid'
                          }
                          onClick={() => onKit(entry)}
                          data-testid="issued-kit"
                        >
                          {t('authorities.actions.kit')}
                        </Menu.Item>
                        <Menu.Item
                          color="red"
                          leftSection={<IconBan size={16} aria-hidden />}
                          disabled={entry.status === 'revoked'}
                          onClick={() => onRevoke(entry)}
                          data-testid="issued-revoke"
                        >
                          {t('authorities.actions.revoke')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
