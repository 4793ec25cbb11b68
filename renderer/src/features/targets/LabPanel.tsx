import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconExternalLink, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabEndpointDto, LabStatus } from '../../../../electron/common/dto/targets';
import type { ErrorDto } from '../../../../electron/common/errors';
import { showScreen } from '../../app/navigation';
import { studio } from '../../lib/studio';
import { InspectError } from '../inspect/InspectError';
import { TECHNICAL_NAMES } from './technical-names';
import { TechText } from './TechText';
import { LabFacts } from './LabFacts';
import { LabTrustFiles } from './LabTrustFiles';
import { consoleStore } from '../test-console/console-store';
import { emptyRequest, type IdentityChoice } from '../test-console/request/request-model';

type LabIdentity = 'client' | 'intermediate' | 'expired' | 'unknown' | 'none';

function identityFor(status: LabStatus, choice: LabIdentity): IdentityChoice {
  const files = status.files!;
  // the intermediate's client sends its chain (leaf + intermediate): endpoints that trust only the lab root accept it
  if (choice === 'intermediate' && files.intermediateClient) return { kind: 'files', paths: [files.intermediateClient.chain, files.intermediateClient.key] };
  const pair = choice === 'client' ? files.client : choice === 'expired' ? files.expiredClient : choice === 'unknown' ? files.unknownCaClient : null;
  return pair ? { kind: 'files', paths: [pair.cert, pair.key] } : { kind: 'none' };
}

/** "CN=mTLS Studio Lab CA,O=…" → "mTLS Studio Lab CA": the table shows common names, the tooltip the whole DN */
const commonName = (dn: string) => /(?:^|,)\s*CN=((?:\\,|[^,])+)/.exec(dn)?.[1]?.replace(/\\,/g, ',') ?? dn;

/** which CAs an endpoint's client trust store holds, compactly */
function TrustedCas({ names }: { names: string[] }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" className="wrap-anywhere" data-testid="trusted-cas">
      {names.length ? (
        <>
          {t('targets.lab.trust.trusts')}{' '}
          <span translate="no" title={names.join('\n')}>
            {names.map(commonName).join(', ')}
          </span>
        </>
      ) : (
        t('targets.lab.trust.trustsNothing')
      )}
    </Text>
  );
}

/** The Test console's form for an endpoint: its cloud host name resolved to 127.0.0.1, the lab CA trusted. */
function openInConsole(status: LabStatus, endpoint: LabEndpointDto, choice: LabIdentity): void {
  const host = endpoint.hostname;
  consoleStore.setForm({
    ...emptyRequest(),
    url: host ? `https://${host}:${endpoint.port}/` : endpoint.url,
    resolve: host ? `${host}:${endpoint.port}:127.0.0.1` : '',
    caFiles: [status.files!.caCert],
    target: endpoint.target,
    identity: identityFor(status, choice),
  });
  showScreen('test-console');
}

function EndpointRow({ status, endpoint, choice }: { status: LabStatus; endpoint: LabEndpointDto; choice: LabIdentity }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-endpoint={endpoint.id}>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t(`targets.lab.endpoints.${endpoint.id}.name`, { defaultValue: endpoint.name })}
          </Text>
          <Group gap={4}>
            <Badge size="xs" variant="light">
              {t(`targets.names.${endpoint.target}`, { defaultValue: endpoint.target })}
            </Badge>
            <Badge size="xs" variant="outline" color={endpoint.certificateRequest === 'required' ? 'teal' : endpoint.certificateRequest === 'optional' ? 'yellow' : 'gray'}>
              {t(`targets.lab.request.${endpoint.certificateRequest}`)}
            </Badge>
          </Group>
          {endpoint.certificateRequest !== 'none' && <TrustedCas names={endpoint.trustedCaNames} />}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} translate="no">
          {endpoint.hostname ?? endpoint.url}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          127.0.0.1:{endpoint.port}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs">
          <TechText text={t(`targets.lab.endpoints.${endpoint.id}.emulates`, { ...TECHNICAL_NAMES, defaultValue: endpoint.emulates })} />
        </Text>
        <LabFacts endpoint={endpoint} />
      </Table.Td>
      <Table.Td>
        {/* the label wraps in its narrow column (at 1280 px the one-line label overflowed the card) */}
        <Button
          size="xs"
          variant="light"
          fullWidth
          rightSection={<IconExternalLink size={14} />}
          data-testid="open-in-console"
          onClick={() => openInConsole(status, endpoint, choice)}
          styles={{ root: { height: 'auto', paddingBlock: 4, paddingInline: 8 }, label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 } }}
        >
          {t('targets.lab.open')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** Start/stop the local lab, see its endpoints, and send any of them to the Test console. */
export function LabPanel() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<LabStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [choice, setChoice] = useState<LabIdentity>('client');
  const [trust, setTrust] = useState<string[]>([]);

  useEffect(() => {
    void studio()
      .lab.status()
      .then((result) => result.ok && setStatus(result.value));
  }, []);

  const act = async (action: 'start' | 'stop') => {
    setBusy(true);
    setError(null);
    const result = action === 'start' ? await studio().lab.start({ trust }) : await studio().lab.stop();
    setBusy(false);
    if (result.ok) setStatus(result.value);
    else setError(result.error);
  };

  const running = status?.running === true;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="lab-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={3} size="h4">
              {t('targets.lab.title')}
            </Title>
            <Text size="sm" c="dimmed" maw={760}>
              {t('targets.lab.intro')}
            </Text>
          </Stack>
          {running ? (
            <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} loading={busy} data-testid="lab-stop" onClick={() => void act('stop')} style={{ flexShrink: 0 }}>
              {t('targets.lab.stop')}
            </Button>
          ) : (
            <Button leftSection={<IconPlayerPlay size={16} />} loading={busy} data-testid="lab-start" onClick={() => void act('start')} style={{ flexShrink: 0 }}>
              {t('targets.lab.start')}
            </Button>
          )}
        </Group>
        {error && <InspectError title={t('targets.lab.failed')} error={error} />}
        {!running && !error && (
          <Text size="sm" c="dimmed">
            {t('targets.lab.stopped')}
          </Text>
        )}
        {!running && <LabTrustFiles files={trust} onChange={setTrust} running={false} />}
        {running && status && (
          <>
            <Alert variant="light" color="teal" data-testid="lab-running">
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {t('targets.lab.running', { count: status.endpoints.length, folder: status.files?.folder ?? '' })}
              </Text>
            </Alert>
            <LabTrustFiles files={status.trust} onChange={setTrust} running />
            <Select
              label={t('targets.lab.identity')}
              value={choice}
              onChange={(value) => value && setChoice(value as LabIdentity)}
              data={(['client', 'intermediate', 'expired', 'unknown', 'none'] as const)
                .filter((value) => value !== 'intermediate' || status.files?.intermediateClient)
                .map((value) => ({ value, label: t(`targets.lab.identities.${value}`) }))}
              data-testid="lab-identity"
              allowDeselect={false}
              maw={320}
              size="xs"
            />
            <Table verticalSpacing="xs" striped layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="24%">{t('targets.lab.endpoint')}</Table.Th>
                  <Table.Th w="26%">{t('targets.lab.host')}</Table.Th>
                  <Table.Th>{t('targets.lab.emulates')}</Table.Th>
                  <Table.Th w={144} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {status.endpoints.map((endpoint) => (
                  <EndpointRow key={endpoint.id} status={status} endpoint={endpoint} choice={choice} />
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}
