import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconFolderOpen, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VaultCaSummary } from '../../../../electron/common/dto/truststore';
import { fileName, formatDate } from '../../lib/format';

interface Props {
  files: string[];
  available: VaultCaSummary[];
  chosen: string[];
  onPickFiles(): void;
  onRemoveFile(path: string): void;
  onToggleVaultCa(sha256: string): void;
}

/** Where the CAs come from: files chosen in the native dialog, and the vault's CA certificates. */
export function CaSources({ files, available, chosen, onPickFiles, onRemoveFile, onToggleVaultCa }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>{t('truststore.sources.files')}</Title>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFolderOpen size={16} aria-hidden />}
            onClick={onPickFiles}
            data-testid="truststore-add-files"
          >
            {t('truststore.sources.addFiles')}
          </Button>
        </Group>
        {files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('truststore.sources.noFiles')}
          </Text>
        ) : (
          <Stack gap={4} data-testid="truststore-files">
            {files.map((path) => (
              <Group key={path} gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" className="wrap-anywhere" title={path} translate="no">
                  {fileName(path)}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  onClick={() => onRemoveFile(path)}
                  aria-label={t('truststore.sources.removeFile', { file: fileName(path) })}
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('truststore.sources.vault')}</Title>
        {available.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="truststore-vault-empty">
            {t('truststore.sources.noVaultCas')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={320} type="auto">
            <Stack gap={6} data-testid="truststore-vault-cas">
              {available.map((ca) => (
                <Paper key={ca.sha256} withBorder radius="sm" p="xs">
                  <Checkbox
                    checked={chosen.includes(ca.sha256)}
                    onChange={() => onToggleVaultCa(ca.sha256)}
                    data-sha256={ca.sha256}
                    label={
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={500} className="wrap-anywhere" translate="no">
                            {ca.name}
                          </Text>
                          <Badge
                            size="xs"
                            variant="light"
                            color={ca.selfSigned ? 'indigo' : 'cyan'}
                            style={{ flexShrink: 0 }}
                          >
                            {t(ca.selfSigned ? 'truststore.sources.root' : 'truststore.sources.intermediate')}
                          </Badge>
                        </Group>
                        <Text size="xs" c="dimmed" className="wrap-anywhere" translate="no">
                          {ca.subject}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('truststore.sources.caFacts', {
                            key: ca.key,
                            date: formatDate(ca.notAfter, i18n.language),
                          })}
                        </Text>
                      </Stack>
                    }
                  />
                </Paper>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Stack>
  );
}
