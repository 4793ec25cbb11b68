import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MtlsHeaderReport } from '../../../../electron/common/dto/targets';
import type { ErrorDto } from '../../../../electron/common/errors';
import { studio } from '../../lib/studio';
import { InspectError } from '../inspect/InspectError';
import { useConsole } from '../test-console/console-store';
import { HEADERS_EXAMPLE, TECHNICAL_NAMES } from './technical-names';
import { TechText } from './TechText';
import { findingText } from '../inspect/report/findingText';

const CERT_FIELDS = new Set(['leaf', 'chain', 'pem']);

function Verdict({ report }: { report: MtlsHeaderReport }) {
  const { t } = useTranslation();
  const tone = report.verdict === 'alb-passthrough-unverified' ? 'orange' : report.verdict === 'none' ? 'gray' : 'teal';
  const icon = tone === 'orange' ? <IconAlertTriangle size={18} /> : tone === 'teal' ? <IconCircleCheck size={18} /> : <IconInfoCircle size={18} />;
  return (
    <Alert color={tone} variant="light" icon={icon} title={<TechText text={t(`targets.headers.verdicts.${report.verdict}`, TECHNICAL_NAMES)} />} data-testid="header-verdict" data-verdict={report.verdict}>
      {report.certificatePresent === false ? t('targets.headers.notPresent') : null}
    </Alert>
  );
}

function Report({ report }: { report: MtlsHeaderReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="header-report">
      <Verdict report={report} />
      {report.fields.length > 0 && (
        <Stack gap={4}>
          <Title order={4} size="h5">
            {t('targets.headers.fields')}
          </Title>
          <Table striped withTableBorder fz="xs" layout="fixed" translate="no">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="38%">{t('targets.headers.header')}</Table.Th>
                <Table.Th>{t('targets.headers.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.fields.map((field, i) => (
                <Table.Tr key={`${field.header}-${i}`}>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{field.header}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{CERT_FIELDS.has(field.field) ? t('targets.headers.certificateValue', { chars: field.decoded.length }) : field.decoded}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {report.certificates.length > 0 && (
        <Stack gap={6}>
          <Title order={4} size="h5">
            {t('targets.headers.certificates')}
          </Title>
          {report.certificates.map((cert, i) => (
            <Card key={cert.sha256} withBorder radius="sm" padding="sm" data-testid="decoded-certificate" translate="no">
              <Stack gap={2}>
                <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
                  {i + 1}. {cert.subject}
                </Text>
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                  {t('targets.headers.issuer')}: {cert.issuer}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {t('targets.headers.serial')}: {cert.serialNumber} · SHA-256 {cert.sha256}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('targets.headers.validity')}: {cert.notBefore.slice(0, 10)} → {cert.notAfter.slice(0, 10)} · {t('targets.headers.key')}: {cert.publicKey.algorithm} {cert.publicKey.bits ?? ''} {cert.publicKey.curve ?? ''} · {cert.signatureAlgorithm}
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {report.crossChecks.length > 0 && (
        <Stack gap={4}>
          <Title order={4} size="h5">
            {t('targets.headers.checks')}
          </Title>
          {report.crossChecks.map((check) => (
            <Group key={check.header} gap="xs" wrap="nowrap" align="flex-start">
              <Badge size="sm" color={check.agrees ? 'teal' : 'red'} variant="light" style={{ flexShrink: 0 }}>
                {check.agrees ? t('targets.headers.agrees') : t('targets.headers.differs', { actual: check.actual })}
              </Badge>
              <Text size="xs" style={{ wordBreak: 'break-all' }} translate="no">
                {check.header}: {check.claimed}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {report.findings.map((finding, i) => (
        <Text key={i} size="xs" c={finding.severity === 'error' ? 'red' : 'orange.8'}>
          {findingText(t, finding, report.certificates.find((cert) => cert.sha256 === finding.certificateSha256), new Date()).title}
        </Text>
      ))}
      {report.otherHeaders.length > 0 && (
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
          {t('targets.headers.other', { names: report.otherHeaders.join(', ') })}
        </Text>
      )}
    </Stack>
  );
}

/** Paste what a backend received behind ALB / CloudFront / API Gateway, see the certificate it carried. */
export function HeaderDecoder() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [report, setReport] = useState<MtlsHeaderReport | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [busy, setBusy] = useState(false);
  const lastHttp = useConsole().shown?.result.http ?? null;

  /** an echo backend answers with what it received: its JSON body, else the response headers as lines */
  const fromLastResponse = () => {
    if (!lastHttp) return;
    const body = lastHttp.bodyPreview.trim();
    setText(body.startsWith('{') ? body : Object.entries(lastHttp.headers).map(([name, value]) => `${name}: ${value}`).join('\n'));
  };

  const decode = async () => {
    setBusy(true);
    const result = await studio().targets.decodeHeaders(text);
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
      setError(null);
    } else {
      setReport(null);
      setError(result.error);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" data-testid="header-decoder">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('targets.headers.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('targets.headers.intro')}
        </Text>
        <Textarea translate="no" value={text} onChange={(event) => setText(event.currentTarget.value)} placeholder={HEADERS_EXAMPLE} autosize minRows={6} maxRows={14} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }} aria-label={t('targets.headers.title')} />
        <Group>
          <Button onClick={() => void decode()} disabled={text.trim() === ''} loading={busy} data-testid="decode-headers">
            {t('targets.headers.decode')}
          </Button>
          <Button variant="default" onClick={fromLastResponse} disabled={!lastHttp} data-testid="from-console">
            {t('targets.headers.fromConsole')}
          </Button>
        </Group>
        {error && <InspectError title={t('targets.headers.failed')} error={error} />}
        {report && <Report report={report} />}
      </Stack>
    </Card>
  );
}
