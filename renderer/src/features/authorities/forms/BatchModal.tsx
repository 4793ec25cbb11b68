import { Badge, Button, Code, Group, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary, BatchOutcome } from '../../../../../electron/common/dto/ca';
import { translateError } from '../../../lib/errors';
import { studio } from '../../../lib/studio';
import { InspectError } from '../../inspect/InspectError';
import type { KeyTypeId } from '../authorities-store';
import { FormModal } from '../FormModal';
import { useCall } from '../useCall';
import { KeyTypeSelect } from './fields';

/** One client identity per CSV row: choose the file, watch the progress, read which rows were issued and which failed. */
export function BatchModal({
  ca,
  onClose,
  onDone,
}: {
  ca: AuthoritySummary;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState<{ csvId: string; file: string } | null>(null);
  const [keyType, setKeyType] = useState<KeyTypeId>('ec-p256');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<BatchOutcome | null>(null);
  const batchId = useRef<string | null>(null);
  const { busy, error, run } = useCall();

  useEffect(
    () =>
      studio().ca.onBatchProgress((event) => {
        if (event.batchId === batchId.current) setProgress({ done: event.done, total: event.total });
      }),
    [],
  );

  const choose = async () => {
    const picked = await run(() => studio().ca.pickCsv());
    if (picked?.csvId && picked.file) setCsv({ csvId: picked.csvId, file: picked.file });
  };
  const start = async () => {
    if (!csv) return;
    batchId.current = crypto.randomUUID();
    setProgress({ done: 0, total: 0 });
    const result = await run(() =>
      studio().ca.issueBatch(batchId.current!, { ca: ca.id, csvId: csv.csvId, keyType }),
    );
    if (result) {
      setOutcome(result);
      onDone();
    }
  };
  const issued = outcome?.results.filter((row) => row.identity !== null).length ?? 0;
  const failed = (outcome?.results.length ?? 0) - issued;
  const percent = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0;

  return (
    <FormModal
      title={t('authorities.batch.title', { ca: ca.name })}
      testId="batch-modal"
      onClose={busy ? () => undefined : onClose}
      size="xl"
    >
      <Stack gap="md">
        {!outcome && (
          <>
            <Text size="sm">{t('authorities.batch.explain')}</Text>
            <Code block translate="no">
              {
                'name,email,o,ou,dns,days\npartner-a,ops@partner-a.example,Partner A Ltd,,,\npartner-b,it@partner-b.example,Partner B GmbH,Payments,,90'
              }
            </Code>
            <Group gap="sm" align="flex-end">
              <Button
                variant="default"
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                onClick={() => void choose()}
                disabled={busy}
                data-testid="batch-choose"
              >
                {t('authorities.batch.choose')}
              </Button>
              {csv && (
                <Text size="sm" translate="no" data-testid="batch-file">
                  {csv.file}
                </Text>
              )}
            </Group>
            <KeyTypeSelect value={keyType} onChange={setKeyType} testId="batch-key-type" />
          </>
        )}
        {progress && (
          <Stack gap={4} data-testid="batch-progress" data-done={progress.done} data-total={progress.total}>
            <Progress
              value={outcome ? 100 : percent}
              animated={busy}
              size="lg"
              aria-label={t('authorities.batch.progress')}
            />
            <Text size="sm" c="dimmed">
              {outcome
                ? t('authorities.batch.finished', { issued, failed })
                : t('authorities.batch.running', { done: progress.done, total: progress.total || '…' })}
            </Text>
          </Stack>
        )}
        {outcome && (
          <ScrollArea.Autosize mah={360} type="auto">
            <Table verticalSpacing={6} layout="fixed" stickyHeader data-testid="batch-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ width: 64 }}>{t('authorities.batch.row')}</Table.Th>
                  <Table.Th style={{ width: '28%' }}>{t('authorities.batch.name')}</Table.Th>
                  <Table.Th style={{ width: 96 }}>{t('authorities.batch.result')}</Table.Th>
                  <Table.Th>{t('authorities.batch.detail')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outcome.results.map((row) => (
                  <Table.Tr key={row.row} data-testid="batch-row" data-ok={row.identity !== null}>
                    <Table.Td>{row.row}</Table.Td>
                    <Table.Td>
                      <Text size="sm" truncate="end" translate="no" title={row.name}>
                        {row.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={row.identity ? 'teal' : 'red'} variant="light" tt="none">
                        {row.identity ? t('authorities.batch.ok') : t('authorities.batch.failedRow')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {row.identity ? (
                        <Text
                          size="xs"
                          c="dimmed"
                          lineClamp={2}
                          className="wrap-anywhere"
                          translate="no"
                          title={row.identity.subject}
                        >
                          {row.identity.subject}
                        </Text>
                      ) : (
                        <Text size="xs" c="red">
                          {row.error
                            ? translateError(t, row.error as Parameters<typeof translateError>[1]).message
                            : ''}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        {error && <InspectError title={t('authorities.batch.failed')} error={error} />}
        <Group justify="flex-end" gap="sm">
          {outcome ? (
            <Button onClick={onClose} data-testid="batch-close">
              {t('common.close')}
            </Button>
          ) : (
            <>
              {busy && batchId.current ? (
                <Button
                  variant="default"
                  onClick={() => void studio().ca.cancelBatch(batchId.current!)}
                  data-testid="batch-cancel"
                >
                  {t('authorities.batch.stop')}
                </Button>
              ) : (
                <Button variant="default" onClick={onClose}>
                  {t('common.cancel')}
                </Button>
              )}
              <Button
                onClick={() => void start()}
                loading={busy && progress !== null}
                disabled={!csv}
                data-testid="batch-start"
              >
                {t('authorities.batch.start')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </FormModal>
  );
}
