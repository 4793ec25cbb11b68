import { Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo, Finding, Severity } from '../../../../../electron/common/dto/inspect';
import { findingText } from './findingText';

const LOOK: Record<Severity, { color: string; icon: typeof IconInfoCircle }> = {
  error: { color: 'red', icon: IconCircleX },
  warning: { color: 'yellow', icon: IconAlertTriangle },
  info: { color: 'blue', icon: IconInfoCircle },
};
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What is wrong with these files, most serious first, each with what to do about it. */
export function Findings({ findings, bySha, now }: { findings: Finding[]; bySha: Map<string, CertificateInfo>; now: Date }) {
  const { t } = useTranslation();
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <Card withBorder padding="lg" radius="md" data-testid="findings" id="findings">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('inspect.findings.title')}
        </Title>
        {sorted.length === 0 && (
          <Group gap="sm" data-testid="findings-none">
            <ThemeIcon color="teal" variant="light" radius="xl" aria-hidden>
              <IconCircleCheck size={18} />
            </ThemeIcon>
            <Text size="sm">{t('inspect.findings.none')}</Text>
          </Group>
        )}
        {sorted.map((finding, i) => {
          const look = LOOK[finding.severity];
          const Icon = look.icon;
          const text = findingText(t, finding, finding.certificateSha256 ? bySha.get(finding.certificateSha256) : undefined, now);
          return (
            <Group key={`${finding.code}-${i}`} gap="sm" wrap="nowrap" align="flex-start" data-testid="finding" data-code={finding.code} data-severity={finding.severity}>
              <ThemeIcon color={look.color} variant="light" radius="xl" size="lg" aria-hidden>
                <Icon size={18} />
              </ThemeIcon>
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text fw={600} size="sm" className="wrap-anywhere" style={{ flex: 1 }}>
                    {text.title}
                  </Text>
                  <Badge color={look.color} variant="light" size="sm" tt="none" style={{ flexShrink: 0 }}>
                    {t(`inspect.findings.severity.${finding.severity}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed" className="wrap-anywhere">
                  {text.hint}
                </Text>
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
