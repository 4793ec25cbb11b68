import { List, Spoiler, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LabEndpointDto, LabFactDto } from '../../../../electron/common/dto/targets';
import { LAB_FACT_NAMES } from './lab-fact-names';
import { TECHNICAL_NAMES } from './technical-names';
import { TechText } from './TechText';

const NAMES = { ...TECHNICAL_NAMES, ...LAB_FACT_NAMES };
const EXTRA = Object.values(LAB_FACT_NAMES);
const keyOf = (fact: LabFactDto) => `targets.lab.facts.${fact.id}`;

/** One line in the UI language; a line the locale lacks stays the core's English, marked so translators skip it. */
function FactLine({ fact, translated }: { fact: LabFactDto; translated: boolean }) {
  const { t } = useTranslation();
  if (!translated)
    return (
      <List.Item data-fact={fact.id} translate="no" lang="en">
        {fact.text}
      </List.Item>
    );
  return (
    <List.Item data-fact={fact.id}>
      <TechText text={t(keyOf(fact), { ...NAMES, defaultValue: fact.text })} extra={EXTRA} />
    </List.Item>
  );
}

/** What the vendor documents and what the lab assumed for one endpoint, folded under a count. */
export function LabFacts({ endpoint }: { endpoint: LabEndpointDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  // looked up in the UI language only: the English fallback bundle must not count as a translation
  const translated = (fact: LabFactDto) => i18n.exists(keyOf(fact), { lngs: [language] });
  const allTranslated = [...endpoint.confirmed, ...endpoint.assumed].every(translated);
  return (
    <Spoiler
      maxHeight={0}
      showLabel={`${t('targets.lab.confirmed', { count: endpoint.confirmed.length })} · ${t('targets.lab.assumed', { count: endpoint.assumed.length })}`}
      hideLabel="▲"
      styles={{ control: { fontSize: 12 } }}
      data-testid="lab-facts"
    >
      {!allTranslated && (
        <Text size="xs" c="dimmed" mt={4} data-testid="lab-facts-english">
          {t('targets.lab.details')}
        </Text>
      )}
      <List size="xs" spacing={0} mt={4} data-list="confirmed">
        {endpoint.confirmed.map((fact) => (
          <FactLine key={fact.id} fact={fact} translated={translated(fact)} />
        ))}
      </List>
      <List size="xs" spacing={0} mt={4} c="orange.8" data-list="assumed">
        {endpoint.assumed.map((fact) => (
          <FactLine key={fact.id} fact={fact} translated={translated(fact)} />
        ))}
      </List>
    </Spoiler>
  );
}
