import { Group, NumberInput, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { consoleStore, useConsole } from '../console-store';

/** Repeat mode: N requests, C at a time, each with a new connection and a full handshake. */
export function RepeatControls() {
  const { t } = useTranslation();
  const { form } = useConsole();
  const repeat = form.repeat;
  const update = (change: Partial<typeof repeat>) =>
    consoleStore.setForm({ repeat: { ...repeat, ...change } });
  return (
    <Stack gap={4} w={{ base: '100%', sm: 300 }}>
      <Switch
        label={t('probe.repeat.toggle')}
        checked={repeat.enabled}
        onChange={(e) => update({ enabled: e.currentTarget.checked })}
        mt={4}
        data-testid="repeat-toggle"
      />
      {repeat.enabled && (
        <Group gap="xs" grow>
          <NumberInput
            size="xs"
            label={t('probe.repeat.count')}
            value={repeat.count}
            min={1}
            max={10_000}
            onChange={(v) => update({ count: Math.max(1, Math.min(10_000, Number(v) || 1)) })}
            data-testid="repeat-count"
          />
          <NumberInput
            size="xs"
            label={t('probe.repeat.concurrency')}
            value={repeat.concurrency}
            min={1}
            max={256}
            onChange={(v) => update({ concurrency: Math.max(1, Math.min(256, Number(v) || 1)) })}
            data-testid="repeat-concurrency"
          />
        </Group>
      )}
    </Stack>
  );
}
