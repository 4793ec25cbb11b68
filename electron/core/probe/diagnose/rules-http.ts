import type { DiagnosisFinding } from '../../../common/dto/probe';
import { certLabel, certName, finding, yesNo, type DiagnosisContext } from './context';
import type { Observation } from './observation';

/** The handshake completed and the server answered: what the answer says about mutual TLS. */

const NO_CERT_PAGE = /No required SSL certificate was sent/i;
const CERT_ERROR_PAGE = /The SSL certificate error|SSL certificate error/i;

type CertPage = 'missing' | 'error' | null;

/** nginx-family (nginx, Tengine/Alibaba CLB, OpenResty) answer certificate problems with 400 pages (495/496 internally). */
function certificatePage(status: number, body: string): CertPage {
  if (status === 496 || (status === 400 && NO_CERT_PAGE.test(body))) return 'missing';
  if (status === 495 || (status === 400 && CERT_ERROR_PAGE.test(body))) return 'error';
  return null;
}

export function httpFindings(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding[] {
  const response = obs.attempt.response!;
  const body = response.head.toString('utf8');
  const status = response.status;
  const page = certificatePage(status, body);
  const statusText = `${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const names = obs.cas.map((ca) => ca.dn).join('; ');
  const found: DiagnosisFinding[] = [];
  let statusExplained = false;

  if (page === 'missing') {
    statusExplained = true;
    found.push(
      finding('CLIENT_CERT_MISSING', 'error', 'The server requires a client certificate and none was sent', `The handshake completed${obs.requested ? ' after a certificate request' : ''}, but the server answered HTTP ${statusText} "No required SSL certificate was sent" (nginx-style); ${ctx.identity ? 'our certificate was not sent' : 'none was given to the probe'}.`, ctx.identity ? 'Fix the identity (see the other findings) and run again.' : 'Run again with the client certificate: --cert FILE --key FILE, or --p12 FILE.', { via: 'http', requested: yesNo(obs.requested === true), cas: names, ours: ctx.identity ? 'notSent' : 'none', status, statusLine: statusText, rejection: 'none', alert: 'none', alertCode: '', afterMs: '' }),
    );
  } else if (page === 'error') {
    statusExplained = true;
    const ours = ctx.facts ? ` for ${certLabel(ctx.facts.leaf)} issued by ${ctx.facts.leaf.issuer}` : '';
    found.push(
      finding('HTTP_CLIENT_CERT_ERROR', 'error', 'The server rejected our client certificate in HTTP', `The handshake completed, then the server answered HTTP ${statusText} with its certificate-error page${ours}: nginx-family servers (nginx, Tengine/Alibaba CLB) verify the certificate after the handshake and answer this way for an untrusted, expired or revoked certificate.${names ? ` It accepts: ${names}.` : ''}`, 'Check that the server’s client CA file (ssl_client_certificate / the uploaded CA) holds our issuer and root, and that our certificate is in date and not revoked.', { status, statusLine: statusText, name: ctx.facts ? certName(ctx.facts.leaf) : '', issuer: ctx.facts?.leaf.issuer ?? '', cas: names }),
    );
  } else if (status === 403) {
    statusExplained = true;
    const mtls = obs.sentCertificate ? 'after a completed mutual-TLS handshake (our certificate was accepted at the TLS layer)' : 'after the handshake (no client certificate was sent)';
    found.push(
      finding('HTTP_FORBIDDEN', 'error', 'HTTP 403 Forbidden', `The server answered 403 ${mtls}. API Gateway answers 403 for untrusted, expired or weak client certificates; other servers deny by policy (path, method, subject).`, obs.sentCertificate ? 'Check the gateway’s trust store and the certificate’s algorithm (RSA ≥ 2048, SHA-256), then the API’s authorisation rules and logs.' : 'Send the client certificate, then check the authorisation rules.', { status, sent: obs.sentCertificate ? 'yes' : 'no' }),
    );
  }

  if (obs.requested === true && obs.sentCertificate && page === null) {
    const leaf = obs.sent![0]!;
    // a 403 after the handshake is not "mutual TLS OK": API Gateway answers certificates it refuses this way
    if (status !== 403) {
      found.push(
        finding('MTLS_OK', 'info', 'Mutual TLS OK', `The server asked for a client certificate${names ? ` from ${names}` : ''}; we sent ${certLabel(leaf)} (${obs.sent!.length} certificate(s)) and the server accepted it and answered HTTP ${statusText}.`, 'Nothing to fix at the TLS layer.', { name: certName(leaf), count: obs.sent!.length, status, statusLine: statusText, cas: names }),
      );
    }
  } else if (obs.requested === true && !obs.sentCertificate && page === null) {
    found.push(
      finding('CLIENT_CERT_OPTIONAL', 'warning', 'The server asked for a client certificate but went on without one', `The server sent a certificate request${names ? ` for ${names}` : ' naming no CAs'}, we sent no certificate, and it still answered HTTP ${statusText}: mutual TLS is optional here (nginx ssl_verify_client optional, ALB passthrough, CloudFront optional).`, ctx.identity ? 'Our certificate was not sent: see the other findings.' : 'Send the client certificate to see whether it is accepted; if the service must require it, make mutual TLS mandatory on the server.', { status, statusLine: statusText, cas: names }),
    );
  } else if (obs.requested === false) {
    const severity = ctx.identity ? 'warning' : 'info';
    found.push(
      finding('CLIENT_CERT_NOT_REQUESTED', severity, 'The server never asked for a client certificate', `The server’s handshake had no CertificateRequest, so ${ctx.identity ? 'our certificate was not sent and ' : ''}mutual TLS is not enforced at this hop. In front of ALB or API Gateway this often means a CDN or proxy terminates TLS (CloudFront → ALB cannot verify end users), or the default execute-api endpoint is used.`, ctx.identity ? 'Probe the host that enforces mutual TLS, or enable it on this endpoint (CloudFront viewer mTLS, API Gateway custom domain, ALB verify mode).' : 'No client certificate is needed here.', { host: ctx.host, identity: yesNo(ctx.identity !== null) }),
    );
  }

  if (status >= 400 && !statusExplained) {
    found.push(
      finding('HTTP_ERROR_STATUS', 'error', `The server answered HTTP ${statusText}`, `The TLS layer succeeded; the HTTP request itself failed with ${statusText}.`, status >= 500 ? 'A server-side error: check the backend and the load balancer’s target health.' : 'Check the URL, method, headers and body of the request.', { status, statusLine: statusText }),
    );
  }
  return found;
}
