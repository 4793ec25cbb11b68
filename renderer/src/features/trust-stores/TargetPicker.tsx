import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrustStoreTarget } from '../../../../electron/common/dto/truststore';

/** the renderer may only import types from common: the targets, in the order the choice shows them */
const TARGETS: readonly TrustStoreTarget[] = ['alb', 'apigw', 'cloudfront', 'clb-alibaba'];

/** The service the bundle is for, and the rules that choice brings. Two by two, so long names never get cut. */
export function TargetPicker({
  target,
  onChange,
}: {
  target: TrustStoreTarget;
  onChange(target: TrustStoreTarget): void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <SimpleGrid
        cols={2}
        spacing="xs"
        role="radiogroup"
        aria-label={t('truststore.targetTitle')}
        data-testid="truststore-target"
      >
        {TARGETS.map((value) => (
          <Button
            key={value}
            role="radio"
            aria-checked={value === target}
            variant={value === target ? 'filled' : 'default'}
            onClick={() => onChange(value)}
            data-target={value}
            fullWidth
          >
            {t(`truststore.targets.${value}.short`)}
          </Button>
        ))}
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {t(`truststore.targets.${target}.name`)}
      </Text>
      <Text size="sm" c="dimmed" data-testid="truststore-rules">
        {t(`truststore.targets.${target}.rules`)}
      </Text>
    </Stack>
  );
}
