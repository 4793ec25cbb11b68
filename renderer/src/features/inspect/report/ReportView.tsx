import { Stack, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectReport } from '../../../../../electron/common/dto/inspect';
import { ExportPanel } from '../export/ExportPanel';
import { CertificateCard } from './CertificateCard';
import { ChainView } from './ChainView';
import { Findings } from './Findings';
import { certificateIndex, exportCandidates, orderedCertificates } from './model';
import { PrivateKeys } from './PrivateKeys';
import { ReportSummary } from './ReportSummary';

interface Props {
  inspectionId: string;
  report: InspectReport;
  onClear(): void;
}

export function ReportView({ inspectionId, report, onClear }: Props) {
  const { t } = useTranslation();
  // one clock per report, so every badge and finding agrees on "now"
  const now = useMemo(() => new Date(), []);
  const bySha = useMemo(() => certificateIndex(report), [report]);
  const certificates = useMemo(() => orderedCertificates(report), [report]);
  const candidates = useMemo(() => exportCandidates(report), [report]);
  const [selected, setSelected] = useState<string | undefined>(candidates[0]?.sha256);
  const withKey = new Set(report.privateKeys.map((k) => k.certificateSha256).filter(Boolean));

  return (
    <Stack gap="lg" data-testid="report">
      <ExportPanel inspectionId={inspectionId} hasKey={report.privateKeys.length > 0} select={candidates.length > 1 ? selected : undefined}>
        {(actions) => <ReportSummary report={report} candidates={candidates} selected={selected} onSelect={setSelected} actions={actions} onClear={onClear} />}
      </ExportPanel>
      <ChainView chains={report.chains} bySha={bySha} />
      {certificates.length > 0 && (
        <Stack gap="md">
          <Title order={3} size="h4">
            {t('inspect.card.title', { count: certificates.length })}
          </Title>
          {certificates.map((cert) => (
            <CertificateCard key={cert.sha256} cert={cert} now={now} hasKey={withKey.has(cert.sha256)} />
          ))}
        </Stack>
      )}
      <PrivateKeys keys={report.privateKeys} bySha={bySha} />
      <Findings findings={report.findings} bySha={bySha} now={now} />
    </Stack>
  );
}
