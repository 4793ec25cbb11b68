import { Badge, Code, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProbeHttp } from '../../../../../electron/common/dto/probe';

/** JSON bodies indented; anything else as it came. */
export function prettyBody(http: ProbeHttp): string {
  const type = http.headers['content-type'] ?? '';
  const text = http.bodyPreview;
  if (/json/i.test(type) || /^\s*[[{]/.test(text)) {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // truncated or not JSON after all
    }
  }
  return text;
}

export function ResponseTab({ http }: { http: ProbeHttp | null }) {
  const { t } = useTranslation();
  if (!http) {
    return (
      <Text c="dimmed" data-testid="tab-response">
        {t('probe.response.none')}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="tab-response">
      <Group gap="xs">
        <Badge
          size="lg"
          variant="light"
          color={http.status >= 400 ? 'red' : http.status >= 300 ? 'yellow' : 'teal'}
          tt="none"
          translate="no"
        >
          {http.status} {http.statusText}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('probe.response.bytes', { n: http.bodyBytes })}
          {http.bodyTruncated ? ` · ${t('probe.response.truncated')}` : ''}
        </Text>
      </Group>
      <Table withTableBorder fz="xs" verticalSpacing={3} layout="fixed" translate="no">
        <Table.Tbody>
          {Object.entries(http.headers).map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Td w={220} fw={600} className="wrap-anywhere">
                {name}
              </Table.Td>
              <Table.Td className="wrap-anywhere">{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ScrollArea.Autosize mah={360}>
        <Code
          block
          translate="no"
          data-testid="response-body"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        >
          {prettyBody(http) || ' '}
        </Code>
      </ScrollArea.Autosize>
    </Stack>
  );
}
