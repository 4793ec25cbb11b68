import type { DiagnosisFinding, ProbeResult } from '../../../../../electron/common/dto/probe';

/**
 * A finding in the UI language, from its stable code and params (the English title/fix from the core are not
 * shown in other languages). Some codes have a second wording, chosen by a param, as the core chooses its text.
 */

type Variant = { title: 'title' | 'titleAlt'; fix: 'fix' | 'fixAlt' };
const PLAIN: Variant = { title: 'title', fix: 'fix' };

function variant(finding: DiagnosisFinding, hasIdentity: boolean): Variant {
  const p = finding.params;
  switch (finding.code) {
    case 'CONNECTION_TIMEOUT':
      return p.phase === 'http' ? { title: 'titleAlt', fix: 'fixAlt' } : PLAIN;
    case 'CONNECTION_REFUSED':
      return p.error !== 'ECONNREFUSED' ? { title: 'titleAlt', fix: 'fixAlt' } : PLAIN;
    case 'CLIENT_CERT_MISSING':
    case 'CLIENT_CERT_OPTIONAL':
    case 'CLIENT_CERT_NOT_REQUESTED':
      return hasIdentity ? { title: 'title', fix: 'fixAlt' } : PLAIN;
    case 'HTTP_FORBIDDEN':
      return p.sent === 'no' ? { title: 'title', fix: 'fixAlt' } : PLAIN;
    case 'HTTP_ERROR_STATUS':
      return Number(p.status) >= 500 ? { title: 'title', fix: 'fixAlt' } : PLAIN;
    case 'SERVER_CERT_UNTRUSTED':
      return p.trust !== 'system' ? { title: 'title', fix: 'fixAlt' } : PLAIN;
    case 'AWS_CLB_NO_MTLS':
      return p.requested === 'no' ? { title: 'title', fix: 'fixAlt' } : PLAIN;
    case 'CLIENT_CHAIN_INCOMPLETE':
      return p.inVault === 'yes' ? { title: 'title', fix: 'fixAlt' } : PLAIN;
    default:
      return PLAIN;
  }
}

/** i18n keys for a finding's title and fix, and the values they interpolate */
export interface FindingText {
  titleKey: string;
  fixKey: string;
  values: Record<string, string | number>;
}

export function findingText(finding: DiagnosisFinding, result: Pick<ProbeResult, 'identity'>): FindingText {
  const chosen = variant(finding, result.identity !== null);
  return {
    titleKey: `probe.codes.${finding.code}.${chosen.title}`,
    fixKey: `probe.codes.${finding.code}.${chosen.fix}`,
    values: { ...finding.params },
  };
}

/** The verdict banner's sentence: the most serious finding's title (findings come sorted error → info). */
export function verdictOf(result: ProbeResult): {
  key: string;
  values: Record<string, string | number>;
  tone: 'ok' | 'warning' | 'error';
} {
  const top = result.diagnosis[0];
  if (!top)
    return {
      key: 'probe.verdict.noFindings',
      values: {},
      tone: result.outcome === 'success' ? 'ok' : 'error',
    };
  const tone = top.severity === 'error' ? 'error' : top.severity === 'warning' ? 'warning' : 'ok';
  const text = findingText(top, result);
  return { key: text.titleKey, values: text.values, tone };
}

/** Params shown as labelled values under a finding (names, CAs, alerts, addresses) — data, not prose. */
export const SHOWN_PARAMS = [
  'missing',
  'cas',
  'alert',
  'root',
  'issuer',
  'name',
  'date',
  'serial',
  'servername',
  'names',
  'host',
  'addresses',
  'address',
  'port',
  'status',
  'error',
  'reason',
  'offered',
  'problem',
  'failed',
  'ok',
  'sha256',
] as const;
