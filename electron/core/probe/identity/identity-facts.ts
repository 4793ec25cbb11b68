import type { PreflightCheck } from '../../../common/dto/probe';
import type { ParsedCertificate } from '../../pki/certificate';
import { readTlv } from '../../pki/der';
import { formatName, nameKey } from '../../pki/names';
import type { LoadedIdentity } from './load-identity';

/**
 * Facts about our identity that explain a rejection before and after the handshake: key match, dates, purpose,
 * where our chain stops, and — once the server's CertificateRequest is known — whether it reaches a CA the
 * server named.
 */

export interface IdentityFacts {
  keyMatches: boolean;
  leaf: ParsedCertificate;
  expired: ParsedCertificate[];
  notYetValid: ParsedCertificate[];
  /** null when the leaf may be used for client authentication, else why not */
  purposeProblem: string | null;
  /** which extension says so: its extended key usage lacks clientAuth, or its key usage lacks digitalSignature */
  purposeIssue: 'eku' | 'keyUsage' | null;
  /** the last certificate of the chain we send */
  top: ParsedCertificate;
  /** our chain ends in a self-signed certificate */
  endsAtRoot: boolean;
  /** the DN of the issuer our chain needs next, when it does not end at a root */
  missingIssuer: string | null;
}

export interface AcceptableCa {
  dn: string;
  key: string;
}

const label = (cert: ParsedCertificate) => cert.commonName ?? cert.subject;
const day = (date: Date) => date.toISOString().slice(0, 10);

export function acceptableCas(authorities: Uint8Array[]): AcceptableCa[] {
  return authorities.map((der) => {
    const tlv = readTlv(der);
    return { dn: formatName(tlv), key: nameKey(tlv) };
  });
}

export function identityFacts(identity: LoadedIdentity, now: Date): IdentityFacts {
  const certs = [identity.leaf, ...identity.chain];
  const top = certs[certs.length - 1]!;
  const eku = identity.leaf.extensions.extendedKeyUsage;
  const keyUsage = identity.leaf.extensions.keyUsage;
  let purposeProblem: string | null = null;
  let purposeIssue: IdentityFacts['purposeIssue'] = null;
  if (eku !== null && !eku.includes('clientAuth') && !eku.includes('anyExtendedKeyUsage')) {
    purposeProblem = `its extended key usage is ${eku.join(', ')} — clientAuth is not among them`;
    purposeIssue = 'eku';
  } else if (keyUsage.length > 0 && !keyUsage.includes('digitalSignature')) {
    purposeProblem = `its key usage (${keyUsage.join(', ')}) does not allow digitalSignature`;
    purposeIssue = 'keyUsage';
  }
  return {
    keyMatches: identity.keyMatches,
    leaf: identity.leaf,
    expired: certs.filter((cert) => now.getTime() > cert.notAfter.getTime()),
    notYetValid: certs.filter((cert) => now.getTime() < cert.notBefore.getTime()),
    purposeProblem,
    purposeIssue,
    top,
    endsAtRoot: top.selfSigned,
    missingIssuer: top.selfSigned ? null : top.issuer,
  };
}

/** Does any certificate of our chain name (as subject or issuer) one of the CAs the server accepts? */
export function reachesAcceptableCa(identity: LoadedIdentity, cas: AcceptableCa[]): boolean {
  const keys = new Set(cas.map((ca) => ca.key));
  return [identity.leaf, ...identity.chain].some((cert) => keys.has(cert.issuerKey) || keys.has(cert.subjectKey));
}

export function preflightChecks(identity: LoadedIdentity, facts: IdentityFacts, cas: AcceptableCa[] | null, requested: boolean | null): PreflightCheck[] {
  const checks: PreflightCheck[] = [];
  checks.push(
    facts.keyMatches
      ? { check: 'key-matches-certificate', status: 'pass', detail: `the key belongs to '${label(facts.leaf)}'` }
      : { check: 'key-matches-certificate', status: 'fail', detail: `the private key does not belong to '${label(facts.leaf)}': no certificate was sent` },
  );
  const dated = [
    ...facts.expired.map((cert) => `'${label(cert)}' expired on ${day(cert.notAfter)}`),
    ...facts.notYetValid.map((cert) => `'${label(cert)}' is not valid before ${day(cert.notBefore)}`),
  ];
  checks.push(
    dated.length > 0
      ? { check: 'validity', status: 'fail', detail: dated.join('; ') }
      : { check: 'validity', status: 'pass', detail: `valid until ${day(facts.leaf.notAfter)}` },
  );
  checks.push(
    facts.purposeProblem
      ? { check: 'client-auth-purpose', status: 'fail', detail: `'${label(facts.leaf)}' is not for client authentication: ${facts.purposeProblem}` }
      : { check: 'client-auth-purpose', status: 'pass', detail: 'usable for client authentication' },
  );
  checks.push(
    facts.endsAtRoot
      ? { check: 'chain-complete', status: 'pass', detail: `ends at the root '${label(facts.top)}'` }
      : {
          check: 'chain-complete',
          status: 'warn',
          detail: `stops at '${label(facts.top)}', issued by ${facts.missingIssuer}, which is not included (fine only if the server has it)`,
        },
  );
  if (requested === null) checks.push({ check: 'reaches-acceptable-ca', status: 'unknown', detail: 'the server’s certificate request could not be observed' });
  else if (!requested) checks.push({ check: 'reaches-acceptable-ca', status: 'unknown', detail: 'the server did not ask for a client certificate' });
  else if (!cas || cas.length === 0) checks.push({ check: 'reaches-acceptable-ca', status: 'unknown', detail: 'the server asked for a certificate but named no CAs' });
  else if (reachesAcceptableCa(identity, cas)) checks.push({ check: 'reaches-acceptable-ca', status: 'pass', detail: 'our chain reaches a CA the server named' });
  else checks.push({ check: 'reaches-acceptable-ca', status: 'fail', detail: `none of our certificates is issued by, or is, one of: ${cas.map((ca) => ca.dn).join('; ')}` });
  return checks;
}
