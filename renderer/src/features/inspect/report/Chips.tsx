import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const chipStyles = { root: { height: 'auto', paddingBlock: 3 }, label: { whiteSpace: 'normal', overflowWrap: 'anywhere' } } as const;

/** Key usage or extended key usage names, translated, with the technical name as a tooltip. */
export function UsageChips({ kind, values, highlight }: { kind: 'keyUsage' | 'eku'; values: string[]; highlight?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {values.map((v) => (
        <Badge
          key={v}
          variant={v === highlight ? 'light' : 'default'}
          color={v === highlight ? 'teal' : 'gray'}
          tt="none"
          fw={500}
          styles={chipStyles}
          data-usage={v}
        >
          {t(`inspect.${kind}.${v}`, { defaultValue: v })}
        </Badge>
      ))}
    </Group>
  );
}

const SAN_TYPES: Record<string, string> = { DNS: 'dns', IP: 'ip', email: 'email', URI: 'uri', DirName: 'dirName', otherName: 'otherName' };

/** Subject alternative names ('DNS:…', 'IP:…', 'email:…') with a translated type label. */
export function SanList({ values }: { values: string[] }) {
  const { t } = useTranslation();
  if (values.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    );
  }
  return (
    <Group gap={6}>
      {values.map((san) => {
        const at = san.indexOf(':');
        const type = at > 0 ? san.slice(0, at) : '';
        const value = at > 0 ? san.slice(at + 1) : san;
        const key = SAN_TYPES[type];
        return (
          <Badge key={san} variant="default" tt="none" fw={500} styles={chipStyles} data-san={san}>
            {key && (
              <Text span size="xs" c="dimmed" mr={6}>
                {t(`inspect.san.${key}`)}
              </Text>
            )}
            <span translate="no">{value}</span>
          </Badge>
        );
      })}
    </Group>
  );
}
