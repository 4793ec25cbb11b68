import { Badge, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GuideTarget } from '../../../../electron/common/dto/targets';
import { TECHNICAL_NAMES } from './technical-names';
import { TechText } from './TechText';

const SECTIONS = ['checks', 'clientSees', 'backend'] as const;

/** Marks the word "likely" (DOMAIN.md's UNCONFIRMED behaviours) so the reader sees what is not documented. */
function WithLikely({ text }: { text: string }) {
  const { t } = useTranslation();
  const word = t('targets.likely');
  const parts = text.split(word);
  return (
    <Text size="sm">
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && (
            <Badge component="span" size="xs" variant="light" color="yellow" mx={2} style={{ verticalAlign: 'middle' }}>
              {word}
            </Badge>
          )}
          <TechText text={part} />
        </span>
      ))}
    </Text>
  );
}

/** What one target does with client certificates (DOMAIN.md, "Endpoints and how each one behaves"). */
export function TargetKnowledge({ target }: { target: GuideTarget }) {
  const { t } = useTranslation();
  const limits = t(`targets.knowledge.${target}.limits`, { ...TECHNICAL_NAMES, returnObjects: true }) as Record<string, string>;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" data-testid="target-knowledge">
      {SECTIONS.map((section) => (
        <Card key={section} withBorder radius="md" padding="md">
          <Stack gap={6}>
            <Title order={4} size="h5">
              {t(`targets.sections.${section}`)}
            </Title>
            <WithLikely text={t(`targets.knowledge.${target}.${section}`, TECHNICAL_NAMES)} />
          </Stack>
        </Card>
      ))}
      <Card withBorder radius="md" padding="md">
        <Stack gap={6}>
          <Title order={4} size="h5">
            {t('targets.sections.limits')}
          </Title>
          <List size="sm" spacing={2}>
            {Object.entries(limits).map(([key, text]) => (
              <List.Item key={key}>
                <TechText text={text} />
              </List.Item>
            ))}
          </List>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
