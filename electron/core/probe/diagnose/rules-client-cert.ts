import type { DiagnosisFinding } from '../../../common/dto/probe';
import { reachesAcceptableCa } from '../identity/identity-facts';
import { certLabel, certName, day, finding, list, yesNo, type DiagnosisContext } from './context';
import type { Observation } from './observation';
import { connectionDropped } from './rules-connection';

/**
 * The server rejected the handshake with an alert after asking for a certificate (or, in TLS 1.3, right after
 * the handshake seemed done), or closed the connection right after receiving our certificate: which of our
 * certificate's problems explains it.
 */

/** Alerts a server sends about the client certificate (RFC 8446 §6.2; OpenSSL's ssl_verify_alarm_type). */
const CERTIFICATE_ALERTS = new Set([40, 42, 43, 44, 45, 46, 48, 49, 51, 116]);

function caNames(obs: Observation): string {
  return obs.cas.length > 0 ? obs.cas.map((ca) => ca.dn).join('; ') : '';
}

/**
 * How the server refused, as data: the shape of the clause ('alert', 'alertLate', 'closed', 'closedAfter'), the
 * alert and its code, and the milliseconds after the handshake ('' where the shape has none).
 */
function rejectionParams(obs: Observation): { rejection: 'alert' | 'alertLate' | 'closed' | 'closedAfter'; alert: string; alertCode: number | ''; afterMs: number | '' } {
  const alert = obs.alert;
  if (alert) return { rejection: alert.afterHandshake ? 'alertLate' : 'alert', alert: alert.name, alertCode: alert.code, afterMs: alert.afterHandshake ? (alert.msAfterHandshake ?? '') : '' };
  const { failure, trace } = obs.attempt;
  const closedAt = failure && trace?.tlsEndMs != null ? Math.max(0, Math.round(failure.atMs - trace.tlsEndMs)) : null;
  return { rejection: closedAt === null ? 'closed' : 'closedAfter', alert: 'none', alertCode: '', afterMs: closedAt ?? '' };
}

function alertWords(obs: Observation): string {
  const { rejection, alert, alertCode, afterMs } = rejectionParams(obs);
  const silently = 'with no TLS alert and no HTTP response (how ALB verify, CloudFront and Node.js servers refuse a client certificate)';
  switch (rejection) {
    case 'closed':
      return `the server closed the connection right after the handshake, ${silently}`;
    case 'closedAfter':
      return `the server closed the connection ${afterMs} ms after the handshake, ${silently}`;
    case 'alertLate':
      return `the server sent the alert ${alert} (${alertCode}), ${afterMs} ms after our side had finished the handshake (TLS 1.3 reports client-certificate rejections late)`;
    case 'alert':
      return `the server sent the alert ${alert} (${alertCode})`;
  }
}

/** the params a rejection without an alert-or-close clause carries (a warning found before any rejection) */
const NO_REJECTION = { rejection: 'none', alert: 'none', alertCode: '', afterMs: '' } as const;

function missing(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding {
  const names = caNames(obs);
  const asked = obs.requested ? `The server asked for a client certificate${names ? ` from ${names}` : ' (naming no CAs)'}` : 'The server requires a client certificate';
  const oursCode = !ctx.identity ? 'none' : !ctx.identity.keyMatches ? 'keyMismatch' : 'notSent';
  const ours = { none: 'none was given to the probe', keyMismatch: 'ours was not sent because its key does not match (see CLIENT_KEY_MISMATCH)', notSent: 'ours was not sent (the server’s signature algorithms may not fit our key)' }[oursCode];
  return finding(
    'CLIENT_CERT_MISSING',
    'error',
    'The server requires a client certificate and none was sent',
    `${asked}; ${ours}; then ${alertWords(obs)}.`,
    ctx.identity ? 'Fix the identity (see the other findings) and run again.' : 'Run again with the client certificate: --cert FILE --key FILE, or --p12 FILE.',
    { via: 'alert', requested: yesNo(obs.requested === true), cas: names, ours: oursCode, status: '', statusLine: '', ...rejectionParams(obs) },
  );
}

function chainIncompleteOrUntrusted(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding {
  const facts = ctx.facts!;
  const names = caNames(obs);
  const caKeys = new Set(obs.cas.map((ca) => ca.key));
  const issuerNamed = facts.missingIssuer !== null && caKeys.has(facts.top.issuerKey);
  if (!facts.endsAtRoot && !issuerNamed) {
    const inVault = ctx.vaultHasCa?.(facts.top.issuerKey) ?? null;
    const vault = inVault === null ? '' : inVault ? ' The vault has this CA certificate: add it to the identity’s chain.' : ' The vault does not have it either.';
    const sure = obs.cas.length > 0 ? `none of which is our missing issuer` : 'the server named no CAs, so this is the likely cause';
    return finding(
      'CLIENT_CHAIN_INCOMPLETE',
      'error',
      `Rejected: our chain is missing ${facts.missingIssuer}`,
      `We sent ${obs.sent!.length} certificate(s) ending at ${certLabel(facts.top)}, issued by ${facts.missingIssuer}, which we did not send; ${alertWords(obs)}.${names ? ` The server accepts: ${names} — ${sure}.` : ` ${sure[0]!.toUpperCase()}${sure.slice(1)}.`}${vault}`,
      `Send the intermediate CA certificate ${facts.missingIssuer} with the client certificate (append it to the certificate file, or import it with the identity), or have it added to the server’s trust store.`,
      { count: obs.sent!.length, top: certName(facts.top), missing: facts.missingIssuer!, cas: names, inVault: inVault === null ? 'unknown' : yesNo(inVault), ...rejectionParams(obs) },
    );
  }
  const top = facts.endsAtRoot ? `the root ${certLabel(facts.top)}` : `${certLabel(facts.top)}`;
  return finding(
    'CLIENT_CERT_UNTRUSTED',
    'error',
    'Rejected: the server does not trust our CA',
    `Our chain is complete up to ${top}, yet ${alertWords(obs)}.${names ? ` The server accepts: ${names}.` : ''}`,
    `Have ${facts.endsAtRoot ? certLabel(facts.top) : facts.top.issuer} added to the server’s trust store (ALB/API Gateway/CloudFront trust-store bundle, nginx ssl_client_certificate), or use a certificate issued by a CA it trusts.`,
    { root: facts.top.subject, top: certName(facts.top), endsAtRoot: yesNo(facts.endsAtRoot), cas: names, ...rejectionParams(obs) },
  );
}

function candidates(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding {
  const facts = ctx.facts!;
  const causes = [
    'our issuer is not in the server’s trust store',
    'a revocation check failed or the CRL is unavailable',
    'the key type, size or signature algorithm is not allowed (RSA < 2048, SHA-1)',
    'a server policy rejects this subject or serial',
    facts.endsAtRoot ? null : `the server lacks the intermediate ${facts.missingIssuer}`,
  ].filter((cause): cause is string => cause !== null);
  return finding(
    'CLIENT_CERT_REJECTED',
    'error',
    'The server rejected our client certificate',
    `We sent ${certLabel(facts.leaf)} (issued by ${facts.leaf.issuer}); ${alertWords(obs)}, which does not say why. Candidates: ${list(causes)}.`,
    'Ask the server owner for the reason in their logs (ALB connection log reason codes, nginx error log), quoting the time of this run and our certificate’s SHA-256.',
    { name: certName(facts.leaf), issuer: facts.leaf.issuer, sha256: facts.leaf.sha256, endsAtRoot: yesNo(facts.endsAtRoot), missing: facts.missingIssuer ?? '', ...rejectionParams(obs) },
  );
}

const REJECTION_WINDOW_MS = 3_000;

/**
 * The server asked for a certificate, got ours, and dropped the connection (FIN or RST) before any HTTP answer,
 * without an alert: a rejection of our certificate. The pre-flight facts say which problem, if any, explains it.
 */
function silentRejection(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding[] {
  const { failure, response, trace } = obs.attempt;
  if (obs.requested !== true || !obs.sentCertificate || !obs.handshakeDone || response || !failure || !connectionDropped(failure)) return [];
  // soon after the handshake: a kept-alive connection closed between requests is not a rejection
  if (trace?.tlsEndMs == null || failure.atMs - trace.tlsEndMs > REJECTION_WINDOW_MS) return [];
  const facts = ctx.facts;
  if (!facts || !ctx.identity) return [];
  if (facts.notYetValid.length > 0) return [notYetValidFinding(obs, ctx, 'error')];
  if (facts.expired.length > 0) return [expiredFinding(obs, ctx)];
  if (facts.purposeProblem) return [purposeFinding(obs, ctx, 'error')];
  if (obs.cas.length > 0 && !reachesAcceptableCa(ctx.identity, obs.cas)) return [chainIncompleteOrUntrusted(obs, ctx)];
  return [candidates(obs, ctx)];
}

export function clientRejection(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding[] {
  const alert = obs.alert;
  if (!alert) return silentRejection(obs, ctx);
  if (alert.from !== 'server' || !CERTIFICATE_ALERTS.has(alert.code)) return [];
  if (!obs.sentCertificate) {
    if (alert.code === 116 || (alert.code === 40 && obs.requested === true)) return [missing(obs, ctx)];
    return [];
  }
  const facts = ctx.facts;
  if (!facts) return [];
  const leaf = facts.leaf;
  const expired = facts.expired[0];
  const early = facts.notYetValid[0];
  switch (alert.code) {
    case 48:
      return [chainIncompleteOrUntrusted(obs, ctx)];
    case 45:
      return [expiredFinding(obs, ctx)];
    case 44:
      return [finding('CLIENT_CERT_REVOKED', 'error', 'Rejected: our certificate is revoked', `The server checked revocation and ${alertWords(obs)} for ${certLabel(leaf)} (serial ${leaf.serialNumber}).`, 'Request a new certificate from the issuer; a revoked certificate cannot be reinstated.', { serial: leaf.serialNumber, name: certName(leaf), ...rejectionParams(obs) })];
    case 43:
      return [purposeFinding(obs, ctx, 'error')];
  }
  if (alert.code === 42 || alert.code === 46) {
    if (early) return [notYetValidFinding(obs, ctx, 'error')];
    if (expired) return [expiredFinding(obs, ctx)];
    if (facts.purposeProblem) return [purposeFinding(obs, ctx, 'error')];
    if (!facts.endsAtRoot && obs.cas.length > 0 && !obs.cas.some((ca) => ca.key === facts.top.issuerKey)) return [chainIncompleteOrUntrusted(obs, ctx)];
  }
  return [candidates(obs, ctx)];
}

function expiredFinding(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding {
  const cert = ctx.facts!.expired[0];
  const detail = cert
    ? `${certLabel(cert)} expired on ${day(cert.notAfter)}; ${alertWords(obs)}.`
    : `By this computer’s clock every certificate we sent is in date, yet ${alertWords(obs)}: the server’s clock may be wrong, or it checks a certificate we did not send.`;
  return finding('CLIENT_CERT_EXPIRED', 'error', 'Rejected: our certificate has expired', detail, 'Ask the issuer for a renewed certificate and import it.', { name: cert ? certName(cert) : '', date: cert ? cert.notAfter.toISOString() : '', day: cert ? day(cert.notAfter) : '', sent: 'yes', ...rejectionParams(obs) });
}

export function notYetValidFinding(obs: Observation | null, ctx: DiagnosisContext, severity: 'error' | 'warning'): DiagnosisFinding {
  const cert = ctx.facts!.notYetValid[0]!;
  const what = obs && severity === 'error' ? `; ${alertWords(obs)}` : severity === 'warning' ? '; the server did not reject it this time' : '';
  return finding('CLIENT_CERT_NOT_YET_VALID', severity, 'Our certificate is not valid yet', `${certLabel(cert)} is valid only from ${cert.notBefore.toISOString()}${what}.`, 'Wait until its start date, or check the clocks of this computer, the issuer and the server.', { name: certName(cert), date: cert.notBefore.toISOString(), ...(obs && severity === 'error' ? rejectionParams(obs) : NO_REJECTION) });
}

/** which purpose problem identityFacts found ('eku', 'keyUsage'; 'server' when it found none), and the lists it names */
function purposeParams(ctx: DiagnosisContext): { purpose: 'eku' | 'keyUsage' | 'server'; eku: string; keyUsage: string } {
  const { leaf, purposeIssue } = ctx.facts!;
  return { purpose: purposeIssue ?? 'server', eku: (leaf.extensions.extendedKeyUsage ?? []).join(', '), keyUsage: leaf.extensions.keyUsage.join(', ') };
}

export function purposeFinding(obs: Observation | null, ctx: DiagnosisContext, severity: 'error' | 'warning'): DiagnosisFinding {
  const facts = ctx.facts!;
  const problem = facts.purposeProblem ?? 'the server considers its purpose unsuitable for client authentication';
  const what = obs && severity === 'error' ? `; ${alertWords(obs)}` : severity === 'warning' ? '; the server did not reject it this time' : '';
  return finding('CLIENT_CERT_PURPOSE', severity, 'Our certificate is not allowed for client authentication', `${certLabel(facts.leaf)}: ${problem}${what}.`, 'Request a certificate whose extended key usage includes clientAuth (TLS Web Client Authentication) and whose key usage allows digitalSignature.', { name: certName(facts.leaf), ...purposeParams(ctx), ...(obs && severity === 'error' ? rejectionParams(obs) : NO_REJECTION) });
}

export { CERTIFICATE_ALERTS };
