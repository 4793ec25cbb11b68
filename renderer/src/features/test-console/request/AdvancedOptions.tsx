import {
  Alert,
  Button,
  Checkbox,
  Collapse,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconChevronRight,
  IconFolderOpen,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fileName } from '../../../lib/format';
import { studio } from '../../../lib/studio';
import { consoleStore, useConsole } from '../console-store';
import { TARGETS, type TargetChoice } from './request-model';

const VERSIONS = ['', '1.2', '1.3'] as const;

/** CA files, SNI, --resolve, TLS versions, target, timeout, headers, body, --insecure: folded away until needed. */
export function AdvancedOptions() {
  const { t } = useTranslation();
  const { form } = useConsole();
  const [opened, { toggle }] = useDisclosure(false);
  const versions = VERSIONS.map((v) => ({
    value: v,
    label: v ? `TLS ${v}` : t('probe.advanced.tlsDefault'),
  }));
  const pickCa = async () => {
    const picked = await studio().files.pick();
    if (picked.ok)
      consoleStore.setForm({ caFiles: [...new Set([...form.caFiles, ...picked.value.paths])].slice(0, 16) });
  };
  const changed =
    form.caFiles.length +
    (form.servername ? 1 : 0) +
    (form.resolve.trim() ? 1 : 0) +
    (form.tlsMin || form.tlsMax ? 1 : 0) +
    (form.headers.trim() ? 1 : 0) +
    (form.body ? 1 : 0) +
    (form.insecure ? 1 : 0) +
    (form.target !== 'auto' ? 1 : 0);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={toggle}
          leftSection={opened ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          aria-expanded={opened}
          data-testid="advanced-toggle"
        >
          {t('probe.advanced.title')}
        </Button>
        {changed > 0 && !opened && (
          <Text size="xs" c="dimmed">
            {t('probe.advanced.changed', { n: changed })}
          </Text>
        )}
      </Group>
      <Collapse expanded={opened}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="xs" data-testid="advanced">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('probe.advanced.caFiles')}
            </Text>
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                leftSection={<IconFolderOpen size={14} />}
                onClick={() => void pickCa()}
                data-testid="ca-pick"
              >
                {t('probe.advanced.addCa')}
              </Button>
              {form.caFiles.length > 0 && (
                <Button
                  variant="subtle"
                  size="xs"
                  color="gray"
                  leftSection={<IconX size={14} />}
                  onClick={() => consoleStore.setForm({ caFiles: [] })}
                >
                  {t('probe.advanced.clearCa')}
                </Button>
              )}
            </Group>
            <Text
              size="xs"
              c="dimmed"
              translate={form.caFiles.length ? 'no' : undefined}
              className="wrap-anywhere"
              data-testid="ca-files"
            >
              {form.caFiles.length ? form.caFiles.map(fileName).join(', ') : t('probe.advanced.systemRoots')}
            </Text>
          </Stack>
          <TextInput
            label={t('probe.advanced.servername')}
            description={t('probe.advanced.servernameHint')}
            value={form.servername}
            onChange={(e) => consoleStore.setForm({ servername: e.currentTarget.value })}
            spellCheck={false}
          />
          <Textarea
            label={t('probe.advanced.resolve')}
            description={t('probe.advanced.resolveHint')}
            placeholder="api.example.com:443:10.0.0.12"
            value={form.resolve}
            onChange={(e) => consoleStore.setForm({ resolve: e.currentTarget.value })}
            autosize
            minRows={2}
            maxRows={5}
            spellCheck={false}
          />
          <Group grow align="flex-start">
            <Select
              label={t('probe.advanced.tlsMin')}
              data={versions}
              value={form.tlsMin}
              onChange={(v) => consoleStore.setForm({ tlsMin: (v ?? '') as '' })}
              allowDeselect={false}
            />
            <Select
              label={t('probe.advanced.tlsMax')}
              data={versions}
              value={form.tlsMax}
              onChange={(v) => consoleStore.setForm({ tlsMax: (v ?? '') as '' })}
              allowDeselect={false}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('probe.advanced.target')}
              data={TARGETS.map((target) => ({ value: target, label: t(`probe.target.names.${target}`) }))}
              value={form.target}
              onChange={(v) => v && consoleStore.setForm({ target: v as TargetChoice })}
              allowDeselect={false}
            />
            <NumberInput
              label={t('probe.advanced.timeout')}
              value={form.timeoutMs}
              min={100}
              max={120_000}
              step={1000}
              onChange={(v) => consoleStore.setForm({ timeoutMs: Number(v) || 10_000 })}
              suffix=" ms"
            />
          </Group>
          <Textarea
            label={t('probe.advanced.headers')}
            description={t('probe.advanced.headersHint')}
            placeholder="Accept: application/json"
            value={form.headers}
            onChange={(e) => consoleStore.setForm({ headers: e.currentTarget.value })}
            data-testid="headers"
            autosize
            minRows={2}
            maxRows={6}
            spellCheck={false}
          />
          <Textarea
            label={t('probe.advanced.body')}
            description={
              ['GET', 'HEAD'].includes(form.method)
                ? t('probe.advanced.bodyIgnored')
                : t('probe.advanced.bodyHint')
            }
            value={form.body}
            onChange={(e) => consoleStore.setForm({ body: e.currentTarget.value })}
            autosize
            minRows={2}
            maxRows={8}
            spellCheck={false}
          />
          <Stack gap={4}>
            <Checkbox
              label={t('probe.advanced.insecure')}
              checked={form.insecure}
              onChange={(e) => consoleStore.setForm({ insecure: e.currentTarget.checked })}
              color="red"
            />
            {form.insecure && (
              <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
                <Text size="xs">{t('probe.advanced.insecureWarning')}</Text>
              </Alert>
            )}
          </Stack>
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}
