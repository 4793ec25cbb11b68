import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconFile, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo, InspectReport } from '../../../../../electron/common/dto/inspect';
import { fileName } from '../../../lib/format';
import { displayName } from './model';

interface Props {
  report: InspectReport;
  candidates: CertificateInfo[];
  selected: string | undefined;
  onSelect(sha256: string): void;
  actions: ReactNode;
  onClear(): void;
}

/** What was read: each file with the format detected from its content, the totals, and the actions. */
export function ReportSummary({ report, candidates, selected, onSelect, actions, onClear }: Props) {
  const { t } = useTranslation();
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  return (
    <Card withBorder padding="lg" radius="md" data-testid="report-summary">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Title order={3} size="h4">
              {t('inspect.summary.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('inspect.summary.counts', { certificates: report.certificates.length, keys: report.privateKeys.length })}
            </Text>
          </Stack>
          <Group gap="sm">
            {actions}
            <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={onClear} data-testid="clear">
              {t('inspect.clear')}
            </Button>
          </Group>
        </Group>

        <Stack gap={6}>
          {report.files.map((file) => (
            <Group key={file.path} gap="sm" wrap="nowrap" data-testid="report-file">
              <IconFile size={18} color="var(--mantine-color-dimmed)" aria-hidden style={{ flexShrink: 0 }} />
              <Text size="sm" fw={500} className="wrap-anywhere" title={file.path} translate="no">
                {fileName(file.path)}
              </Text>
              <Badge variant="light" color="gray" tt="none" size="sm" style={{ flexShrink: 0 }} data-format={file.format}>
                {t(`inspect.formats.${file.format}`)}
              </Badge>
            </Group>
          ))}
        </Stack>

        {(errors > 0 || warnings > 0) && (
          <Group gap="xs">
            {errors > 0 && (
              <Badge color="red" variant="light" tt="none" component="a" href="#findings" onClick={scrollToFindings}>
                {t('inspect.summary.errors', { count: errors })}
              </Badge>
            )}
            {warnings > 0 && (
              <Badge color="yellow" variant="light" tt="none" component="a" href="#findings" onClick={scrollToFindings}>
                {t('inspect.summary.warnings', { count: warnings })}
              </Badge>
            )}
          </Group>
        )}

        {candidates.length > 1 && (
          <Select
            label={t('inspect.summary.identity')}
            description={t('inspect.summary.identityDescription')}
            data={candidates.map((c) => ({ value: c.sha256, label: displayName(c, t('inspect.card.noName')) }))}
            value={selected ?? null}
            onChange={(value) => value && onSelect(value)}
            allowDeselect={false}
            maw={480}
          />
        )}
      </Stack>
    </Card>
  );
}

/** the findings anchor must not change the #/screen hash */
function scrollToFindings(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('findings')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
