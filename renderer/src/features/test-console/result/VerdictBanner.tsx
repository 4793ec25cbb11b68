import { Alert, Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProbeResult } from '../../../../../electron/common/dto/probe';
import { DataSentence } from './DataSentence';
import { verdictOf } from './finding-text';

const LOOK = {
  ok: { color: 'teal', icon: IconCircleCheck },
  warning: { color: 'yellow', icon: IconAlertTriangle },
  error: { color: 'red', icon: IconCircleX },
} as const;

const ms = (value: number | null) => (value === null ? '—' : String(Math.round(value)));

/** One sentence on what happened, in the UI language, over a line of facts (status, protocol, address, time). */
export function VerdictBanner({ result }: { result: ProbeResult }) {
  const { t } = useTranslation();
  const verdict = verdictOf(result);
  const look = LOOK[verdict.tone];
  const Icon = look.icon;
  return (
    <Alert
      color={look.color}
      variant="light"
      radius="md"
      icon={<Icon size={22} />}
      data-testid="verdict"
      data-tone={verdict.tone}
      data-code={result.diagnosis[0]?.code ?? ''}
    >
      <Text fw={700} size="lg" className="wrap-anywhere" data-testid="verdict-text">
        <DataSentence i18nKey={verdict.key} values={verdict.values} />
      </Text>
      <Group gap="xs" mt={6}>
        <Badge variant="outline" color={look.color} tt="none">
          {t(`probe.outcome.${result.outcome}`)}
        </Badge>
        {result.http && (
          <Badge variant="light" color="gray" tt="none" translate="no">
            HTTP {result.http.status}
          </Badge>
        )}
        {result.tls.protocol && (
          <Badge variant="light" color="gray" tt="none" translate="no">
            {result.tls.protocol}
          </Badge>
        )}
        {result.address && (
          <Badge variant="light" color="gray" tt="none" translate="no">
            {result.address}:{result.port}
          </Badge>
        )}
        <Badge variant="light" color="gray" tt="none">
          {t('probe.verdict.total', { ms: ms(result.timings.totalMs) })}
        </Badge>
      </Group>
    </Alert>
  );
}
