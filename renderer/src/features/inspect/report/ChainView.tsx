import { Alert, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconCertificate, IconLinkOff, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo, ChainInfo } from '../../../../../electron/common/dto/inspect';
import { displayName, roleOf, ROLE_COLORS } from './model';
import { RoleBadge } from './RoleBadge';

interface Props {
  chains: ChainInfo[];
  bySha: Map<string, CertificateInfo>;
}

/** Each chain drawn leaf → root; a missing issuer is drawn as a broken, dashed link. */
export function ChainView({ chains, bySha }: Props) {
  const { t } = useTranslation();
  if (chains.length === 0) return null;
  return (
    <Card withBorder padding="lg" radius="md" data-testid="chain">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('inspect.chain.title')}
        </Title>
        {chains.map((chain, index) => (
          <ChainTimeline key={chain.path.join()} chain={chain} bySha={bySha} label={chains.length > 1 ? t('inspect.chain.numbered', { n: index + 1 }) : null} />
        ))}
      </Stack>
    </Card>
  );
}

function ChainTimeline({ chain, bySha, label }: { chain: ChainInfo; bySha: Map<string, CertificateInfo>; label: string | null }) {
  const { t } = useTranslation();
  const certs = chain.path.map((sha) => bySha.get(sha)).filter((c): c is CertificateInfo => !!c);
  const last = certs[certs.length - 1];
  return (
    <Stack gap="sm" data-complete={chain.complete}>
      {label && (
        <Text size="sm" fw={600}>
          {label}
        </Text>
      )}
      <Timeline active={certs.length - 1} bulletSize={30} lineWidth={2} aria-label={t('inspect.chain.ariaLabel')}>
        {certs.map((cert, i) => {
          const role = roleOf(cert);
          const isLast = i === certs.length - 1;
          return (
            <Timeline.Item
              key={cert.sha256}
              color={ROLE_COLORS[role]}
              lineVariant={isLast && !chain.complete ? 'dashed' : 'solid'}
              bullet={role === 'root' ? <IconShieldCheck size={16} aria-hidden /> : <IconCertificate size={16} aria-hidden />}
              data-testid="chain-link"
              title={
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text fw={600} className="wrap-anywhere" style={{ flex: '0 1 auto' }} translate="no">
                    {displayName(cert, t('inspect.card.noName'))}
                  </Text>
                  <RoleBadge role={role} />
                </Group>
              }
            >
              <Text size="sm" c="dimmed" className="wrap-anywhere">
                {cert.selfSigned ? t('inspect.chain.selfSigned') : t('inspect.chain.issuedBy', { name: cert.issuerCommonName ?? cert.issuer })}
              </Text>
            </Timeline.Item>
          );
        })}
        {!chain.complete && last && (
          <Timeline.Item color="red" bullet={<IconLinkOff size={16} aria-hidden />} title={<Text fw={600} c="red">{t('inspect.chain.missingTitle')}</Text>} data-testid="chain-broken">
            <Text size="sm" c="dimmed" className="wrap-anywhere">
              {t('inspect.chain.missing', { name: last.issuerCommonName ?? last.issuer })}
            </Text>
          </Timeline.Item>
        )}
      </Timeline>
      {chain.complete ? (
        <Text size="sm" c="teal" data-testid="chain-complete">
          {t('inspect.chain.complete')}
        </Text>
      ) : (
        <Alert color="orange" variant="light" p="xs">
          <Text size="sm">{t('inspect.chain.incompleteHint')}</Text>
        </Alert>
      )}
    </Stack>
  );
}
