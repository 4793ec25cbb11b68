import type { DiagnosisFinding, ProbeResult } from '../../../../../electron/common/dto/probe';
import { phrasesOf, type Phrase } from './finding-phrases';

/**
 * A finding in the UI language, from its stable code and params (the English title/fix from the core are not
 * shown in other languages). Some codes have a second wording, chosen by a param, as the core chooses its text.
 * The detail sentence has as many wordings as the core's (detail, detailAlt, detail<Case>), and phrases for the
 * clauses the core picks by a code (finding-phrases.ts).
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

/** which of a code's detail templates says what the core's detail says, chosen by the same params */
function detailVariant(finding: DiagnosisFinding): string {
  const p = finding.params;
  const yes = (name: string) => p[name] === 'yes';
  const given = (name: string) => p[name] !== undefined && p[name] !== '';
  switch (finding.code) {
    case 'CONNECTION_REFUSED':
      return p.error === 'ECONNREFUSED' ? 'detail' : 'detailAlt';
    case 'CONNECTION_TIMEOUT':
      return p.phase === 'tcp' ? 'detail' : p.phase === 'http' ? 'detailHttp' : 'detailTls';
    case 'CONNECTION_RESET':
      return p.phase === 'tcp' ? 'detail' : yes('certAsked') ? 'detailAsked' : 'detailAlt';
    case 'NOT_TLS':
      return given('preview') ? 'detail' : 'detailAlt';
    case 'TLS_VERSION_MISMATCH':
      if (Number(p.alertCode) !== 70) return 'detailAlt';
      return p.alertFrom === 'server' ? 'detail' : 'detailOurs';
    case 'TLS_HANDSHAKE_FAILED':
      if (!given('alert')) return 'detail';
      return p.alertFrom === 'server' ? 'detailServerAlert' : 'detailClientAlert';
    case 'SERVER_CERT_EXPIRED':
      return given('name') ? 'detail' : 'detailAlt';
    case 'SERVER_NAME_MISMATCH':
      return given('names') ? 'detail' : 'detailAlt';
    case 'SERVER_VERIFICATION_DISABLED':
      return yes('verified') ? 'detail' : 'detailAlt';
    case 'CLIENT_CERT_NOT_REQUESTED':
      return yes('identity') ? 'detailAlt' : 'detail';
    case 'CLIENT_CERT_OPTIONAL':
    case 'CLIENT_CERT_UNTRUSTED':
    case 'MTLS_OK':
      return given('cas') ? 'detail' : 'detailAlt';
    case 'CLIENT_CERT_MISSING':
      if (p.via === 'reset') return given('cas') ? 'detailReset' : 'detailResetNoCas';
      if (p.via === 'http') return yes('requested') ? 'detailHttpRequested' : 'detailHttp';
      return 'detail';
    case 'CLIENT_CA_NOT_ADVERTISED':
      return yes('chain') ? 'detail' : 'detailAlt';
    case 'CLIENT_CERT_EXPIRED':
      if (p.rejection === 'none') return yes('sent') ? 'detailAccepted' : 'detailNotUsed';
      return given('name') ? 'detail' : 'detailInDate';
    case 'CLIENT_CERT_NOT_YET_VALID':
    case 'CLIENT_CERT_PURPOSE':
      return p.rejection === 'none' ? 'detailAlt' : 'detail';
    case 'CLIENT_CERT_REJECTED':
      return yes('endsAtRoot') ? 'detail' : 'detailAlt';
    case 'HTTP_FORBIDDEN':
      return yes('sent') ? 'detail' : 'detailAlt';
    case 'HTTP_CLIENT_CERT_ERROR':
    case 'ALB_PASSTHROUGH_NOT_VERIFIED':
      return given('name') ? 'detail' : 'detailAlt';
    case 'APIGW_DEFAULT_ENDPOINT':
      return p.requested === 'no' ? 'detail' : 'detailAlt';
    case 'AWS_CLB_NO_MTLS':
      return yes('requested') ? 'detail' : 'detailAlt';
    case 'ADDRESSES_DISAGREE':
      return given('ok') ? 'detail' : 'detailAlt';
    default:
      return 'detail';
  }
}

/** i18n keys for a finding's title, detail and fix, and the values and phrases they interpolate */
export interface FindingText {
  titleKey: string;
  fixKey: string;
  detailKey: string;
  values: Record<string, string | number>;
  /** the detail's translated clauses, by placeholder (null: the clause is left out) */
  phrases: Record<string, Phrase | null>;
}

export function findingText(finding: DiagnosisFinding, result: Pick<ProbeResult, 'identity'>): FindingText {
  const chosen = variant(finding, result.identity !== null);
  return {
    titleKey: `probe.codes.${finding.code}.${chosen.title}`,
    fixKey: `probe.codes.${finding.code}.${chosen.fix}`,
    detailKey: `probe.codes.${finding.code}.${detailVariant(finding)}`,
    values: { ...finding.params },
    phrases: phrasesOf(finding),
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
