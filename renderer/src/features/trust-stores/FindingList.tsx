import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrustStoreFinding } from '../../../../electron/common/dto/truststore';
import { findingText } from './finding-text';

const COLOR = { error: 'red', warning: 'yellow', info: 'gray' } as const;

/** Findings in the UI language, errors first: what is wrong, on which certificate, and the fix. */
export function FindingList({ findings, testId }: { findings: TrustStoreFinding[]; testId: string }) {
  const { t } = useTranslation();
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <Stack gap="xs" data-testid={testId}>
      {sorted.map((finding, i) => {
        const text = findingText(t, finding);
        return (
          <Paper
            key={`${finding.code}-${finding.certificateSha256 ?? ''}-${i}`}
            withBorder
            radius="sm"
            p="sm"
            data-code={finding.code}
            data-severity={finding.severity}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Badge color={COLOR[finding.severity]} variant="light" style={{ flexShrink: 0 }} miw={72}>
                {t(`truststore.severity.${finding.severity}`)}
              </Badge>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} className="wrap-anywhere">
                  {text.title}
                </Text>
                {text.fix && (
                  <Text size="sm" c="dimmed" className="wrap-anywhere">
                    {t('truststore.fixPrefix', { fix: text.fix })}
                  </Text>
                )}
                <Text size="xs" c="dimmed" ff="monospace" translate="no">
                  {finding.code}
                </Text>
              </Stack>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
