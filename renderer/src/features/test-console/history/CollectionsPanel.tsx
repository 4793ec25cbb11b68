import {
  ActionIcon,
  Button,
  Card,
  FileButton,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconDownload, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleStore, useConsole } from '../console-store';
import { collectionsStore, useCollections } from './collections-store';
import { withholdSecretHeaders } from './secret-headers';

/** "Authorization value not saved — type it again before sending", or nothing when no value was dropped */
function WithheldNote({ names, testId }: { names: string[]; testId: string }) {
  const { t } = useTranslation();
  if (names.length === 0) return null;
  const key = names.length === 1 ? 'probe.collections.withheld' : 'probe.collections.withheldMany';
  return (
    <Text size="xs" c="orange" className="wrap-anywhere" data-testid={testId}>
      {t(key, { names: names.join(', ') })}
    </Text>
  );
}

function SaveModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { form } = useConsole();
  const [collection, setCollection] = useState('');
  const [name, setName] = useState('');
  const save = () => {
    collectionsStore.saveRequest(
      collection.trim() || t('probe.collections.defaultName'),
      name.trim() || form.url.trim() || t('probe.collections.untitled'),
      form,
    );
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('probe.collections.saveTitle')}>
      <Stack>
        <TextInput
          label={t('probe.collections.collection')}
          placeholder={t('probe.collections.defaultName')}
          value={collection}
          onChange={(e) => setCollection(e.currentTarget.value)}
          data-testid="save-collection"
        />
        <TextInput
          label={t('probe.collections.requestName')}
          placeholder={form.url}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="save-name"
        />
        <Text size="xs" c="dimmed">
          {t('probe.collections.noSecrets')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('probe.collections.headersAndBody')}
        </Text>
        <WithheldNote names={withholdSecretHeaders(form.headers).withheld} testId="save-withheld" />
        <Group justify="flex-end">
          <Button onClick={save} data-testid="save-confirm">
            {t('probe.collections.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function TransferModal({ mode, onClose }: { mode: 'export' | 'import' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const exported = mode === 'export' ? collectionsStore.exportJson() : '';
  const doImport = (json: string) => {
    const added = collectionsStore.importJson(json);
    if (added === null) notifications.show({ color: 'red', message: t('probe.collections.importInvalid') });
    else {
      notifications.show({ color: 'teal', message: t('probe.collections.imported', { n: added }) });
      setText('');
      onClose();
    }
  };
  return (
    <Modal
      opened={mode !== null}
      onClose={onClose}
      title={mode === 'export' ? t('probe.collections.exportTitle') : t('probe.collections.importTitle')}
      size="lg"
    >
      {mode === 'export' ? (
        <Stack>
          <Text size="sm">{t('probe.collections.exportHint')}</Text>
          <Textarea
            value={exported}
            readOnly
            autosize
            minRows={6}
            maxRows={16}
            translate="no"
            data-testid="export-json"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          />
          <Group justify="flex-end">
            <Button
              onClick={() =>
                void navigator.clipboard
                  .writeText(exported)
                  .then(() => notifications.show({ color: 'teal', message: t('probe.reproduce.copied') }))
              }
            >
              {t('probe.collections.copyJson')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">{t('probe.collections.importHint')}</Text>
          <Textarea
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={16}
            data-testid="import-json"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          />
          <Group justify="space-between">
            <FileButton accept="application/json,.json" onChange={(file) => void file?.text().then(doImport)}>
              {(props) => (
                <Button variant="default" {...props}>
                  {t('probe.collections.importFile')}
                </Button>
              )}
            </FileButton>
            <Button onClick={() => doImport(text)} disabled={!text.trim()} data-testid="import-confirm">
              {t('probe.collections.import')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Saved requests by collection (localStorage; credential header values dropped), with save, export, import. */
export function CollectionsPanel() {
  const { t } = useTranslation();
  const collections = useCollections();
  const [saving, setSaving] = useState(false);
  const [transfer, setTransfer] = useState<'export' | 'import' | null>(null);
  return (
    <Card withBorder radius="md" padding="sm" data-testid="collections">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} size="sm">
          {t('probe.collections.title')}
        </Text>
        <Group gap={2} wrap="nowrap">
          <Tooltip label={t('probe.collections.saveTitle')}>
            <ActionIcon
              variant="subtle"
              onClick={() => setSaving(true)}
              aria-label={t('probe.collections.saveTitle')}
              data-testid="save-request"
            >
              <IconDeviceFloppy size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('probe.collections.exportTitle')}>
            <ActionIcon
              variant="subtle"
              onClick={() => setTransfer('export')}
              aria-label={t('probe.collections.exportTitle')}
              disabled={collections.length === 0}
              data-testid="collections-export"
            >
              <IconDownload size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('probe.collections.importTitle')}>
            <ActionIcon
              variant="subtle"
              onClick={() => setTransfer('import')}
              aria-label={t('probe.collections.importTitle')}
              data-testid="collections-import"
            >
              <IconUpload size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {collections.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('probe.collections.empty')}
        </Text>
      )}
      <Stack gap="xs">
        {collections.map((collection) => (
          <Stack key={collection.id} gap={2}>
            <Text size="xs" fw={600} c="dimmed" className="wrap-anywhere" data-testid="collection-name">
              {collection.name}
            </Text>
            {collection.requests.map((saved) => (
              <Stack key={saved.id} gap={0}>
                <Group gap={4} wrap="nowrap">
                  <UnstyledButton
                    onClick={() => consoleStore.setForm(saved.request)}
                    style={{ flex: 1, minWidth: 0 }}
                    data-testid="saved-request"
                  >
                    <Text size="xs" truncate title={saved.request.url}>
                      {saved.name}
                    </Text>
                  </UnstyledButton>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="gray"
                    onClick={() => collectionsStore.removeRequest(collection.id, saved.id)}
                    aria-label={t('probe.collections.remove')}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
                <WithheldNote names={saved.withheldHeaders} testId="withheld-note" />
              </Stack>
            ))}
          </Stack>
        ))}
      </Stack>
      <SaveModal opened={saving} onClose={() => setSaving(false)} />
      <TransferModal mode={transfer} onClose={() => setTransfer(null)} />
    </Card>
  );
}
