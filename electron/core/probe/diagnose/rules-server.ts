import type { DiagnosisFinding } from '../../../common/dto/probe';
import type { ParsedCertificate } from '../../pki/certificate';
import { parseWireCertificate } from '../certificate-cache';
import { certLabel, day, finding, yesNo, type DiagnosisContext } from './context';
import type { Observation } from './observation';

/** The server's certificate: trusted by the chosen trust, in date, issued for the name we asked for. */

/** exported for the test that the renderer's probe.verifyError.<CODE> phrases say the same */
export const VERIFY_WORDS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed root that is not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is not in the trust store',
  UNABLE_TO_GET_ISSUER_CERT: 'its issuer is not in the trust store',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server sent no chain up to a trusted root',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  CERT_UNTRUSTED: 'it is not trusted for this purpose',
  INVALID_PURPOSE: 'it is not issued for server authentication',
  CERT_SIGNATURE_FAILURE: 'a signature in its chain does not verify',
  CERT_REVOKED: 'it is revoked',
};

function serverLeaf(obs: Observation): ParsedCertificate | null {
  const der = obs.attempt.wire?.serverCertificates?.[0] ?? obs.attempt.trace?.tls?.peerChain[0];
  if (!der) return null;
  try {
    return parseWireCertificate(der, 'the server certificate');
  } catch {
    return null;
  }
}

export function serverFindings(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding[] {
  const tls = obs.attempt.trace?.tls;
  if (!tls) return [];
  const found: DiagnosisFinding[] = [];
  const leaf = serverLeaf(obs);
  const who = leaf ? certLabel(leaf) : 'the server certificate';
  const severity = ctx.insecure ? 'warning' : 'error';
  const trustWords = ctx.trust === 'system' ? 'the system roots' : ctx.trust === 'ca-files' ? `the CA file(s) ${ctx.caFiles.join(', ')}` : `the system roots and ${ctx.caFiles.join(', ')}`;
  const stopped = ctx.insecure ? ' The probe went on because of --insecure.' : ' The probe stopped before sending the request.';
  if (!tls.chainTrusted) {
    if (tls.verifyError === 'CERT_HAS_EXPIRED') {
      found.push(
        finding('SERVER_CERT_EXPIRED', severity, 'The server’s certificate has expired', `${who}${leaf ? ` expired on ${day(leaf.notAfter)}` : ' has expired'} (or a certificate in its chain has).${stopped}`, 'The server owner must renew and install its certificate; check this computer’s clock if the date looks wrong.', { name: leaf?.commonName ?? leaf?.subject ?? '', date: leaf ? leaf.notAfter.toISOString() : '', day: leaf ? day(leaf.notAfter) : '', insecure: yesNo(ctx.insecure) }),
      );
    } else {
      const why = VERIFY_WORDS[tls.verifyError ?? ''] ?? `verification failed with ${tls.verifyError ?? 'an unknown error'}`;
      found.push(
        finding('SERVER_CERT_UNTRUSTED', severity, 'The server’s certificate is not trusted', `${who} issued by ${leaf?.issuer ?? 'an unknown issuer'} does not verify against ${trustWords}: ${why} (${tls.verifyError}).${stopped}`, ctx.trust === 'system' ? 'If the server uses a private CA, pass its root with --ca FILE; otherwise the server must send its full chain.' : 'Check that the --ca file holds the root (and any intermediate the server does not send) that issued this certificate.', { name: leaf?.commonName ?? leaf?.subject ?? '', issuer: leaf?.issuer ?? '', error: tls.verifyError ?? '', trust: ctx.trust, caFiles: ctx.caFiles.join(', '), insecure: yesNo(ctx.insecure) }),
      );
    }
  }
  if (!tls.nameMatches) {
    const listed = leaf?.extensions.subjectAltNames.join(', ') || leaf?.subject || '';
    const names = listed || 'no names';
    found.push(
      finding('SERVER_NAME_MISMATCH', severity, `The server’s certificate is not valid for ${ctx.servername}`, `We asked for ${ctx.servername}; ${who} is issued for ${names}.${stopped}`, `Use a URL (or --servername) with a name the certificate covers, or have the certificate reissued with ${ctx.servername} in its subject alternative names.`, { servername: ctx.servername, name: leaf?.commonName ?? leaf?.subject ?? '', names: listed, insecure: yesNo(ctx.insecure) }),
    );
  }
  if (ctx.insecure) {
    const verdict = tls.chainTrusted && tls.nameMatches ? 'It would have passed verification anyway.' : 'Without --insecure this connection would have been refused.';
    found.push(
      finding('SERVER_VERIFICATION_DISABLED', 'warning', 'Server certificate verification was turned off (--insecure)', `The server’s identity was not checked, so anyone on the path could have answered. ${verdict}`, 'Never use --insecure beyond a quick test: pass the server’s CA with --ca instead.', { verified: tls.chainTrusted && tls.nameMatches ? 'yes' : 'no' }),
    );
  }
  return found;
}
