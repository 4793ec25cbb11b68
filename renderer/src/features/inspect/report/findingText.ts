import type { TFunction } from 'i18next';
import type { CertificateInfo, Finding } from '../../../../../electron/common/dto/inspect';
import { daysUntil } from '../../../lib/format';

/**
 * A finding in the UI language, by code. Values come from Finding.params (name, days, bits, algorithm, issuer,
 * file — as core fills them), falling back to the certificate the finding is about, so the text always reads.
 */
export function findingText(t: TFunction, finding: Finding, cert: CertificateInfo | undefined, now: Date): { title: string; hint: string } {
  const p = finding.params;
  const str = (key: string): string | undefined => (typeof p[key] === 'string' || typeof p[key] === 'number' ? String(p[key]) : undefined);
  const computedDays = cert ? Math.abs(daysUntil(finding.code === 'CERT_NOT_YET_VALID' ? cert.notBefore : cert.notAfter, now)) : 0;
  const values = {
    ...p,
    name: cert?.commonName ?? str('name') ?? cert?.subject ?? t('inspect.card.noName'),
    days: str('days') ?? computedDays,
    bits: str('bits') ?? cert?.publicKey.bits ?? '?',
    algorithm: (finding.code === 'WEAK_SIGNATURE' ? str('algorithm') : undefined) ?? cert?.signatureAlgorithm ?? str('algorithm') ?? '?',
    file: str('file') ?? cert?.source ?? t('errors.someFile'),
    issuer: str('issuer') ?? cert?.issuerCommonName ?? cert?.issuer ?? '',
  };
  const variant = finding.code === 'WEAK_SIGNATURE' && finding.severity !== 'error' ? 'hintRoot' : 'hint';
  return { title: t(`findings.${finding.code}.title`, values), hint: t(`findings.${finding.code}.${variant}`, values) };
}
