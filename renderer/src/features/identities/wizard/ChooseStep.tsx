import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeKey, formatFingerprint } from '../../../lib/format';
import { displayName } from '../../inspect/report/model';
import { ValidityBadge } from '../../inspect/report/ValidityBadge';
import type { ImportWizard } from './useImportWizard';

/** Step 3, only when the files hold several certificates with their keys: which one becomes the identity. */
export function ChooseStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const now = useMemo(() => new Date(), []);
  return (
    <Stack gap="md" data-testid="wizard-choose">
      <Text size="sm">{t('identities.wizard.choose.description', { count: wizard.candidates.length })}</Text>
      <Radio.Group value={wizard.selected ?? null} onChange={wizard.select} aria-label={t('identities.wizard.choose.label')}>
        <Stack gap="sm">
          {wizard.candidates.map((certificate) => (
            <Radio.Card key={certificate.sha256} value={certificate.sha256} radius="md" p="md" data-testid="import-candidate" data-sha256={certificate.sha256}>
              <Group wrap="nowrap" align="flex-start" gap="md">
                <Radio.Indicator />
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                    <Text fw={600} className="wrap-anywhere" translate="no">
                      {displayName(certificate, t('inspect.card.noName'))}
                    </Text>
                    <ValidityBadge cert={certificate} now={now} size="sm" />
                  </Group>
                  <Text size="sm" c="dimmed" className="wrap-anywhere">
                    {t('inspect.chain.issuedBy', { name: certificate.issuerCommonName ?? certificate.issuer })} · {describeKey(certificate.publicKey)}
                  </Text>
                  <Text size="xs" c="dimmed" className="mono wrap-anywhere" translate="no">
                    SHA-256 {formatFingerprint(certificate.sha256)}
                  </Text>
                </Stack>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
      <Group justify="space-between">
        <Button variant="default" onClick={wizard.back}>
          {t('identities.wizard.back')}
        </Button>
        <Button onClick={wizard.confirmChoice} disabled={!wizard.selected} data-testid="import-choose-continue">
          {t('identities.wizard.next')}
        </Button>
      </Group>
    </Stack>
  );
}
