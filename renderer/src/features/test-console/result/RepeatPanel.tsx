import { Badge, Box, Card, Group, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProbeRepeatSummary } from '../../../../../electron/common/dto/probe';
import { histogram } from './histogram';

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms).toString());

function Histogram({ latencies }: { latencies: number[] }) {
  const { t } = useTranslation();
  const bins = histogram(latencies);
  const peak = Math.max(1, ...bins.map((bin) => bin.count));
  if (bins.length === 0) return null;
  return (
    <Stack gap={2} data-testid="histogram" data-samples={latencies.length}>
      <Group gap={2} align="flex-end" h={96} wrap="nowrap">
        {bins.map((bin, i) => (
          <Tooltip
            key={i}
            label={t('probe.repeat.bin', { from: fmt(bin.from), to: fmt(bin.to), n: bin.count })}
          >
            <Box
              data-testid="histogram-bar"
              style={{
                flex: 1,
                height: `${Math.max(2, (bin.count / peak) * 100)}%`,
                background: bin.count
                  ? 'var(--mantine-color-grape-5)'
                  : 'var(--mantine-color-default-border)',
                borderRadius: '3px 3px 0 0',
              }}
            />
          </Tooltip>
        ))}
      </Group>
      <Group justify="space-between">
        <Text size="xs" c="dimmed" translate="no">
          {fmt(bins[0]!.from)} ms
        </Text>
        <Text size="xs" c="dimmed">
          {t('probe.repeat.latency')}
        </Text>
        <Text size="xs" c="dimmed" translate="no">
          {fmt(bins.at(-1)!.to)} ms
        </Text>
      </Group>
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" translate={/^p\d+$/.test(label) ? 'no' : undefined}>
        {label}
      </Text>
      <Text fw={700} c={color} translate="no" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** Repeat mode: progress and live counts while it runs; then rate, percentiles and errors by diagnosis code. */
export function RepeatPanel({
  done,
  total,
  succeeded,
  failed,
  latencies,
  summary,
}: {
  done: number;
  total: number;
  succeeded: number;
  failed: number;
  latencies: number[];
  summary: ProbeRepeatSummary | null;
}) {
  const { t } = useTranslation();
  const percent = total ? (done / total) * 100 : 0;
  return (
    <Card withBorder radius="md" padding="md" data-testid="repeat-panel" data-done={done} data-total={total}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>
            {!summary
              ? t('probe.repeat.running', { done, total })
              : done < total
                ? t('probe.repeat.cancelledAfter', { done, total })
                : t('probe.repeat.finished', { n: total })}
          </Text>
          <Group gap="xs">
            <Badge color="teal" variant="light" tt="none" data-testid="repeat-ok">
              {t('probe.repeat.succeeded', { n: succeeded })}
            </Badge>
            <Badge color={failed ? 'red' : 'gray'} variant="light" tt="none" data-testid="repeat-failed">
              {t('probe.repeat.failed', { n: failed })}
            </Badge>
          </Group>
        </Group>
        <Progress
          value={percent}
          size="lg"
          radius="xl"
          color={failed ? 'orange' : 'teal'}
          animated={!summary}
          aria-label={t('probe.repeat.progress')}
          data-testid="repeat-progress"
        />
        {summary && (
          <SimpleGrid cols={{ base: 3, md: 6 }} spacing="xs">
            <Stat
              label={t('probe.repeat.successRate')}
              value={`${(summary.successRate * 100).toFixed(1)} %`}
              color={summary.failed ? 'red' : 'teal'}
            />
            <Stat label={t('probe.repeat.rps')} value={summary.requestsPerSecond.toFixed(1)} />
            <Stat label="p50" value={summary.latencyMs ? `${fmt(summary.latencyMs.p50)} ms` : '—'} />
            <Stat label="p95" value={summary.latencyMs ? `${fmt(summary.latencyMs.p95)} ms` : '—'} />
            <Stat label="p99" value={summary.latencyMs ? `${fmt(summary.latencyMs.p99)} ms` : '—'} />
            <Stat
              label={t('probe.repeat.max')}
              value={summary.latencyMs ? `${fmt(summary.latencyMs.max)} ms` : '—'}
            />
          </SimpleGrid>
        )}
        <Histogram latencies={latencies} />
        {summary && Object.keys(summary.errorsByCode).length > 0 && (
          <Group gap="xs">
            <Text size="sm">{t('probe.repeat.errorsByCode')}</Text>
            {Object.entries(summary.errorsByCode).map(([code, count]) => (
              <Badge key={code} color="red" variant="outline" tt="none" translate="no">
                {code} × {count}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
