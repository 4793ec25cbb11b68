import { Badge, Code, Group, Spoiler, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type {
  DiagnosisFinding,
  DiagnosisSeverity,
  ProbeResult,
} from '../../../../../electron/common/dto/probe';
import { useLanguage } from '../../../i18n';
import { DataSentence } from './DataSentence';
import { findingText, SHOWN_PARAMS } from './finding-text';

const LOOK: Record<DiagnosisSeverity, { color: string; icon: typeof IconInfoCircle }> = {
  error: { color: 'red', icon: IconCircleX },
  warning: { color: 'yellow', icon: IconAlertTriangle },
  info: { color: 'blue', icon: IconInfoCircle },
};

function Params({ finding }: { finding: DiagnosisFinding }) {
  const { t } = useTranslation();
  const rows = SHOWN_PARAMS.filter((key) => finding.params[key] !== undefined && finding.params[key] !== '');
  if (rows.length === 0) return null;
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" fz="xs" layout="fixed">
      <Table.Tbody>
        {rows.map((key) => (
          <Table.Tr key={key}>
            <Table.Td w={150} c="dimmed" style={{ verticalAlign: 'top' }}>
              {t(`probe.params.${key}`)}
            </Table.Td>
            <Table.Td translate="no" className="wrap-anywhere">
              {String(finding.params[key])}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Every finding, most serious first: translated title and fix, the observed values, and the core's own words. */
export function DiagnosisTab({ result }: { result: ProbeResult }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  return (
    <Stack gap="md" data-testid="tab-diagnosis">
      {result.diagnosis.map((finding, i) => {
        const look = LOOK[finding.severity];
        const Icon = look.icon;
        const text = findingText(finding, result);
        return (
          <Group
            key={`${finding.code}-${i}`}
            gap="sm"
            wrap="nowrap"
            align="flex-start"
            data-testid="probe-finding"
            data-code={finding.code}
          >
            <ThemeIcon color={look.color} variant="light" radius="xl" size="lg" aria-hidden>
              <Icon size={18} />
            </ThemeIcon>
            <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Text fw={600} size="sm" className="wrap-anywhere" style={{ flex: 1 }}>
                  <DataSentence i18nKey={text.titleKey} values={text.values} />
                </Text>
                <Code translate="no" style={{ flexShrink: 0 }}>
                  {finding.code}
                </Code>
                <Badge color={look.color} variant="light" size="sm" tt="none" style={{ flexShrink: 0 }}>
                  {t(`probe.severity.${finding.severity}`)}
                </Badge>
              </Group>
              <Text size="sm" className="wrap-anywhere">
                <Text span fw={600} size="sm">
                  {t('probe.diagnosis.fix')}
                </Text>{' '}
                <DataSentence i18nKey={text.fixKey} values={text.values} />
              </Text>
              {language === 'en' ? (
                <Text size="sm" c="dimmed" className="wrap-anywhere">
                  {finding.detail}
                </Text>
              ) : (
                <>
                  <Params finding={finding} />
                  <Spoiler
                    maxHeight={0}
                    showLabel={t('probe.diagnosis.showOriginal')}
                    hideLabel={t('probe.diagnosis.hideOriginal')}
                    fz="xs"
                  >
                    <Text size="xs" c="dimmed" lang="en" translate="no" className="wrap-anywhere">
                      {finding.detail}
                    </Text>
                  </Spoiler>
                </>
              )}
            </Stack>
          </Group>
        );
      })}
      {result.preflight.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('probe.diagnosis.preflight')}
          </Text>
          <Group gap="xs">
            {result.preflight.map((check) => (
              <Badge
                key={check.check}
                variant="light"
                tt="none"
                color={{ pass: 'teal', warn: 'yellow', fail: 'red', unknown: 'gray' }[check.status]}
                data-check={check.check}
              >
                {t(`probe.preflight.${check.check}`)}: {t(`probe.preflight.status.${check.status}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
