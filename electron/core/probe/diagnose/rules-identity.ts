import type { DiagnosisFinding } from '../../../common/dto/probe';
import { reachesAcceptableCa } from '../identity/identity-facts';
import { certLabel, certName, day, finding, yesNo, type DiagnosisContext } from './context';
import type { Observation } from './observation';
import { notYetValidFinding, purposeFinding } from './rules-client-cert';

/** Pre-flight problems of our identity that the server did not (yet) complain about, and the CA-list check. */

export function identityFindings(obs: Observation, ctx: DiagnosisContext, already: Set<string>): DiagnosisFinding[] {
  const { identity, facts } = ctx;
  if (!identity || !facts) return [];
  const found: DiagnosisFinding[] = [];
  if (!facts.keyMatches) {
    found.push(
      finding('CLIENT_KEY_MISMATCH', 'error', 'The private key does not belong to the certificate', `The key given with ${certLabel(facts.leaf)} is another key pair, so TLS cannot use them together; the probe ran without a client certificate to show what the server asks for.`, 'Use the key the certificate was issued for (compare `openssl x509 -noout -pubkey` with `openssl pkey -pubout`), or the .p12 that holds both.', { name: certName(facts.leaf), sha256: facts.leaf.sha256 })
    );
  }
  const expired = facts.expired[0];
  if (expired && !already.has('CLIENT_CERT_EXPIRED')) {
    found.push(
      finding('CLIENT_CERT_EXPIRED', 'warning', 'Our certificate has expired', `${certLabel(expired)} expired on ${day(expired.notAfter)}; ${obs.sentCertificate ? 'the server accepted it anyway (it may be configured to allow expired certificates)' : 'it was not used in this handshake'}.`, 'Ask the issuer for a renewed certificate before servers start rejecting it.', { name: certName(expired), date: expired.notAfter.toISOString(), day: day(expired.notAfter), sent: yesNo(obs.sentCertificate), rejection: 'none', alert: 'none', alertCode: '', afterMs: '' }),
    );
  }
  if (facts.notYetValid.length > 0 && !already.has('CLIENT_CERT_NOT_YET_VALID')) found.push(notYetValidFinding(null, ctx, 'warning'));
  if (facts.purposeProblem && !already.has('CLIENT_CERT_PURPOSE')) found.push(purposeFinding(null, ctx, 'warning'));

  const rejectedForTrust = already.has('CLIENT_CHAIN_INCOMPLETE') || already.has('CLIENT_CERT_UNTRUSTED');
  if (obs.cas.length > 0 && facts.keyMatches && !rejectedForTrust && !reachesAcceptableCa(identity, obs.cas)) {
    const names = obs.cas.map((ca) => ca.dn).join('; ');
    found.push(
      finding('CLIENT_CA_NOT_ADVERTISED', 'warning', 'Our CA is not among the CAs the server named', `The server accepts certificates from ${names}; our chain (${certLabel(facts.leaf)} issued by ${facts.leaf.issuer}${identity.chain.length ? `, up to ${certLabel(facts.top)}` : ''}) reaches none of them.`, 'Use an identity issued under one of the named CAs, or ask the server owner to add our CA to its trust store.', { cas: names, name: certName(facts.leaf), issuer: facts.leaf.issuer, top: certName(facts.top), chain: yesNo(identity.chain.length > 0) }),
    );
  }
  return found;
}
