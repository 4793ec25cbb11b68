import type { DiagnosisCode, DiagnosisFinding, ProbeOutcome } from '../../../common/dto/probe';
import type { AttemptRecord } from '../attempt/run-attempt';
import type { DiagnosisContext } from './context';
import { observe, type Observation } from './observation';
import { clientRejection } from './rules-client-cert';
import { connectFailed, dnsFailed, notTls, transportFailure, versionMismatch } from './rules-connection';
import { httpFindings } from './rules-http';
import { identityFindings } from './rules-identity';
import { serverFindings } from './rules-server';
import { targetFindings } from './rules-target';

/** Turns one attempt into findings, ordered error → warning → info, and its outcome. */

export interface Diagnosis {
  observation: Observation;
  findings: DiagnosisFinding[];
  outcome: ProbeOutcome;
  primaryCode: DiagnosisCode;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

function outcomeOf(obs: Observation, findings: DiagnosisFinding[]): ProbeOutcome {
  const { attempt } = obs;
  if (attempt.response) return attempt.response.status >= 400 ? 'http-error' : 'success';
  const failure = attempt.failure;
  if (!failure || failure.phase === 'dns' || failure.phase === 'tcp') return 'network-error';
  if (obs.alert || failure.code === 'SERVER_NOT_VERIFIED' || failure.code.startsWith('ERR_SSL')) return 'tls-error';
  const codes = new Set(findings.map((f) => f.code));
  if (codes.has('NOT_TLS') || codes.has('TLS_HANDSHAKE_FAILED') || codes.has('TLS_VERSION_MISMATCH')) return 'tls-error';
  // the server dropped the connection right after receiving our certificate: a rejection, not a network fault
  if (obs.handshakeDone && findings.some((f) => f.severity === 'error' && f.code.startsWith('CLIENT_') && f.code !== 'CLIENT_CERT_MISSING' && f.code !== 'CLIENT_KEY_MISMATCH')) return 'tls-error';
  return 'network-error';
}

function failureFindings(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding[] {
  const failure = obs.attempt.failure!;
  const plain = notTls(obs, ctx);
  if (plain) return [plain];
  if (failure.code === 'SERVER_NOT_VERIFIED') return []; // the server findings say it
  const version = versionMismatch(obs, ctx);
  if (version) return [version];
  const rejection = clientRejection(obs, ctx);
  if (rejection.length > 0) return rejection;
  return transportFailure(obs, ctx);
}

export function diagnoseAttempt(attempt: AttemptRecord, ctx: DiagnosisContext): Diagnosis {
  const obs = observe(attempt);
  let findings: DiagnosisFinding[];
  if (attempt.failure?.phase === 'dns') findings = [dnsFailed(obs, ctx)];
  else if (attempt.failure?.phase === 'tcp') findings = [connectFailed(obs, ctx)];
  else {
    findings = [...serverFindings(obs, ctx)];
    if (attempt.response) findings.push(...httpFindings(obs, ctx));
    else findings.push(...failureFindings(obs, ctx));
    findings.push(...identityFindings(obs, ctx, new Set(findings.map((f) => f.code))));
    findings.push(...targetFindings(obs, ctx));
  }
  if (ctx.identity && !ctx.identity.keyMatches && !findings.some((f) => f.code === 'CLIENT_KEY_MISMATCH')) {
    findings.push(...identityFindings(obs, ctx, new Set(findings.map((f) => f.code))).filter((f) => f.code === 'CLIENT_KEY_MISMATCH'));
  }
  const sorted = findings.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i).map(({ f }) => f);
  const primary = sorted[0]?.code ?? 'MTLS_OK';
  return { observation: obs, findings: sorted, outcome: outcomeOf(obs, sorted), primaryCode: primary };
}
