import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../lib/format';

/** A fingerprint in OpenSSL's AB:CD:… form, wrapping inside its box, with a copy button. */
export function Fingerprint({ label, hex }: { label: string; hex: string }) {
  const { t } = useTranslation();
  const shown = formatFingerprint(hex);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={72} style={{ flexShrink: 0 }} pt={2}>
        {label}
      </Text>
      <Text className="mono wrap-anywhere" style={{ flex: 1 }} data-fingerprint={label} data-hex={hex} translate="no">
        {shown}
      </Text>
      <CopyButton value={shown} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('inspect.card.copyFingerprint', { label })} withArrow position="left">
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={t('inspect.card.copyFingerprint', { label })}
              style={{ flexShrink: 0 }}
            >
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
