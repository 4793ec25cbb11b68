import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconFileImport, IconFilePlus, IconSignature, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PendingRequest } from '../../../../../electron/common/dto/ca';
import { formatDateTime } from '../../../lib/format';

interface Props {
  pending: PendingRequest[];
  onCreate(): void;
  onComplete(): void;
  onSign(): void;
  onRemove(request: PendingRequest): void;
}

/**
 * Certificate requests, both ways: ours waiting for a certificate (the key stays in the vault until it comes
 * back), and signing one a partner sent.
 */
export function RequestsCard({ pending, onCreate, onComplete, onSign, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="requests-card" data-pending={pending.length}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Title order={3} size="h5">
              {t('authorities.requests.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('authorities.requests.description')}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFilePlus size={16} aria-hidden />}
              onClick={onCreate}
              data-testid="csr-create"
            >
              {t('authorities.requests.create')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={onComplete}
              disabled={pending.length === 0}
              data-testid="csr-complete"
            >
              {t('authorities.requests.complete')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconSignature size={16} aria-hidden />}
              onClick={onSign}
              data-testid="csr-sign"
            >
              {t('authorities.requests.sign')}
            </Button>
          </Group>
        </Group>
        {pending.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="csr-none">
            {t('authorities.requests.none')}
          </Text>
        ) : (
          pending.map((request) => (
            <Group
              key={request.id}
              gap="sm"
              wrap="nowrap"
              justify="space-between"
              data-testid="pending-row"
              data-name={request.name}
            >
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600} truncate="end" translate="no" title={request.name}>
                    {request.name}
                  </Text>
                  <Badge size="sm" color="yellow" variant="light" tt="none" style={{ flexShrink: 0 }}>
                    {t('authorities.requests.waiting')}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" className="wrap-anywhere" translate="no">
                  {request.subject} · {request.keyAlgorithm}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('authorities.requests.created', {
                    date: formatDateTime(request.createdAt, i18n.language),
                  })}
                </Text>
              </Stack>
              <Tooltip label={t('authorities.requests.remove')} withArrow>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => onRemove(request)}
                  aria-label={t('authorities.requests.remove')}
                  data-testid="pending-remove"
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))
        )}
      </Stack>
    </Paper>
  );
}
