import { Badge, Button, Group, Select, TextInput, Tooltip } from '@mantine/core';
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProbeResult } from '../../../../../electron/common/dto/probe';
import { consoleStore, useConsole } from '../console-store';
import { METHODS, type Method } from './request-model';

/** Method, URL, the detected target of the last result, and Send (Ctrl/Cmd+Enter) or Cancel. */
export function RequestBar({ onSend, result }: { onSend: () => void; result: ProbeResult | null }) {
  const { t } = useTranslation();
  const { form, running } = useConsole();
  const sameUrl = result !== null && result.url === form.url.trim();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="request-bar">
      <Select
        aria-label={t('probe.form.method')}
        data={[...METHODS]}
        value={form.method}
        onChange={(value) => value && consoleStore.setForm({ method: value as Method })}
        allowDeselect={false}
        w={112}
        data-testid="method"
      />
      <TextInput
        aria-label={t('probe.form.url')}
        placeholder="https://api.example.com/health"
        value={form.url}
        onChange={(event) => consoleStore.setForm({ url: event.currentTarget.value })}
        style={{ flex: 1, minWidth: 0 }}
        spellCheck={false}
        autoComplete="off"
        data-testid="url"
        translate="no"
        rightSectionWidth={sameUrl ? 150 : undefined}
        rightSection={
          sameUrl ? (
            <Tooltip
              label={
                result.targetDetected
                  ? t('probe.target.detectedTip', { evidence: result.targetEvidence.join('; ') || '—' })
                  : t('probe.target.chosenTip')
              }
              multiline
              maw={360}
            >
              <Badge
                variant="light"
                tt="none"
                maw={140}
                color={result.target === 'generic' ? 'gray' : 'grape'}
                data-testid="target-badge"
                data-target={result.target}
              >
                {t(`probe.target.names.${result.target}`)}
              </Badge>
            </Tooltip>
          ) : null
        }
      />
      {running ? (
        <Button
          color="red"
          variant="light"
          leftSection={<IconPlayerStop size={16} />}
          onClick={() => void consoleStore.cancel()}
          data-testid="cancel"
        >
          {t('probe.form.cancel')}
        </Button>
      ) : (
        <Tooltip label={t('probe.form.sendShortcut')}>
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={onSend} data-testid="send">
            {t('probe.form.send')}
          </Button>
        </Tooltip>
      )}
    </Group>
  );
}
