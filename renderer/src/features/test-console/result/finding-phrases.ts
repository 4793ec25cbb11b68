import type { DiagnosisCode, DiagnosisFinding } from '../../../../../electron/common/dto/probe';

/**
 * The clauses a finding's detail sentence takes from its params, as their own translated phrases: the core picks
 * one English wording by a code or flag (which alert or close ended the handshake, why the server certificate
 * does not verify, whether --insecure let the probe go on), and so does each language here. A phrase is filled
 * with the finding's params and placed at its {{placeholder}}; null leaves the placeholder empty.
 */

type Params = DiagnosisFinding['params'];
export interface Phrase {
  key: string;
  values: Params;
}
type PhraseOf = (p: Params) => string | null;

/** the server certificate's verify errors the core describes in words (rules-server.ts VERIFY_WORDS) */
export const VERIFY_ERRORS_IN_WORDS = [
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'INVALID_PURPOSE',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
] as const;

const has = (value: string | number | undefined): boolean => value !== undefined && value !== '';
/** the value when it is one of the known ones (a key part), else null */
const oneOf = <T extends string>(value: string | number | undefined, known: readonly T[]): T | null =>
  (known as readonly (string | number | undefined)[]).includes(value) ? (value as T) : null;
const REJECTIONS = ['alert', 'alertLate', 'closed', 'closedAfter'] as const;

/** every phrase placeholder, and the key it takes (under probe.phrases unless it starts with probe.) */
const PHRASES = {
  /** the alert or the close that ended the handshake (rules-client-cert.ts alertWords) */
  why: (p) => {
    const shape = oneOf(p.rejection, REJECTIONS);
    return shape ? `rejection.${shape}` : null;
  },
  stopped: (p) => (p.insecure === 'yes' ? 'stopped.insecure' : 'stopped.secure'),
  serverCert: (p) => (has(p.name) ? 'serverCert.named' : 'serverCert.unnamed'),
  serverIssuer: (p) => (has(p.issuer) ? 'serverIssuer.named' : 'serverIssuer.unknown'),
  trustedBy: (p) =>
    p.trust === 'system'
      ? 'trustedBy.system'
      : p.trust === 'ca-files'
        ? 'trustedBy.caFiles'
        : 'trustedBy.both',
  verifyWhy: (p) =>
    (VERIFY_ERRORS_IN_WORDS as readonly (string | number)[]).includes(p.error!)
      ? `probe.verifyError.${p.error}`
      : has(p.error)
        ? 'probe.verifyError.other'
        : 'probe.verifyError.unknown',
  offeredText: (p) => (p.tlsMin === p.tlsMax ? 'offered.one' : 'offered.range'),
  asked: (p) => (p.requested !== 'yes' ? 'asked.required' : has(p.cas) ? 'asked.from' : 'asked.noCas'),
  oursText: (p) => {
    const ours = oneOf(p.ours, ['none', 'keyMismatch', 'notSent'] as const) ?? 'notSent';
    return p.via === 'http' && ours !== 'none' ? 'ours.notSentPlain' : `ours.${ours}`;
  },
  accepts: (p) => (has(p.cas) ? 'accepts.named' : 'accepts.none'),
  vault: (p) => (p.inVault === 'yes' ? 'vault.yes' : p.inVault === 'no' ? 'vault.no' : null),
  chainTop: (p) => (p.endsAtRoot === 'yes' ? 'chainTop.root' : 'chainTop.other'),
  problem: (p) => `purpose.${oneOf(p.purpose, ['eku', 'keyUsage'] as const) ?? 'server'}`,
  itAccepts: (p) => (has(p.cas) ? 'itAccepts' : null),
  endpointKind: (p) => (p.private === 'yes' ? 'endpointKind.private' : 'endpointKind.default'),
} satisfies Record<string, PhraseOf>;

export type PhraseName = keyof typeof PHRASES;
export const PHRASE_NAMES = Object.keys(PHRASES) as PhraseName[];

const WHY = ['why'] as const;
const SERVER = ['serverCert', 'stopped'] as const;

/** which phrases each code's detail sentences place */
export const PHRASES_OF: Partial<Record<DiagnosisCode, readonly PhraseName[]>> = {
  TLS_VERSION_MISMATCH: ['offeredText'],
  SERVER_CERT_UNTRUSTED: [...SERVER, 'serverIssuer', 'trustedBy', 'verifyWhy'],
  SERVER_CERT_EXPIRED: ['stopped'],
  SERVER_NAME_MISMATCH: SERVER,
  CLIENT_CERT_MISSING: [...WHY, 'asked', 'oursText'],
  CLIENT_CHAIN_INCOMPLETE: [...WHY, 'accepts', 'vault'],
  CLIENT_CERT_UNTRUSTED: [...WHY, 'chainTop'],
  CLIENT_CERT_EXPIRED: WHY,
  CLIENT_CERT_NOT_YET_VALID: WHY,
  CLIENT_CERT_REVOKED: WHY,
  CLIENT_CERT_PURPOSE: [...WHY, 'problem'],
  CLIENT_CERT_REJECTED: WHY,
  HTTP_CLIENT_CERT_ERROR: ['itAccepts'],
  APIGW_DEFAULT_ENDPOINT: ['endpointKind'],
};

/** the phrases of a finding's detail, each filled with the finding's params */
export function phrasesOf(finding: Pick<DiagnosisFinding, 'code' | 'params'>): Record<string, Phrase | null> {
  const names = PHRASES_OF[finding.code] ?? [];
  return Object.fromEntries(
    names.map((name) => {
      const key = (PHRASES[name] as PhraseOf)(finding.params);
      if (key === null) return [name, null];
      return [name, { key: key.startsWith('probe.') ? key : `probe.phrases.${key}`, values: finding.params }];
    }),
  );
}
