import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconWorldSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostMatch } from '../../../../../electron/common/dto/vault';
import { studio } from '../../../lib/studio';

export const URL_EXAMPLE = 'https://api.example.com/health';

/** "Which identity will a request to this URL use, and why?" — answered by the vault's own rules. */
export function MatchCheck({ id }: { id: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [match, setMatch] = useState<HostMatch | null>(null);
  const [invalid, setInvalid] = useState(false);

  const check = async () => {
    const result = await studio().vault.match(url.trim());
    setInvalid(!result.ok);
    setMatch(result.ok ? result.value : null);
  };

  return (
    <Card withBorder radius="md" padding="md" data-testid="match-check">
      <Stack gap="sm">
        <Text fw={600} size="sm">
          {t('identities.match.title')}
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (url.trim()) void check();
          }}
        >
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <TextInput
              value={url}
              onChange={(event) => setUrl(event.currentTarget.value)}
              placeholder={t('identities.match.placeholder', { example: URL_EXAMPLE })}
              aria-label={t('identities.match.label')}
              maxLength={2048}
              error={invalid ? t('identities.match.invalid') : null}
              style={{ flex: 1 }}
              data-testid="match-input"
            />
            <Button type="submit" variant="default" leftSection={<IconWorldSearch size={16} aria-hidden />} disabled={!url.trim()} data-testid="match-submit">
              {t('identities.match.check')}
            </Button>
          </Group>
        </form>
        {match && <MatchAnswer match={match} id={id} />}
      </Stack>
    </Card>
  );
}

function MatchAnswer({ match, id }: { match: HostMatch; id: string }) {
  const { t } = useTranslation();
  const target = `${match.host}:${match.port}`;
  const kind = match.kind ? t(`identities.match.kinds.${match.kind}`) : '';
  let text: string;
  let color: string;
  if (match.identity) {
    text = t('identities.match.uses', { name: match.identity.name, target, pattern: match.pattern, kind });
    color = match.identity.id === id ? 'teal' : 'blue';
  } else if (match.conflict) {
    text = t('identities.match.conflict', { target, pattern: match.conflict.pattern, names: match.conflict.identities.map((identity) => identity.name).join(', ') });
    color = 'orange';
  } else {
    text = t('identities.match.none', { target });
    color = 'gray';
  }
  return (
    <Stack gap={6} data-testid="match-answer" data-identity={match.identity?.id ?? ''} data-kind={match.kind ?? ''}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {match.identity && (
          <Badge color={color} variant="light" tt="none" style={{ flexShrink: 0 }}>
            {match.identity.id === id ? t('identities.match.thisOne') : t('identities.match.another')}
          </Badge>
        )}
        <Text size="sm" c={match.identity ? undefined : color === 'orange' ? 'orange' : 'dimmed'} className="wrap-anywhere">
          {text}
        </Text>
      </Group>
      {match.candidates.length > 1 && (
        <Text size="xs" c="dimmed" className="wrap-anywhere">
          {t('identities.match.candidates', { list: match.candidates.map((candidate) => `${candidate.pattern} → ${candidate.identity.name}`).join('; ') })}
        </Text>
      )}
    </Stack>
  );
}
