import { Badge, Code, List, Stack, Table, Text, ThemeIcon, Timeline } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconPoint, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProbeResult } from '../../../../../electron/common/dto/probe';
import { DataSentence } from './DataSentence';
import { transcript, type TranscriptStep } from './transcript';

const TONE: Record<TranscriptStep['tone'], { color: string; icon: typeof IconCheck }> = {
  ok: { color: 'teal', icon: IconCheck },
  warning: { color: 'yellow', icon: IconAlertTriangle },
  error: { color: 'red', icon: IconX },
  neutral: { color: 'gray', icon: IconPoint },
};

/** What happened on the wire, as sentences, then the raw TLS messages in order with their times. */
export function HandshakeTab({ result }: { result: ProbeResult }) {
  const { t } = useTranslation();
  const steps = transcript(result);
  const tls = result.tls;
  return (
    <Stack gap="lg" data-testid="tab-handshake">
      <Timeline bulletSize={24} lineWidth={2}>
        {steps.map((step, i) => {
          const look = TONE[step.tone];
          const Icon = look.icon;
          return (
            <Timeline.Item
              key={`${step.key}-${i}`}
              data-step={step.key}
              bullet={
                <ThemeIcon size={22} radius="xl" color={look.color} variant="light">
                  <Icon size={14} />
                </ThemeIcon>
              }
            >
              <Text size="sm" className="wrap-anywhere">
                <DataSentence i18nKey={`probe.handshake.steps.${step.key}`} values={step.values} />
              </Text>
              {step.items && step.items.length > 0 && (
                <List size="xs" mt={4} spacing={2} translate="no">
                  {step.items.map((item, j) => (
                    <List.Item key={j} className="wrap-anywhere">
                      <Code fz="xs">{item}</Code>
                    </List.Item>
                  ))}
                </List>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {(tls.alpn || tls.sessionReused) && (
        <Text size="xs" c="dimmed">
          <DataSentence i18nKey="probe.handshake.alpn" values={{ alpn: tls.alpn ?? '—' }} /> ·{' '}
          {tls.sessionReused ? t('probe.handshake.resumed') : t('probe.handshake.full')}
        </Text>
      )}
      {tls.messages.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('probe.handshake.messages')}
          </Text>
          <Table
            striped
            withTableBorder
            fz="xs"
            verticalSpacing={4}
            layout="fixed"
            data-testid="tls-messages"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('probe.handshake.at')}</Table.Th>
                <Table.Th w={110}>{t('probe.handshake.from')}</Table.Th>
                <Table.Th>{t('probe.handshake.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tls.messages.map((message, i) => (
                <Table.Tr key={i}>
                  <Table.Td translate="no">{message.atMs.toFixed(1)} ms</Table.Td>
                  <Table.Td>
                    <Badge
                      size="xs"
                      variant="light"
                      color={message.from === 'server' ? 'indigo' : 'cyan'}
                      tt="none"
                    >
                      {t(`probe.handshake.side.${message.from}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td translate="no" className="wrap-anywhere">
                    <Code fz="xs">{message.type}</Code> {message.note}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
