import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { studio } from '../../lib/studio';

/** ALB's limit on CAs in one trust store; the main process refuses longer lists too */
const MAX_TRUST_FILES = 25;
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * The CA files the lab's verifying endpoints trust besides the lab CA — typically the trust-store bundle about to
 * be uploaded, so the lab answers as the cloud endpoint will. Chosen before the start (the native picker); while
 * the lab runs they are shown as it runs with them.
 */
export function LabTrustFiles({
  files,
  onChange,
  running,
}: {
  files: string[];
  onChange: (files: string[]) => void;
  running: boolean;
}) {
  const { t } = useTranslation();
  const add = async () => {
    const picked = await studio().files.pick();
    if (!picked.ok || picked.value.paths.length === 0) return;
    onChange([...new Set([...files, ...picked.value.paths])].slice(0, MAX_TRUST_FILES));
  };
  return (
    <Stack gap={4} data-testid="lab-trust">
      <Text size="sm" fw={500}>
        {t('targets.lab.trust.title')}
      </Text>
      {!running && (
        <Text size="xs" c="dimmed">
          {t('targets.lab.trust.hint')}
        </Text>
      )}
      <Group gap="xs" wrap="wrap" align="center">
        {!running && (
          <>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconFilePlus size={14} />}
              onClick={() => void add()}
              disabled={files.length >= MAX_TRUST_FILES}
              data-testid="lab-trust-add"
            >
              {t('targets.lab.trust.add')}
            </Button>
            {files.length > 0 && (
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onChange([])}>
                {t('targets.lab.trust.clear')}
              </Button>
            )}
          </>
        )}
        <Text
          size="xs"
          c={files.length ? undefined : 'dimmed'}
          className="wrap-anywhere"
          translate={files.length ? 'no' : undefined}
          title={files.join('\n')}
          data-testid="lab-trust-files"
        >
          {files.length ? files.map(fileName).join(', ') : t('targets.lab.trust.none')}
        </Text>
      </Group>
    </Stack>
  );
}
