import type { DiagnosisCode, DiagnosisFinding, DiagnosisSeverity, ProbeTarget } from '../../../common/dto/probe';
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

export function finding(
  code: DiagnosisCode,
  severity: DiagnosisSeverity,
  title: string,
  detail: string,
  fix: string,
  params: Record<string, string | number> = {},
): DiagnosisFinding {
  return { code, severity, title, detail, fix, params };
}

export const certLabel = (cert: ParsedCertificate): string => `'${cert.commonName ?? cert.subject}'`;
export const day = (date: Date): string => date.toISOString().slice(0, 10);
export const list = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
