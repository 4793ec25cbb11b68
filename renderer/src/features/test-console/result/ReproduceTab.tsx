import { ActionIcon, Button, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProbeResult } from '../../../../../electron/common/dto/probe';
import { translateError } from '../../../lib/errors';
import { studio } from '../../../lib/studio';
import { DataSentence } from './DataSentence';

function CommandBlock({ label, text, testId }: { label: string; text: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {label}
        </Text>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('probe.reproduce.copied') : t('probe.reproduce.copy')}>
              <ActionIcon
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                aria-label={t('probe.reproduce.copy')}
                data-testid={`${testId}-copy`}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Code
        block
        translate="no"
        data-testid={testId}
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
      >
        {text}
      </Code>
    </Stack>
  );
}

/** curl and openssl lines equivalent to this run (paths as placeholders), and the ticket-ready report. */
export function ReproduceTab({ result, runId }: { result: ProbeResult; runId: string }) {
  const { t } = useTranslation();
  const fail = (error: Parameters<typeof translateError>[1]) => {
    const text = translateError(t, error);
    notifications.show({ color: 'red', title: text.message, message: text.hint });
  };
  const copyReport = async (format: 'markdown' | 'json') => {
    const report = await studio().probe.report(runId, format);
    if (!report.ok) return fail(report.error);
    try {
      await navigator.clipboard.writeText(report.value.text);
      notifications.show({ color: 'teal', message: t('probe.reproduce.reportCopied') });
    } catch {
      notifications.show({ color: 'red', message: t('probe.reproduce.clipboardFailed') });
    }
  };
  const save = async (format: 'markdown' | 'json') => {
    const saved = await studio().probe.saveReport(runId, format);
    if (!saved.ok) return fail(saved.error);
    if (saved.value.saved)
      notifications.show({
        color: 'teal',
        message: <DataSentence i18nKey="probe.reproduce.saved" values={{ path: saved.value.path ?? '' }} />,
      });
  };
  return (
    <Stack gap="md" data-testid="tab-reproduce">
      <CommandBlock label={t('probe.reproduce.curl')} text={result.reproduce.curl} testId="reproduce-curl" />
      <CommandBlock
        label={t('probe.reproduce.openssl')}
        text={result.reproduce.openssl}
        testId="reproduce-openssl"
      />
      <Text size="xs" c="dimmed">
        {t('probe.reproduce.placeholders')}
      </Text>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('probe.reproduce.report')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('probe.reproduce.reportHint')}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconCopy size={14} />}
            onClick={() => void copyReport('markdown')}
            data-testid="report-copy"
          >
            {t('probe.reproduce.copyMarkdown')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconCopy size={14} />}
            onClick={() => void copyReport('json')}
          >
            {t('probe.reproduce.copyJson')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDeviceFloppy size={14} />}
            onClick={() => void save('markdown')}
            data-testid="report-save"
          >
            {t('probe.reproduce.saveMarkdown')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDeviceFloppy size={14} />}
            onClick={() => void save('json')}
          >
            {t('probe.reproduce.saveJson')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
