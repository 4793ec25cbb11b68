import { Badge, Button, Group, Menu, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconChevronDown,
  IconFileCertificate,
  IconFileExport,
  IconListCheck,
  IconPlus,
  IconSitemap,
  IconTableImport,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary } from '../../../../electron/common/dto/ca';
import { formatDate, formatFingerprint } from '../../lib/format';
import { ExpiryBadge } from '../identities/ExpiryBadge';

export type CaAction = 'issue' | 'batch' | 'intermediate' | 'crl-pem' | 'crl-der' | 'cert' | 'chain';

interface Props {
  ca: AuthoritySummary;
  now: Date;
  thresholdDays: number;
  onAction(action: CaAction): void;
}

function Fact({
  label,
  value,
  mono = false,
  full,
}: {
  label: string;
  value: string;
  mono?: boolean;
  full?: string;
}) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text
        size="sm"
        ff={mono ? 'monospace' : undefined}
        className="wrap-anywhere"
        translate="no"
        title={full}
      >
        {value}
      </Text>
    </Stack>
  );
}

/** One CA: what it is, how long it lasts, and what can be done with it. */
export function CaPanel({ ca, now, thresholdDays, onAction }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="ca-panel" data-ca={ca.name}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Title order={3} size="h4" className="wrap-anywhere" translate="no" data-testid="ca-name">
                {ca.name}
              </Title>
              <Badge variant="light" size="sm" tt="none" style={{ flexShrink: 0 }}>
                {t(`authorities.kind.${ca.kind}`)}
              </Badge>
              <ExpiryBadge identity={ca} thresholdDays={thresholdDays} now={now} />
            </Group>
            {ca.parentName && (
              <Text size="sm" c="dimmed">
                {t('authorities.signedBy')}{' '}
                <Text span translate="no" inherit>
                  {ca.parentName}
                </Text>
              </Text>
            )}
          </Stack>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => onAction('issue')}
              data-testid="ca-issue"
            >
              {t('authorities.actions.issue')}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  variant="default"
                  rightSection={<IconChevronDown size={16} aria-hidden />}
                  data-testid="ca-more"
                >
                  {t('authorities.actions.more')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  leftSection={<IconTableImport size={16} aria-hidden />}
                  onClick={() => onAction('batch')}
                  data-testid="ca-batch"
                >
                  {t('authorities.actions.batch')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconSitemap size={16} aria-hidden />}
                  onClick={() => onAction('intermediate')}
                  data-testid="ca-intermediate"
                >
                  {t('authorities.actions.intermediate')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Label>{t('authorities.actions.crl')}</Menu.Label>
                <Menu.Item
                  leftSection={<IconListCheck size={16} aria-hidden />}
                  onClick={() => onAction('crl-pem')}
                  data-testid="ca-crl-pem"
                >
                  {t('authorities.actions.crlPem')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconListCheck size={16} aria-hidden />}
                  onClick={() => onAction('crl-der')}
                  data-testid="ca-crl-der"
                >
                  {t('authorities.actions.crlDer')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item
                  leftSection={<IconFileCertificate size={16} aria-hidden />}
                  onClick={() => onAction('cert')}
                  data-testid="ca-export-cert"
                >
                  {t('authorities.actions.exportCert')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconFileExport size={16} aria-hidden />}
                  onClick={() => onAction('chain')}
                  data-testid="ca-export-chain"
                >
                  {t('authorities.actions.exportChain')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" verticalSpacing="sm">
          <Fact label={t('authorities.facts.subject')} value={ca.subject} />
          <Fact label={t('authorities.facts.key')} value={ca.keyAlgorithm} />
          <Fact label={t('authorities.facts.validUntil')} value={formatDate(ca.notAfter, i18n.language)} />
          <Fact
            label={t('authorities.facts.pathLen')}
            value={ca.pathLen === null ? t('authorities.facts.unlimited') : String(ca.pathLen)}
          />
          <Fact
            label={t('authorities.facts.crlNumber')}
            value={ca.crlNumber === 0 ? t('authorities.facts.noCrl') : String(ca.crlNumber)}
          />
          <Fact
            label={t('authorities.facts.sha256')}
            value={`${formatFingerprint(ca.certificateSha256).slice(0, 47)}…`}
            full={formatFingerprint(ca.certificateSha256)}
            mono
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
