import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProbeTimings } from '../../../../../electron/common/dto/probe';

interface Phase {
  key: 'dns' | 'tcp' | 'tls' | 'wait' | 'download';
  start: number;
  duration: number;
  color: string;
}

/** DNS → TCP → TLS → waiting for the first byte → download, laid end to end like a browser's waterfall. */
export function phases(timings: ProbeTimings): Phase[] {
  const out: Phase[] = [];
  let at = 0;
  const add = (key: Phase['key'], duration: number | null, color: string) => {
    if (duration === null || duration < 0) return;
    out.push({ key, start: at, duration, color });
    at += duration;
  };
  add('dns', timings.dnsMs, 'gray.5');
  add('tcp', timings.tcpMs, 'orange.5');
  add('tls', timings.tlsMs, 'grape.6');
  if (timings.ttfbMs !== null) add('wait', Math.max(0, timings.ttfbMs - at), 'blue.5');
  if (timings.totalMs !== null && timings.ttfbMs !== null)
    add('download', Math.max(0, timings.totalMs - timings.ttfbMs), 'teal.5');
  return out;
}

const fmt = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

export function TimingTab({ timings }: { timings: ProbeTimings }) {
  const { t } = useTranslation();
  const list = phases(timings);
  const total = Math.max(timings.totalMs ?? 0, ...list.map((p) => p.start + p.duration), 0.001);
  return (
    <Stack gap="xs" data-testid="tab-timing">
      {list.map((phase) => (
        <Group key={phase.key} gap="sm" wrap="nowrap" data-phase={phase.key}>
          <Text size="sm" w={180} style={{ flexShrink: 0 }}>
            {t(`probe.timing.${phase.key}`)}
          </Text>
          <Box
            pos="relative"
            h={18}
            style={{ flex: 1, background: 'var(--mantine-color-default-hover)', borderRadius: 4 }}
          >
            <Box
              pos="absolute"
              top={0}
              h={18}
              bg={phase.color}
              style={{
                left: `${(phase.start / total) * 100}%`,
                width: `max(2px, ${(phase.duration / total) * 100}%)`,
                borderRadius: 4,
              }}
            />
          </Box>
          <Text
            size="sm"
            w={90}
            ta="right"
            translate="no"
            style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}
          >
            {fmt(phase.duration)}
          </Text>
        </Group>
      ))}
      {list.length === 0 && <Text c="dimmed">{t('probe.timing.none')}</Text>}
      <Group justify="flex-end">
        <Text size="sm" fw={600}>
          {t('probe.timing.total', { ms: timings.totalMs === null ? '—' : timings.totalMs.toFixed(1) })}
        </Text>
      </Group>
    </Stack>
  );
}
