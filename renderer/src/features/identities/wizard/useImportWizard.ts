import { useEffect, useMemo, useState } from 'react';
import type { CertificateInfo, InspectReport } from '../../../../../electron/common/dto/inspect';
import type { IdentitySummary, ImportedIdentity } from '../../../../../electron/common/dto/vault';
import type { ErrorDto } from '../../../../../electron/common/errors';
import { fileName } from '../../../lib/format';
import { studio } from '../../../lib/studio';
import { useInspection, type Inspection } from '../../inspect/useInspection';
import { uniqueName } from '../table/table-model';
import { useVault } from '../vault-store';

export type WizardStep = 'files' | 'password' | 'choose' | 'review' | 'done';
export const STEPS: readonly WizardStep[] = ['files', 'password', 'choose', 'review', 'done'];

/** Certificates that come with their private key: what an identity can be made of. */
export function importCandidates(report: InspectReport): CertificateInfo[] {
  const bySha = new Map(report.certificates.map((certificate) => [certificate.sha256, certificate]));
  const withKey = report.privateKeys.flatMap((key) => (key.certificateSha256 && bySha.get(key.certificateSha256) ? [bySha.get(key.certificateSha256)!] : []));
  return [...new Map(withKey.map((certificate) => [certificate.sha256, certificate])).values()];
}

/** Why files that were read cannot become an identity (no key, no certificate, or a key without its certificate). */
function unusable(report: InspectReport): ErrorDto {
  if (report.privateKeys.length === 0) return { code: 'NO_PRIVATE_KEY', message: 'no private key among these files' };
  if (report.certificates.length === 0) return { code: 'NO_CERTIFICATE', message: 'no certificate among these files' };
  return { code: 'KEY_MISMATCH', message: 'no private key matches a certificate among these files' };
}

function suggestedName(identities: IdentitySummary[], certificate: CertificateInfo | undefined, paths: string[]): string {
  const base = certificate?.commonName?.trim() || (paths[0] ? fileName(paths[0]).replace(/\.[^.]+$/, '') : '') || 'identity';
  return uniqueName(identities, base.slice(0, 180));
}

export interface ImportWizard {
  step: WizardStep;
  inspection: Inspection;
  report: InspectReport | null;
  candidates: CertificateInfo[];
  /** files were read but hold nothing to import */
  unusableError: ErrorDto | null;
  selected: string | undefined;
  select(sha256: string): void;
  confirmChoice(): void;
  name: string;
  setName(name: string): void;
  /** the identity that already holds the selected certificate and key */
  duplicate: IdentitySummary | null;
  nameTaken: boolean;
  saving: boolean;
  saveError: ErrorDto | null;
  saved: ImportedIdentity | null;
  save(): void;
  back(): void;
  /** forgets what was read (main drops the parsed key) */
  dispose(): void;
}

/** Files → password (if needed) → which key and certificate (if several) → name, with the findings → done. */
export function useImportWizard(): ImportWizard {
  const inspection = useInspection();
  const vault = useVault();
  const { state } = inspection;
  const report = state.kind === 'loaded' ? state.report : null;
  const candidates = useMemo(() => (report ? importCandidates(report) : []), [report]);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState(false);
  const [name, setNameValue] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ErrorDto | null>(null);
  const [saved, setSaved] = useState<ImportedIdentity | null>(null);
  const paths = state.kind === 'empty' ? [] : state.paths;

  // a new reading starts the choice over
  useEffect(() => {
    setSelected(candidates[0]?.sha256);
    setChosen(false);
    setNameEdited(false);
    setSaveError(null);
  }, [candidates]);
  useEffect(() => {
    if (!nameEdited) setNameValue(suggestedName(vault.identities, candidates.find((c) => c.sha256 === selected), paths));
    // the suggestion follows the selection until the user types a name of their own
  }, [selected, candidates, nameEdited]);

  const unusableError = report && candidates.length === 0 ? unusable(report) : null;
  const step: WizardStep = saved
    ? 'done'
    : state.kind === 'password'
      ? 'password'
      : state.kind !== 'loaded' || unusableError
        ? 'files'
        : candidates.length > 1 && !chosen
          ? 'choose'
          : 'review';
  const duplicate = selected ? (vault.identities.find((identity) => identity.certificateSha256 === selected) ?? null) : null;
  const fold = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('en-US');
  const nameTaken = vault.identities.some((identity) => fold(identity.name) === fold(name));

  const save = () => {
    if (state.kind !== 'loaded' || saving) return;
    setSaving(true);
    setSaveError(null);
    const request = { inspectionId: state.inspectionId, name: name.trim(), ...(candidates.length > 1 && selected ? { select: selected } : {}) };
    void studio()
      .vault.import(request)
      .then(async (result) => {
        setSaving(false);
        if (!result.ok) {
          vault.noteError(result.error);
          setSaveError(result.error);
          await vault.refresh();
          return;
        }
        vault.noteKeychainWorks();
        setSaved(result.value);
        inspection.clear();
        await vault.refresh();
      });
  };

  return {
    step,
    inspection,
    report,
    candidates,
    unusableError,
    selected,
    select: (sha256) => {
      setSelected(sha256);
      setSaveError(null);
    },
    confirmChoice: () => setChosen(true),
    name,
    setName: (value) => {
      setNameEdited(true);
      setNameValue(value);
      setSaveError(null);
    },
    duplicate,
    nameTaken,
    saving,
    saveError,
    saved,
    save,
    back: () => {
      setSaveError(null);
      if (step === 'review' && candidates.length > 1) setChosen(false);
      else inspection.clear();
    },
    dispose: () => inspection.clear(),
  };
}
