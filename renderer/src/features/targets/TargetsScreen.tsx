import { SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBinaryTree, IconFlask, IconServer2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideTarget } from '../../../../electron/common/dto/targets';
import { HeaderDecoder } from './HeaderDecoder';
import { LabPanel } from './LabPanel';
import { RegionGuide } from './RegionGuide';
import { TargetKnowledge } from './TargetKnowledge';

const TARGETS: GuideTarget[] = ['alb', 'apigw', 'cloudfront', 'clb'];

/**
 * Targets & lab: per cloud target what it does with client certificates, where the server certificate must live
 * and the AWS CLI commands to set it up; the mTLS header decoder; and the local lab that emulates every target.
 */
export function TargetsScreen() {
  const { t } = useTranslation();
  const [target, setTarget] = useState<GuideTarget>('alb');
  return (
    <Stack gap="lg" data-testid="screen-targets">
      <Stack gap={4}>
        <Title order={2}>{t('targets.title')}</Title>
        <Text c="dimmed">{t('targets.description')}</Text>
      </Stack>
      <Tabs defaultValue="knowledge" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="knowledge" leftSection={<IconServer2 size={16} />}>
            {t('targets.tabs.knowledge')}
          </Tabs.Tab>
          <Tabs.Tab value="headers" leftSection={<IconBinaryTree size={16} />}>
            {t('targets.tabs.headers')}
          </Tabs.Tab>
          <Tabs.Tab value="lab" leftSection={<IconFlask size={16} />}>
            {t('targets.tabs.lab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="knowledge" pt="md">
          <Stack gap="lg">
            <SegmentedControl value={target} onChange={(value) => setTarget(value as GuideTarget)} data={TARGETS.map((value) => ({ value, label: t(`targets.names.${value}`) }))} aria-label={t('targets.tabs.knowledge')} />
            <TargetKnowledge target={target} />
            <Title order={3} size="h4">
              {t('targets.guide.title')}
            </Title>
            <RegionGuide key={target} target={target} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="headers" pt="md">
          <HeaderDecoder />
        </Tabs.Panel>
        <Tabs.Panel value="lab" pt="md">
          <LabPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
