import { Alert, Card, Code, CopyButton, Button, Group, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconMapPin } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideTarget, GuideValues, TargetGuide } from '../../../../electron/common/dto/targets';
import type { ErrorDto } from '../../../../electron/common/errors';
import { studio } from '../../lib/studio';
import { InspectError } from '../inspect/InspectError';
import { TECHNICAL_NAMES } from './technical-names';
import { TechText } from './TechText';

type TextField = Exclude<keyof GuideValues, 'apigwEndpointType' | 'albMode' | 'advertiseCaNames' | 'ignoreClientCertificateExpiry' | 'accountId'>;

/** the inputs each target's commands use, in the order people know them */
const FIELDS: Record<GuideTarget, TextField[]> = {
  alb: ['region', 'certFile', 'keyFile', 'chainFile', 'bundleFile', 'bucket', 'bundleKey', 'trustStoreName', 'trustStoreArn', 'loadBalancerArn', 'certificateArn', 'targetGroupArn'],
  apigw: ['region', 'domainName', 'certFile', 'keyFile', 'chainFile', 'bundleFile', 'bucket', 'bundleKey', 'certificateArn', 'restApiId'],
  cloudfront: ['region', 'certFile', 'keyFile', 'chainFile', 'bundleFile', 'bucket', 'bundleKey', 'certificateName'],
  clb: ['region', 'classicLbName'],
};

const PLACEHOLDERS: Partial<Record<TextField, string>> = {
  region: 'eu-west-1',
  domainName: 'api.example.com',
  bucket: 'my-truststores',
  certFile: 'server.pem',
  keyFile: 'server.key',
  chainFile: 'chain.pem',
  bundleFile: 'ca-bundle.pem',
  bundleKey: 'truststore/ca-bundle.pem',
};

function clean(values: GuideValues): GuideValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '' && value !== undefined)) as GuideValues;
}

/** Where the server certificate must live, and the AWS CLI commands filled with the user's values. */
export function RegionGuide({ target }: { target: GuideTarget }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<GuideValues>({});
  const [guide, setGuide] = useState<TargetGuide | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void studio()
        .targets.guide(target, clean(values))
        .then((result) => {
          if (!live) return;
          if (result.ok) {
            setGuide(result.value);
            setError(null);
          } else setError(result.error);
        });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [target, values]);

  const set = (change: Partial<GuideValues>) => setValues((current) => ({ ...current, ...change }));
  const placement = guide?.placement;

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" data-testid="region-guide">
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('targets.guide.values')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('targets.guide.valuesHint')}
          </Text>
          {target === 'apigw' && (
            <SegmentedControl
              value={values.apigwEndpointType ?? 'regional'}
              onChange={(value) => set({ apigwEndpointType: value as 'regional' | 'edge' })}
              data={(['regional', 'edge'] as const).map((value) => ({ value, label: t(`targets.guide.endpointTypes.${value}`) }))}
              aria-label={t('targets.guide.fields.apigwEndpointType')}
            />
          )}
          {target === 'alb' && (
            <Group gap="md">
              <SegmentedControl
                value={values.albMode ?? 'verify'}
                onChange={(value) => set({ albMode: value as 'verify' | 'passthrough' })}
                data={(['verify', 'passthrough'] as const).map((value) => ({ value, label: t(`targets.guide.modes.${value}`) }))}
                aria-label={t('targets.guide.fields.albMode')}
              />
              <Switch checked={values.advertiseCaNames === true} onChange={(event) => set({ advertiseCaNames: event.currentTarget.checked })} label={t('targets.guide.fields.advertiseCaNames')} />
            </Group>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {FIELDS[target].map((field) => (
              <TextInput key={field} translate="no" size="xs" label={t(`targets.guide.fields.${field}`)} placeholder={PLACEHOLDERS[field] ?? ''} value={values[field] ?? ''} onChange={(event) => set({ [field]: event.currentTarget.value })} data-field={field} />
            ))}
          </SimpleGrid>
        </Stack>
      </Card>
      <Stack gap="md">
        {error && <InspectError title={t('targets.guide.failed')} error={error} />}
        {placement && (
          <Alert variant="light" color="blue" icon={<IconMapPin size={18} />} title={t('targets.guide.placement.title')} data-testid="placement">
            <TechText text={t(`targets.guide.placement.${placement.rule}`, { ...TECHNICAL_NAMES, region: placement.region ?? values.region ?? '<REGION>' })} extra={[placement.region ?? values.region ?? '<REGION>']} />
          </Alert>
        )}
        {guide && (
          <Card withBorder radius="md" padding="lg">
            <Stack gap="md">
              <Title order={3} size="h4">
                {t('targets.guide.commands')}
              </Title>
              {guide.missing.length > 0 && (
                <Text size="sm" c="orange.8">
                  {t('targets.guide.missing', { fields: guide.missing.map((field) => t(`targets.guide.fields.${field}`)).join(', ') })}
                </Text>
              )}
              {guide.commands.map((command) => (
                <Stack key={command.id} gap={4} data-command={command.id}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {t(`targets.guide.purposes.${command.id}`)}
                    </Text>
                    <CopyButton value={command.shell}>
                      {({ copied, copy }) => (
                        <Button size="compact-xs" variant="light" color={copied ? 'teal' : 'gray'} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy} style={{ flexShrink: 0 }}>
                          {copied ? t('targets.guide.copied') : t('targets.guide.copy')}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                  <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} translate="no">
                    {command.multiline}
                  </Code>
                </Stack>
              ))}
            </Stack>
          </Card>
        )}
      </Stack>
    </SimpleGrid>
  );
}
