import type { DiagnosisCode, DiagnosisFinding, DiagnosisParams, DiagnosisSeverity, ProbeTarget } from '../../../common/dto/probe';
import type { ParsedCertificate } from '../../pki/certificate';
import type { IdentityFacts } from '../identity/identity-facts';
import type { LoadedIdentity } from '../identity/load-identity';

/** What the rules know besides the attempt itself, and the one way they build a finding. */

export interface DiagnosisContext {
  identity: LoadedIdentity | null;
  facts: IdentityFacts | null;
  insecure: boolean;
  /** 'system', 'ca-files', 'system+ca-files' */
  trust: string;
  caFiles: string[];
  host: string;
  port: number;
  servername: string;
  tlsMin: string;
  tlsMax: string;
  timeoutMs: number;
  /** --target as given (default 'auto'): the target-specific rules detect the rest themselves */
  requestedTarget?: ProbeTarget;
  /** does the vault hold a CA certificate with this subject (a pki nameKey)? null: no vault, or it holds no CAs */
  vaultHasCa: ((subjectKey: string) => boolean | null) | null;
}

/**
 * Builds a finding; its params must have exactly the names DIAGNOSIS_PARAMS lists for its code (an extra name
 * or a missing one does not compile), so a translated sentence never lacks a value the English one uses.
 */
export function finding<C extends DiagnosisCode, P extends DiagnosisParams<C>>(
  code: C,
  severity: DiagnosisSeverity,
  title: string,
  detail: string,
  fix: string,
  params: P & Record<Exclude<keyof P, keyof DiagnosisParams<C>>, never>,
): DiagnosisFinding {
  return { code, severity, title, detail, fix, params };
}

export const certLabel = (cert: ParsedCertificate): string => `'${cert.commonName ?? cert.subject}'`;
export const day = (date: Date): string => date.toISOString().slice(0, 10);
export const yesNo = (value: boolean): 'yes' | 'no' => (value ? 'yes' : 'no');
/** a certificate's name as certLabel shows it, without the quotes */
export const certName = (cert: ParsedCertificate): string => cert.commonName ?? cert.subject;
export const list = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
