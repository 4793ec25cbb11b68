import { Alert, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertCircle, IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../lib/errors';
import { consoleStore, useConsole } from './console-store';
import { CollectionsPanel } from './history/CollectionsPanel';
import { HistoryPanel } from './history/HistoryPanel';
import { AdvancedOptions } from './request/AdvancedOptions';
import { IdentityPicker, useHostMatch } from './request/IdentityPicker';
import { RepeatControls } from './request/RepeatControls';
import { RequestBar } from './request/RequestBar';
import { isProblem, toProbeRequest, type FormProblem } from './request/request-model';
import { RepeatPanel } from './result/RepeatPanel';
import { ResultView } from './result/ResultView';

/** The mTLS Test console: one request (or a repeat run), the verdict, and everything that explains it. */
export function TestConsoleScreen() {
  const { t } = useTranslation();
  const { form, running, shown, error } = useConsole();
  const match = useHostMatch(form.url);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const send = () => {
    if (consoleStore.get().running) return;
    const request = toProbeRequest(consoleStore.get().form, {
      autoIdentity: match?.identity?.name ?? null,
      filesPassword: password,
    });
    if (isProblem(request)) return setProblem(request);
    setProblem(null);
    void consoleStore.run(request);
  };
  // Ctrl/Cmd+Enter sends from anywhere on the screen, inputs included
  useHotkeys([['mod+Enter', send]], []);

  const translated = error ? translateError(t, error) : null;
  const progress = running?.progress;
  return (
    <Stack gap="md" data-testid="screen-test-console">
      <Title order={2}>{t('screens.testConsole.title')}</Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Stack gap="sm">
                <RequestBar onSend={send} result={shown?.result ?? null} />
                <Group align="flex-start" gap="md" wrap="wrap">
                  <IdentityPicker match={match} password={password} onPassword={setPassword} />
                  <RepeatControls />
                </Group>
                <AdvancedOptions />
                {problem && (
                  <Text size="sm" c="red" data-testid="form-problem">
                    {t(`probe.form.problems.${problem.key}`, { line: problem.line ?? '' })}
                  </Text>
                )}
              </Stack>
            </Card>
            {running && (
              <RepeatPanel
                done={progress?.done ?? 0}
                total={running.total}
                succeeded={progress?.succeeded ?? 0}
                failed={progress?.failed ?? 0}
                latencies={running.latencies}
                summary={null}
              />
            )}
            {translated && (
              <Alert
                color="red"
                icon={<IconAlertCircle size={18} />}
                title={translated.message}
                data-testid="run-error"
              >
                {translated.hint}
              </Alert>
            )}
            {shown ? (
              <ResultView key={shown.runId} entry={shown} />
            ) : (
              !running && (
                <Card withBorder radius="md" padding="xl" data-testid="console-empty">
                  <Stack align="center" gap="xs">
                    <IconPlugConnected size={36} stroke={1.4} color="var(--mantine-color-dimmed)" />
                    <Text fw={600}>{t('probe.empty.title')}</Text>
                    <Text size="sm" c="dimmed" ta="center" maw={520}>
                      {t('probe.empty.hint')}
                    </Text>
                  </Stack>
                </Card>
              )
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Stack gap="md">
            <HistoryPanel />
            <CollectionsPanel />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
