import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeKey, formatDate } from '../../../lib/format';
import { InspectError } from '../../inspect/InspectError';
import { ChainView } from '../../inspect/report/ChainView';
import { Field } from '../../inspect/report/Field';
import { Findings } from '../../inspect/report/Findings';
import { certificateIndex, displayName } from '../../inspect/report/model';
import { ValidityBadge } from '../../inspect/report/ValidityBadge';
import type { ImportWizard } from './useImportWizard';

/** Step 4: what will be saved — the certificate, its chain, the findings — and under which name. */
export function ReviewStep({ wizard, onOpenIdentity }: { wizard: ImportWizard; onOpenIdentity(id: string): void }) {
  const { t, i18n } = useTranslation();
  const now = useMemo(() => new Date(), []);
  const report = wizard.report!;
  const bySha = useMemo(() => certificateIndex(report), [report]);
  const certificate = wizard.selected ? bySha.get(wizard.selected) : undefined;
  const chain = report.chains.find((candidate) => candidate.path[0] === wizard.selected);
  const inChain = new Set(chain?.path ?? (wizard.selected ? [wizard.selected] : []));
  const findings = report.findings.filter((finding) => finding.certificateSha256 === null || inChain.has(finding.certificateSha256));
  const { duplicate, saveError } = wizard;
  const trimmed = wizard.name.trim();
  const nameError = trimmed.length === 0 ? t('identities.wizard.review.nameRequired') : !duplicate && wizard.nameTaken ? t('identities.wizard.review.nameTaken', { name: trimmed }) : null;
  // IDENTITY_EXISTS is shown by the duplicate notice or the name field (the list was refreshed after the error)
  const otherError = saveError && saveError.code !== 'IDENTITY_EXISTS' ? saveError : null;

  if (!certificate) return null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!nameError && !duplicate) wizard.save();
      }}
      data-testid="wizard-review"
    >
      <Stack gap="md">
        <Card withBorder radius="md" padding="md" data-testid="import-summary">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Title order={4} className="wrap-anywhere" translate="no">
                  {displayName(certificate, t('inspect.card.noName'))}
                </Title>
                <Text size="sm" c="dimmed" className="wrap-anywhere" translate="no">
                  {certificate.subject}
                </Text>
              </Stack>
              <ValidityBadge cert={certificate} now={now} />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <Field label={t('inspect.card.issuedBy')}>
                <Text size="sm" translate="no">
                  {certificate.issuerCommonName ?? certificate.issuer}
                </Text>
              </Field>
              <Field label={t('inspect.card.validUntil')}>
                <Text size="sm">{formatDate(certificate.notAfter, i18n.language)}</Text>
              </Field>
              <Field label={t('inspect.card.key')}>
                <Text size="sm">{describeKey(certificate.publicKey)}</Text>
              </Field>
            </SimpleGrid>
          </Stack>
        </Card>

        {/* what is wrong with it, before the name: nothing is saved until the user has seen this */}
        <Findings findings={findings} bySha={bySha} now={now} />

        {duplicate ? (
          <Alert color="yellow" variant="light" icon={<IconCopy size={18} aria-hidden />} title={t('identities.wizard.review.duplicateTitle')} data-testid="import-duplicate" data-name={duplicate.name}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm" className="wrap-anywhere">
                {t('identities.wizard.review.duplicate', { name: duplicate.name })}
              </Text>
              <Button size="xs" variant="light" color="yellow" onClick={() => onOpenIdentity(duplicate.id)} data-testid="import-show-duplicate">
                {t('identities.wizard.review.showDuplicate')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <TextInput
            label={t('identities.wizard.review.name')}
            description={t('identities.wizard.review.nameDescription')}
            value={wizard.name}
            onChange={(event) => wizard.setName(event.currentTarget.value)}
            maxLength={200}
            error={nameError}
            data-autofocus
            data-testid="import-name"
          />
        )}
        {otherError && <InspectError title={t('identities.wizard.review.failed')} error={otherError} />}

        {chain && <ChainView chains={[chain]} bySha={bySha} />}

        {/* kept in view while the chain and findings scroll under it */}
        <Group justify="space-between" className="wizard-footer">
          <Button variant="default" onClick={wizard.back}>
            {t('identities.wizard.back')}
          </Button>
          <Button type="submit" loading={wizard.saving} disabled={!!nameError || !!duplicate} data-testid="import-save">
            {t('identities.wizard.review.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
