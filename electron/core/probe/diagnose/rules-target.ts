import type { DiagnosisFinding } from '../../../common/dto/probe';
import { decodeMtlsHeaders } from '../../targets/headers';
import { classifyHost, type HostForm } from '../target-hosts';
import { detectTarget } from '../target-detect';
import { finding, yesNo, type DiagnosisContext } from './context';
import type { Observation } from './observation';

/**
 * What the target (ALB, API Gateway, CloudFront, Classic LB) adds to a diagnosis: facts about the endpoint that
 * the handshake alone does not tell (DOMAIN.md, "Endpoints and how each one behaves"). Where the vendor does not
 * document a behaviour, the wording says "likely".
 */

const PASSTHROUGH_HEADER = /(^|[^-\w])x-amzn-mtls-clientcert(?![-\w])/i;

/** the URL's host, or the SNI name when the URL is an address and --servername names the endpoint */
function namedHost(ctx: DiagnosisContext): { name: string; form: HostForm | null } {
  const byHost = classifyHost(ctx.host);
  if (byHost) return { name: ctx.host, form: byHost };
  const bySni = classifyHost(ctx.servername);
  return bySni ? { name: ctx.servername, form: bySni } : { name: ctx.host, form: null };
}

function apigwDefaultEndpoint(obs: Observation, host: string, form: HostForm | null): DiagnosisFinding | null {
  if (form?.kind !== 'apigw-default-endpoint' && form?.kind !== 'apigw-private-endpoint') return null;
  if (obs.requested === true || !obs.serverSpokeTls) return null;
  const private_ = form.kind === 'apigw-private-endpoint';
  return finding(
    'APIGW_DEFAULT_ENDPOINT',
    'warning',
    `${host} is an API Gateway default endpoint: mutual TLS never applies here`,
    `${host} is ${private_ ? 'a private API endpoint' : 'the default endpoint of an API Gateway API'} (region ${form.region}). API Gateway checks client certificates only on a Regional custom domain with mutual TLS; ${obs.requested === false ? 'here the server did not ask for one, and ' : ''}any client that knows this URL reaches the API without a certificate, bypassing mutual TLS.`,
    'Call the API through its custom domain name, and disable the default endpoint: REST APIs `aws apigateway update-rest-api --rest-api-id ID --patch-operations op=replace,path=/disableExecuteApiEndpoint,value=True` (then redeploy the stage); HTTP APIs `aws apigatewayv2 update-api --api-id ID --disable-execute-api-endpoint`.',
    { host, region: form.region ?? '', private: yesNo(private_), requested: obs.requested === false ? 'no' : 'unknown' },
  );
}

function cloudfrontNoViewerMtls(obs: Observation, ctx: DiagnosisContext, target: string): DiagnosisFinding | null {
  if (target !== 'cloudfront' || obs.requested !== false) return null;
  return finding(
    'CLOUDFRONT_NO_VIEWER_MTLS',
    'warning',
    'CloudFront did not ask for a client certificate: viewer mutual TLS is off',
    `The handshake with ${ctx.host} had no CertificateRequest. CloudFront ends the viewer’s TLS connection at the edge and opens its own to the origin, so an ALB in verify mode (or any origin) behind it never sees the user’s certificate — only CloudFront’s own connection. client → CloudFront → ALB(verify) does not authenticate the end user.`,
    'Enable viewer mutual TLS on the distribution (mode required or optional, with a trust store; every cache behavior HTTPS-only and HTTP/3 off), and let the origin read the CloudFront-Viewer-Cert-* headers (add them to the origin request policy). Or let clients call the ALB directly with its verify mode.',
    { host: ctx.host },
  );
}

function awsClassicLb(obs: Observation, ctx: DiagnosisContext, target: string, form: HostForm | null): DiagnosisFinding | null {
  if (target !== 'clb' || form?.vendor !== 'aws') return null;
  const requested = obs.requested === true;
  return finding(
    'AWS_CLB_NO_MTLS',
    requested ? 'info' : 'warning',
    'AWS Classic Load Balancer has no mutual TLS of its own',
    requested
      ? `${ctx.host} is an AWS Classic Load Balancer: it cannot verify client certificates itself, so the certificate request came from the instance behind a TCP listener that passes TLS through (likely what is configured here).`
      : `${ctx.host} is an AWS Classic Load Balancer and the server did not ask for a client certificate: an HTTPS/SSL listener ends TLS at the load balancer, which cannot verify client certificates.`,
    requested
      ? 'Keep the listener TCP (passthrough) and keep the trust store and verification on the instances, or move to an ALB with mutual TLS in verify mode.'
      : 'Use a TCP listener on port 443 that passes TLS through to instances that require client certificates, or move to an ALB with mutual TLS in verify mode.',
    { host: ctx.host, requested: requested ? 'yes' : 'no' },
  );
}

/** An echo backend (or a header dump) shows what ALB forwarded: X-Amzn-Mtls-Clientcert without a suffix is passthrough mode. */
function albPassthrough(obs: Observation): DiagnosisFinding | null {
  const response = obs.attempt.response;
  if (!response) return null;
  const inHeaders = Object.keys(response.headers).some((name) => name.toLowerCase() === 'x-amzn-mtls-clientcert');
  const body = response.head.toString('utf8');
  if (!inHeaders && !PASSTHROUGH_HEADER.test(body)) return null;
  let name = '';
  try {
    const source = inHeaders ? Object.entries(response.headers).map(([key, value]) => `${key}: ${value}`).join('\n') : body;
    const leaf = decodeMtlsHeaders(source, new Date()).certificates[0];
    name = leaf ? (leaf.commonName ?? leaf.subject) : '';
  } catch {
    // the header's presence is the finding; its certificate is a detail the body may not let us decode
  }
  return finding(
    'ALB_PASSTHROUGH_NOT_VERIFIED',
    'warning',
    'ALB passed the client certificate through without verifying it',
    `The backend received X-Amzn-Mtls-Clientcert${name ? ` (certificate '${name}')` : ''}: the ALB listener is in passthrough mode. It asks for a certificate but accepts any, or none, and forwards what it got; nothing has checked it against a trust store.`,
    'Verify the certificate chain in the backend before trusting it (mtls-studio headers decode shows what it holds), or switch the listener to verify mode with a trust store so the ALB rejects bad certificates itself.',
    { name, header: 'X-Amzn-Mtls-Clientcert' },
  );
}

function missingIntermediate(obs: Observation, ctx: DiagnosisContext, target: string): DiagnosisFinding | null {
  const response = obs.attempt.response;
  if (target !== 'apigw' || response?.status !== 403 || !obs.sentCertificate || !ctx.identity) return null;
  const { leaf, chain } = ctx.identity;
  const issuer = chain.find((cert) => cert.subjectKey === leaf.issuerKey);
  if (!issuer || issuer.selfSigned) return null;
  return finding(
    'TRUSTSTORE_LIKELY_MISSING_INTERMEDIATE',
    'warning',
    'The API Gateway trust store likely lacks the intermediate CA',
    `API Gateway answered 403 after the handshake, and our certificate is issued by an intermediate CA ('${issuer.commonName ?? issuer.subject}'). API Gateway builds the chain only from its trust store: intermediates must be in it, whatever the client sends. A trust store with only the root rejects this certificate with 403.`,
    'Add the intermediate (and keep the root) in the truststore PEM in S3 — `mtls-studio truststore build … --target apigw` writes one — then update the custom domain (a new truststoreVersion) and check its truststoreWarnings.',
    { issuer: issuer.subject, issuerName: issuer.commonName ?? issuer.subject, name: leaf.commonName ?? leaf.subject, status: 403 },
  );
}

export function targetFindings(obs: Observation, ctx: DiagnosisContext): DiagnosisFinding[] {
  const { name, form } = namedHost(ctx);
  const { target } = detectTarget(ctx.requestedTarget ?? 'auto', name, obs.attempt.response?.headers ?? null);
  const found = [apigwDefaultEndpoint(obs, name, form), cloudfrontNoViewerMtls(obs, ctx, target), awsClassicLb(obs, ctx, target, form), albPassthrough(obs), missingIntermediate(obs, ctx, target)];
  return found.filter((item): item is DiagnosisFinding => item !== null);
}
