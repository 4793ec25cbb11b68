import { Badge, Code, Group, Spoiler, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisSeverity, ProbeResult } from '../../../../../electron/common/dto/probe';
import { useLanguage } from '../../../i18n';
import { DataSentence } from './DataSentence';
import { findingText } from './finding-text';

const LOOK: Record<DiagnosisSeverity, { color: string; icon: typeof IconInfoCircle }> = {
  error: { color: 'red', icon: IconCircleX },
  warning: { color: 'yellow', icon: IconAlertTriangle },
  info: { color: 'blue', icon: IconInfoCircle },
};

/**
 * Every finding, most serious first: translated title, fix and detail (what was observed). In English the detail
 * is the core's own sentence, the one the CLI and reports print; in Chinese it is the translated template with the
 * same values, and the core's English sentence stays one click away for pasting into tickets.
 */
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
                <Text size="sm" c="dimmed" className="wrap-anywhere" data-testid="finding-detail">
                  {finding.detail}
                </Text>
              ) : (
                <>
                  <Text size="sm" c="dimmed" className="wrap-anywhere" data-testid="finding-detail">
                    <DataSentence i18nKey={text.detailKey} values={text.values} phrases={text.phrases} />
                  </Text>
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
