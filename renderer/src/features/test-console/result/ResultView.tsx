import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../console-store';
import { DiagnosisTab } from './DiagnosisTab';
import { HandshakeTab } from './HandshakeTab';
import { RepeatPanel } from './RepeatPanel';
import { ReproduceTab } from './ReproduceTab';
import { ResponseTab } from './ResponseTab';
import { TimingTab } from './TimingTab';
import { VerdictBanner } from './VerdictBanner';

export const RESULT_TABS = ['diagnosis', 'handshake', 'timing', 'response', 'reproduce'] as const;

/** A finished run: the verdict, the repeat summary when there was one, and the five tabs. */
export function ResultView({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const { result } = entry;
  const repeat = result.repeat;
  return (
    <Stack gap="md" data-testid="result" data-run={entry.runId}>
      <VerdictBanner result={result} />
      {repeat && (
        <RepeatPanel
          done={repeat.requests}
          // a cancelled run measured fewer requests than were asked for, and says so
          total={Math.max(repeat.requests, entry.request.repeat.enabled ? entry.request.repeat.count : 0)}
          succeeded={repeat.succeeded}
          failed={repeat.failed}
          latencies={entry.latencies}
          summary={repeat}
        />
      )}
      <Tabs defaultValue="diagnosis" keepMounted={false} data-testid="result-tabs">
        <Tabs.List>
          {RESULT_TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab} data-testid={`tab-${tab}-button`}>
              {t(`probe.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="diagnosis" pt="md">
          <DiagnosisTab result={result} />
        </Tabs.Panel>
        <Tabs.Panel value="handshake" pt="md">
          <HandshakeTab result={result} />
        </Tabs.Panel>
        <Tabs.Panel value="timing" pt="md">
          <TimingTab timings={result.timings} />
        </Tabs.Panel>
        <Tabs.Panel value="response" pt="md">
          <ResponseTab http={result.http} />
        </Tabs.Panel>
        <Tabs.Panel value="reproduce" pt="md">
          <ReproduceTab result={result} runId={entry.runId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
