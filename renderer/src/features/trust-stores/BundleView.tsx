import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TrustStoreReport } from '../../../../electron/common/dto/truststore';
import { formatDate } from '../../lib/format';
import { FindingList } from './FindingList';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The bundle the selection makes: verdict, certificates in the order they are written, findings, export. */
export function BundleView({
  report,
  busy,
  onExport,
}: {
  report: TrustStoreReport | null;
  busy: boolean;
  onExport(): void;
}) {
  const { t, i18n } = useTranslation();
  if (report === null) {
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconInfoCircle size={20} aria-hidden />}
        data-testid="truststore-empty"
      >
        {busy ? <Loader size="sm" /> : t('truststore.bundle.empty')}
      </Alert>
    );
  }
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = report.findings.filter((finding) => finding.severity === 'warning').length;
  return (
    <Stack gap="md" data-testid="truststore-bundle" data-passes={String(report.passes)}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6}>
          <Title order={4}>{t('truststore.bundle.title')}</Title>
          <Group gap="xs">
            {report.passes ? (
              <Badge
                color="teal"
                variant="light"
                leftSection={<IconCircleCheck size={14} aria-hidden />}
                data-testid="truststore-verdict"
              >
                {t('truststore.bundle.passes', { target: t(`truststore.targets.${report.target}.short`) })}
              </Badge>
            ) : (
              <Badge color="red" variant="light" data-testid="truststore-verdict">
                {t('truststore.bundle.violations', { count: errors })}
              </Badge>
            )}
            {warnings > 0 && (
              <Badge color="yellow" variant="light">
                {t('truststore.bundle.warnings', { count: warnings })}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('truststore.bundle.summary', {
              count: report.certificates.length,
              size: kb(report.bundleBytes),
            })}
          </Text>
        </Stack>
        <Button
          leftSection={<IconDownload size={18} aria-hidden />}
          disabled={!report.passes || report.certificates.length === 0}
          onClick={onExport}
          data-testid="truststore-export"
        >
          {t('truststore.bundle.export')}
        </Button>
      </Group>
      {report.certificates.length > 0 && (
        <Table.ScrollContainer minWidth={440}>
          <Table striped verticalSpacing={6} data-testid="truststore-certificates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('truststore.bundle.columns.certificate')}</Table.Th>
                <Table.Th>{t('truststore.bundle.columns.level')}</Table.Th>
                <Table.Th>{t('truststore.bundle.columns.key')}</Table.Th>
                <Table.Th>{t('truststore.bundle.columns.until')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.certificates.map((cert) => (
                <Table.Tr key={cert.sha256}>
                  <Table.Td style={{ minWidth: 210, maxWidth: 300 }}>
                    <Text
                      size="sm"
                      fw={500}
                      className="wrap-anywhere"
                      translate="no"
                      pl={cert.level !== null && cert.level > 1 ? (cert.level - 1) * 14 : 0}
                    >
                      {cert.commonName ?? cert.subject}
                    </Text>
                    <Text
                      size="xs"
                      c="dimmed"
                      className="wrap-anywhere"
                      translate="no"
                      pl={cert.level !== null && cert.level > 1 ? (cert.level - 1) * 14 : 0}
                    >
                      {cert.source} · {kb(cert.pemBytes)} KB
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {cert.level === null
                        ? t('truststore.bundle.noIssuer')
                        : cert.level === 1
                          ? t('truststore.bundle.root')
                          : t('truststore.bundle.level', { level: cert.level })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" translate="no">
                      {cert.key}
                    </Text>
                    <Text size="xs" c="dimmed" translate="no" className="wrap-anywhere">
                      {cert.signatureAlgorithm}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(cert.notAfter, i18n.language)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {report.findings.length > 0 && <FindingList findings={report.findings} testId="truststore-findings" />}
    </Stack>
  );
}
