import { Badge, Button, Card, Collapse, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo } from '../../../../../electron/common/dto/inspect';
import { describeKey, formatDate, formatSerial } from '../../../lib/format';
import { CertificateDetails } from './CertificateDetails';
import { SanList, UsageChips } from './Chips';
import { Field } from './Field';
import { Fingerprint } from './Fingerprint';
import { displayName, roleOf } from './model';
import { RoleBadge } from './RoleBadge';
import { ValidityBadge } from './ValidityBadge';

interface Props {
  cert: CertificateInfo;
  now: Date;
  /** true when a private key in the input matches this certificate */
  hasKey: boolean;
}

/** One certificate: who it is, who vouches for it, until when, with which key — details one click away. */
export function CertificateCard({ cert, now, hasKey }: Props) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const role = roleOf(cert);
  const name = displayName(cert, t('inspect.card.noName'));
  const detailsId = `details-${cert.sha256.slice(0, 16)}`;

  return (
    <Card withBorder padding="lg" radius="md" data-testid="certificate-card" data-sha256={cert.sha256}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6}>
              <RoleBadge role={role} />
              {hasKey && (
                <Badge color="teal" variant="light" size="sm" tt="none" leftSection={<IconKey size={12} aria-hidden />}>
                  {t('inspect.card.hasKey')}
                </Badge>
              )}
              {cert.friendlyName && (
                <Badge color="gray" variant="outline" size="sm" tt="none" title={t('inspect.details.friendlyName')} maw="100%" translate="no">
                  {cert.friendlyName}
                </Badge>
              )}
            </Group>
            <Title order={3} size="h3" className="wrap-anywhere" data-testid="certificate-cn" translate="no">
              {name}
            </Title>
            <Text size="sm" c="dimmed" className="wrap-anywhere" data-testid="certificate-subject" translate="no">
              {cert.subject}
            </Text>
          </Stack>
          <ValidityBadge cert={cert} now={now} size="lg" />
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
          <Field label={t('inspect.card.issuedBy')}>
            <Text size="sm" fw={500} translate="no">
              {cert.issuerCommonName ?? cert.issuer}
            </Text>
            {cert.issuerCommonName && (
              <Text size="xs" c="dimmed" translate="no">
                {cert.issuer}
              </Text>
            )}
          </Field>
          <Field label={t('inspect.card.validUntil')}>
            <Text size="sm" fw={500}>
              {formatDate(cert.notAfter, i18n.language)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('inspect.card.validFrom', { date: formatDate(cert.notBefore, i18n.language) })}
            </Text>
          </Field>
          <Field label={t('inspect.card.key')}>
            <Text size="sm" fw={500} data-testid="certificate-key">
              {describeKey(cert.publicKey)}
            </Text>
            <Text size="xs" c="dimmed" translate="no">
              {cert.signatureAlgorithm}
            </Text>
          </Field>
          <Field label={t('inspect.card.serial')}>
            <Text className="mono" translate="no">
              {formatSerial(cert.serialNumber)}
            </Text>
          </Field>
        </SimpleGrid>

        <Field label={t('inspect.card.subjectAltNames')}>
          <SanList values={cert.subjectAltNames} />
        </Field>

        {(cert.keyUsage.length > 0 || cert.extendedKeyUsage !== null) && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Field label={t('inspect.card.keyUsage')}>
              {cert.keyUsage.length > 0 ? <UsageChips kind="keyUsage" values={cert.keyUsage} /> : <Text size="sm" c="dimmed">{t('common.none')}</Text>}
            </Field>
            <Field label={t('inspect.card.extendedKeyUsage')}>
              {cert.extendedKeyUsage === null ? (
                <Text size="sm" c="dimmed">
                  {t('inspect.card.ekuAbsent')}
                </Text>
              ) : (
                <UsageChips kind="eku" values={cert.extendedKeyUsage} highlight="clientAuth" />
              )}
            </Field>
          </SimpleGrid>
        )}

        <Divider />
        <Stack gap={6}>
          <Fingerprint label="SHA-256" hex={cert.sha256} />
          <Fingerprint label="SHA-1" hex={cert.sha1} />
        </Stack>

        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed" className="wrap-anywhere">
            {t('inspect.card.source', { file: cert.source })}
          </Text>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={detailsId}
            rightSection={<IconChevronDown size={16} style={{ transform: open ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }} aria-hidden />}
          >
            {t('inspect.card.allDetails')}
          </Button>
        </Group>
        <Collapse expanded={open} id={detailsId}>
          <CertificateDetails cert={cert} />
        </Collapse>
      </Stack>
    </Card>
  );
}
