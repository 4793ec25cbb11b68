import { Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileWithPath } from '@mantine/dropzone';
import { IconFileCertificate, IconFolderOpen, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  busy: boolean;
  /** compact: a slim bar once a report is shown, to drop other files */
  compact: boolean;
  onFiles(files: File[]): void;
  onChoose(): void;
  /** test ids of the drop area and the button, when another drop area (the import wizard's) is on screen too */
  testId?: string;
  chooseTestId?: string;
}

/**
 * Accepts any file: the format is detected from the content by main, never from the extension. Clicking does
 * not open the browser's file input — "Choose files…" opens the native dialog in main instead.
 */
export function FileDrop({ busy, compact, onFiles, onChoose, testId = 'dropzone', chooseTestId = 'choose-files' }: Props) {
  const { t } = useTranslation();
  return (
    <Dropzone
      onDrop={(files: FileWithPath[]) => onFiles(files)}
      activateOnClick={false}
      activateOnKeyboard={false}
      useFsAccessApi={false}
      multiple
      loading={busy}
      loaderProps={{ 'aria-label': t('inspect.drop.reading') } as object}
      radius="md"
      p={compact ? 'md' : 'xl'}
      aria-label={t('inspect.drop.ariaLabel')}
      inputProps={{ 'aria-label': t('inspect.drop.ariaLabel') }}
      data-testid={testId}
    >
      <Group justify="center" gap={compact ? 'md' : 'xl'} wrap="nowrap" mih={compact ? 48 : 180}>
        <Dropzone.Accept>
          <IconUpload size={compact ? 28 : 48} stroke={1.5} color="var(--mantine-color-indigo-6)" aria-hidden />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconUpload size={compact ? 28 : 48} stroke={1.5} color="var(--mantine-color-red-6)" aria-hidden />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconFileCertificate size={compact ? 28 : 48} stroke={1.5} color="var(--mantine-color-dimmed)" aria-hidden />
        </Dropzone.Idle>
        <Stack gap={compact ? 0 : 6} style={{ flex: compact ? 1 : undefined, minWidth: 0 }} maw={560}>
          <Text size={compact ? 'sm' : 'lg'} fw={600}>
            {compact ? t('inspect.drop.compactTitle') : t('inspect.drop.title')}
          </Text>
          {!compact && (
            <Text size="sm" c="dimmed">
              {t('inspect.drop.description')}
            </Text>
          )}
          {!compact && (
            <Text size="xs" c="dimmed">
              {t('inspect.drop.privacy')}
            </Text>
          )}
        </Stack>
        {/* pointer events are re-enabled here: the button sits inside the drop area */}
        <Button
          variant={compact ? 'default' : 'filled'}
          leftSection={<IconFolderOpen size={18} aria-hidden />}
          onClick={(event) => {
            event.stopPropagation();
            onChoose();
          }}
          disabled={busy}
          style={{ pointerEvents: 'all', flexShrink: 0 }}
          data-testid={chooseTestId}
        >
          {t('inspect.drop.choose')}
        </Button>
      </Group>
    </Dropzone>
  );
}
