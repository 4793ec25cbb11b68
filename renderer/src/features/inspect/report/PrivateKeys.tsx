import { Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconKey, IconKeyOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo, PrivateKeyInfo } from '../../../../../electron/common/dto/inspect';
import { describeKey } from '../../../lib/format';
import { displayName } from './model';

/** The private keys found (described only: their bytes stay in main) and the certificate each belongs to. */
export function PrivateKeys({ keys, bySha }: { keys: PrivateKeyInfo[]; bySha: Map<string, CertificateInfo> }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" radius="md" data-testid="private-keys">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('inspect.keys.title')}
        </Title>
        {keys.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('inspect.keys.none')}
          </Text>
        )}
        {keys.map((key, i) => {
          const cert = key.certificateSha256 ? bySha.get(key.certificateSha256) : undefined;
          return (
            <Group key={`${key.source}-${i}`} gap="sm" wrap="nowrap" align="flex-start" data-testid="private-key">
              <ThemeIcon variant="light" color={cert ? 'teal' : 'orange'} size="lg" radius="md" aria-hidden>
                {cert ? <IconKey size={18} /> : <IconKeyOff size={18} />}
              </ThemeIcon>
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Group gap="xs">
                  <Text fw={600}>{describeKey(key)}</Text>
                  {key.wasEncrypted && (
                    <Badge size="sm" variant="light" color="gray" tt="none">
                      {t('inspect.keys.wasEncrypted')}
                    </Badge>
                  )}
                  {key.friendlyName && (
                    <Badge size="sm" variant="outline" color="gray" tt="none" translate="no">
                      {key.friendlyName}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c={cert ? 'teal' : 'orange'} className="wrap-anywhere" data-testid="key-match">
                  {cert ? t('inspect.keys.matches', { name: displayName(cert, t('inspect.card.noName')) }) : t('inspect.keys.noMatch')}
                </Text>
                <Text size="xs" c="dimmed" className="wrap-anywhere">
                  {t('inspect.card.source', { file: key.source })}
                </Text>
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
