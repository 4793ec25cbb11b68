import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCertificate } from '../pki/certificate';
import type { LabEndpointDefinition } from './catalogue';
import { albPassthroughHeaders, albVerifyHeaders, apiGatewayClientCert, cloudFrontViewerHeaders, type HeaderList } from './header-formats';
import {
  apiGatewayForbidden,
  apiGatewayHeaders,
  cloudFrontHeaders,
  nginxCertificatePage,
  passedOnHeaders,
  readBody,
  receivedHeaders,
  send,
  sendEcho,
  traceId,
  withForwardedFor,
} from './responses';
import type { AfterHandshake, CertificatePolicy } from './tls-front';
import type { LabEndpointId } from './types';
import { NODE_RULES, type ClientVerdict, type VerifyRules } from './verify-client';

/** How each endpoint handles the handshake and the request; the listener mechanics are in tls-front.ts. */

export interface EndpointBehaviour {
  policy: CertificatePolicy;
  /** how the endpoint builds and limits the client's path to its trust store */
  rules: VerifyRules;
  onSecure(verdict: ClientVerdict): AfterHandshake;
  /** headers the front adds to what the client sent, and the response */
  respond(req: IncomingMessage, res: ServerResponse, verdict: ClientVerdict, context: RequestContext): void;
}

export interface RequestContext {
  definition: LabEndpointDefinition;
  port: number;
}

const trusted = (verdict: ClientVerdict): verdict is Extract<ClientVerdict, { status: 'trusted' }> => verdict.status === 'trusted';
const clientAddress = (req: IncomingMessage): string => req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';

/** Reads the body, then echoes what the backend received; oversized bodies are refused by the front. */
function echo(req: IncomingMessage, res: ServerResponse, context: RequestContext, headers: HeaderList, responseHeaders: HeaderList = [], extra?: Record<string, unknown>): void {
  void readBody(req).then((bodyBytes) => {
    if (bodyBytes === null) {
      if (!res.headersSent && !res.destroyed) send(res, 413, [['Content-Type', 'text/plain']], 'request body larger than 1 MB\n');
      return;
    }
    sendEcho(req, res, { endpoint: context.definition.id, emulates: context.definition.emulates, headers, bodyBytes, ...(extra ? { extra } : {}) }, responseHeaders);
  });
}

const albForwarded = (req: IncomingMessage, context: RequestContext, mtls: HeaderList): HeaderList => [
  ...withForwardedFor(passedOnHeaders(req), clientAddress(req), context.port),
  ['X-Amzn-Trace-Id', traceId()],
  ...mtls,
];

const cloudFrontForwarded = (req: IncomingMessage, viewer: HeaderList): HeaderList => [
  ...withForwardedFor(passedOnHeaders(req), clientAddress(req), null),
  ['Via', '2.0 lab.cloudfront.net (CloudFront)'],
  ['X-Amz-Cf-Id', cloudFrontHeaders().find(([name]) => name === 'X-Amz-Cf-Id')![1]],
  ...viewer,
];

/** ALB and CloudFront: the client may send intermediates; at most 4 certificates from leaf to root (DOMAIN.md) */
const AWS_EDGE: VerifyRules = { clientIntermediates: true, maxPathCertificates: 4 };
/** API Gateway: the path is built from the truststore alone, which must hold the intermediates; depth 4 */
const API_GATEWAY: VerifyRules = { clientIntermediates: false, maxPathCertificates: 4 };

const continueIfTrusted = (verdict: ClientVerdict): AfterHandshake => (trusted(verdict) ? 'continue' : 'close');
const resetUnlessTrusted = (verdict: ClientVerdict): AfterHandshake => (trusted(verdict) ? 'continue' : 'reset');

const BEHAVIOURS: Record<Exclude<LabEndpointId, 'aws-clb'>, EndpointBehaviour> = {
  'alb-verify': {
    policy: 'required',
    rules: AWS_EDGE,
    onSecure: continueIfTrusted,
    respond: (req, res, verdict, context) => echo(req, res, context, albForwarded(req, context, trusted(verdict) ? albVerifyHeaders(verdict.leaf) : [])),
  },
  'alb-passthrough': {
    policy: 'optional',
    rules: NODE_RULES,
    onSecure: () => 'continue',
    respond: (req, res, verdict, context) => echo(req, res, context, albForwarded(req, context, verdict.status === 'none' ? [] : albPassthroughHeaders(verdict.chain))),
  },
  'alb-off': {
    policy: 'none',
    rules: NODE_RULES,
    onSecure: () => 'continue',
    respond: (req, res, _verdict, context) => echo(req, res, context, albForwarded(req, context, [])),
  },
  'apigw-custom-domain': {
    policy: 'optional',
    rules: API_GATEWAY,
    onSecure: () => 'continue',
    respond: (req, res, verdict, context) => {
      if (!trusted(verdict)) {
        apiGatewayForbidden(res);
        return;
      }
      const headers = [...withForwardedFor(passedOnHeaders(req), clientAddress(req), context.port), ['X-Amzn-Trace-Id', traceId()]] as HeaderList;
      echo(req, res, context, headers, apiGatewayHeaders(), { requestContext: { identity: { sourceIp: clientAddress(req), clientCert: apiGatewayClientCert(verdict.leaf) } } });
    },
  },
  'apigw-execute-api': {
    policy: 'none',
    rules: NODE_RULES,
    onSecure: () => 'continue',
    respond: (req, res, _verdict, context) => {
      const headers = [...withForwardedFor(passedOnHeaders(req), clientAddress(req), context.port), ['X-Amzn-Trace-Id', traceId()]] as HeaderList;
      echo(req, res, context, headers, apiGatewayHeaders(), { requestContext: { identity: { sourceIp: clientAddress(req), clientCert: null } } });
    },
  },
  'cloudfront-required': {
    policy: 'optional',
    rules: AWS_EDGE,
    onSecure: resetUnlessTrusted,
    respond: (req, res, verdict, context) =>
      echo(req, res, context, cloudFrontForwarded(req, cloudFrontViewerHeaders(trusted(verdict) ? verdict.leaf : null)), cloudFrontHeaders()),
  },
  'cloudfront-optional': {
    policy: 'optional',
    rules: AWS_EDGE,
    onSecure: (verdict) => (verdict.status === 'none' ? 'continue' : resetUnlessTrusted(verdict)),
    respond: (req, res, verdict, context) =>
      echo(req, res, context, cloudFrontForwarded(req, cloudFrontViewerHeaders(trusted(verdict) ? verdict.leaf : null)), cloudFrontHeaders()),
  },
  'cloudfront-off': {
    policy: 'none',
    rules: NODE_RULES,
    onSecure: () => 'continue',
    respond: (req, res, _verdict, context) => echo(req, res, context, cloudFrontForwarded(req, []), cloudFrontHeaders()),
  },
  'alibaba-clb': {
    policy: 'optional',
    rules: NODE_RULES,
    onSecure: () => 'continue',
    respond: (req, res, verdict, context) => {
      if (verdict.status === 'none') nginxCertificatePage(res, 'No required SSL certificate was sent', 'Tengine');
      else if (!trusted(verdict)) nginxCertificatePage(res, 'The SSL certificate error', 'Tengine');
      else echo(req, res, context, withForwardedFor(passedOnHeaders(req), clientAddress(req), null), [['Server', 'Tengine']]);
    },
  },
};

export const behaviourOf = (id: Exclude<LabEndpointId, 'aws-clb'>): EndpointBehaviour => BEHAVIOURS[id];

/** The instance behind the AWS Classic LB: a plain Node.js https server doing mTLS itself. */
export const CLB_INSTANCE: EndpointBehaviour = {
  policy: 'required',
  rules: NODE_RULES,
  onSecure: continueIfTrusted,
  respond: (req, res, verdict, context) => {
    const peer = trusted(verdict) ? parseCertificate(verdict.leaf, 'the client certificate') : null;
    const tls = { clientCertificate: peer && { subject: peer.subject, issuer: peer.issuer, serialNumber: peer.serialNumber, sha256: peer.sha256 } };
    echo(req, res, context, receivedHeaders(req), [], { instanceTls: tls });
  },
};
