import { Badge, Card, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { consoleStore, useConsole } from '../console-store';

const TONE = { error: 'red', warning: 'yellow', info: 'teal' } as const;

/** This session's runs, newest first; a click shows the run again (and puts its request back in the form). */
export function HistoryPanel() {
  const { t } = useTranslation();
  const { history, shown } = useConsole();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="history">
      <Text fw={600} size="sm" mb="xs">
        {t('probe.history.title')}
      </Text>
      {history.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('probe.history.empty')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={300}>
          <Stack gap={4}>
            {history.map((entry) => {
              const top = entry.result.diagnosis[0];
              const time = new Date(entry.at).toLocaleTimeString();
              return (
                <UnstyledButton
                  key={entry.runId}
                  onClick={() => consoleStore.show(entry)}
                  data-testid="history-entry"
                  p={6}
                  style={{
                    borderRadius: 6,
                    background:
                      shown?.runId === entry.runId ? 'var(--mantine-color-default-hover)' : undefined,
                  }}
                >
                  <Group gap={6} wrap="wrap">
                    <Badge
                      size="xs"
                      color={top ? TONE[top.severity] : 'gray'}
                      variant="light"
                      tt="none"
                      translate="no"
                      style={{ flexShrink: 0 }}
                    >
                      {top?.code ?? entry.result.outcome}
                    </Badge>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} translate="no">
                      {time}
                    </Text>
                  </Group>
                  <Text size="xs" truncate translate="no" title={entry.result.url}>
                    {entry.request.method} {entry.result.url}
                  </Text>
                </UnstyledButton>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
