import { describe, expect, it } from 'vitest';
import type { LabEndpointId } from '../../../electron/core/lab';
import { useTempDir } from '../../helpers/tmp';
import { curl, request, sClientRequest, useLab, type ClientKind, type Outcome } from './lab-client';

/**
 * Each emulation against DOMAIN.md's endpoint table, with real TLS clients: whether a certificate is requested,
 * which CA names come with the request, and what valid, missing, expired and unknown-CA certificates get.
 */

const folder = useTempDir('mtls-lab-endpoints-');
const lab = useLab(folder);

const endpoint = (id: LabEndpointId) => lab().endpoints.find((candidate) => candidate.id === id)!;

type Expected = 'ok' | 'alert' | 'closed' | 'reset' | '403' | '400';
const CLIENTS = ['valid', 'none', 'expired', 'unknown'] as const;

const TABLE: Record<LabEndpointId, Record<'valid' | 'none' | 'expired' | 'unknown', Expected>> = {
  'alb-verify': { valid: 'ok', none: 'alert', expired: 'closed', unknown: 'closed' },
  'alb-passthrough': { valid: 'ok', none: 'ok', expired: 'ok', unknown: 'ok' },
  'alb-off': { valid: 'ok', none: 'ok', expired: 'ok', unknown: 'ok' },
  'apigw-custom-domain': { valid: 'ok', none: '403', expired: '403', unknown: '403' },
  'apigw-execute-api': { valid: 'ok', none: 'ok', expired: 'ok', unknown: 'ok' },
  'cloudfront-required': { valid: 'ok', none: 'reset', expired: 'reset', unknown: 'reset' },
  'cloudfront-optional': { valid: 'ok', none: 'ok', expired: 'reset', unknown: 'reset' },
  'cloudfront-off': { valid: 'ok', none: 'ok', expired: 'ok', unknown: 'ok' },
  'aws-clb': { valid: 'ok', none: 'alert', expired: 'closed', unknown: 'closed' },
  'alibaba-clb': { valid: 'ok', none: '400', expired: '400', unknown: '400' },
};

function summarize(outcome: Outcome): Expected | string {
  if (outcome.kind === 'response') return outcome.status === 200 ? 'ok' : String(outcome.status);
  if (outcome.kind === 'alert') return 'alert';
  return outcome.afterHandshake ? outcome.kind : `${outcome.kind} during the handshake`;
}

const REQUESTS: Record<LabEndpointId, 'none' | 'empty' | 'lab-ca'> = {
  'alb-verify': 'empty',
  'alb-passthrough': 'empty',
  'alb-off': 'none',
  'apigw-custom-domain': 'empty',
  'apigw-execute-api': 'none',
  'cloudfront-required': 'empty',
  'cloudfront-optional': 'empty',
  'cloudfront-off': 'none',
  'aws-clb': 'lab-ca',
  'alibaba-clb': 'lab-ca',
};

describe('certificate request and advertised CA names (openssl s_client)', () => {
  for (const [id, expected] of Object.entries(REQUESTS) as [LabEndpointId, string][]) {
    it(`${id}: ${expected === 'none' ? 'no certificate request' : expected === 'empty' ? 'requested with an empty CA list' : 'requested naming the lab CA'}`, async () => {
      for (const version of ['1.2', '1.3'] as const) {
        const seen = await sClientRequest(endpoint(id).port, version);
        expect(seen.requested, `TLS ${version}`).toBe(expected !== 'none');
        expect(seen.caNames, `TLS ${version}`).toEqual(expected === 'lab-ca' ? ['CN=mTLS Studio Lab CA,O=mTLS Studio Lab'] : []);
      }
      expect(endpoint(id).certificateRequest === 'none').toBe(expected === 'none');
      expect(endpoint(id).advertisedCaNames).toEqual(expected === 'lab-ca' ? ['CN=mTLS Studio Lab CA,O=mTLS Studio Lab'] : []);
    });
  }
});

describe('valid, missing, expired and unknown-CA client certificates (TLS 1.3)', () => {
  for (const [id, row] of Object.entries(TABLE) as [LabEndpointId, Record<string, Expected>][]) {
    it(`${id}: ${CLIENTS.map((client) => `${client} → ${row[client]}`).join(', ')}`, async () => {
      const seen: Record<string, Expected | string> = {};
      for (const client of CLIENTS) seen[client] = summarize(await request(endpoint(id), lab().files, client, { version: 'TLSv1.3' }));
      expect(seen).toEqual(row);
    });
  }
});

describe('the exact failures', () => {
  it('ALB verify without a certificate: certificate_required in TLS 1.3, handshake_failure in TLS 1.2', async () => {
    expect(await request(endpoint('alb-verify'), lab().files, 'none', { version: 'TLSv1.3' })).toEqual({ kind: 'alert', code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' });
    expect(await request(endpoint('alb-verify'), lab().files, 'none', { version: 'TLSv1.2' })).toEqual({ kind: 'alert', code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' });
  });

  it('ALB verify and the Classic LB instance close an untrusted connection after the handshake in TLS 1.2 too', async () => {
    for (const id of ['alb-verify', 'aws-clb'] as const) {
      for (const client of ['expired', 'unknown'] as const) {
        expect(await request(endpoint(id), lab().files, client, { version: 'TLSv1.2' }), `${id} ${client}`).toEqual({ kind: 'closed', afterHandshake: true });
      }
    }
  });

  it('CloudFront required: curl reports the reset as in AWS\'s example', async () => {
    const cf = endpoint('cloudfront-required');
    const result = await curl(['--cacert', lab().files.caCert, '--resolve', `${cf.hostname}:${cf.port}:127.0.0.1`, `https://${cf.hostname}:${cf.port}/`]);
    expect(result.code).toBe(56);
    expect(result.stderr).toContain('Connection reset by peer');
  });

  it('API Gateway custom domain: 403 {"message":"Forbidden"} with ForbiddenException', async () => {
    for (const client of ['none', 'expired', 'unknown'] as const) {
      const outcome = await request(endpoint('apigw-custom-domain'), lab().files, client);
      if (outcome.kind !== 'response') throw new Error(`expected a response, got ${outcome.kind}`);
      expect(outcome.body).toBe('{"message":"Forbidden"}');
      expect(outcome.headers['x-amzn-errortype']).toBe('ForbiddenException');
      expect(outcome.headers['x-amzn-requestid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('Alibaba CLB: nginx-style 400 pages, Server: Tengine, connection closed', async () => {
    const pages = { none: 'No required SSL certificate was sent', expired: 'The SSL certificate error', unknown: 'The SSL certificate error' } as const;
    for (const [client, reason] of Object.entries(pages) as [ClientKind, string][]) {
      const outcome = await request(endpoint('alibaba-clb'), lab().files, client);
      if (outcome.kind !== 'response') throw new Error(`expected a response, got ${outcome.kind}`);
      expect(outcome.status).toBe(400);
      expect(outcome.headers.server).toBe('Tengine');
      expect(outcome.headers.connection).toBe('close');
      expect(outcome.body).toContain(`<head><title>400 ${reason}</title></head>`);
      expect(outcome.body).toContain(`<center>${reason}</center>`);
      expect(outcome.body).toContain('<center><h1>400 Bad Request</h1></center>');
    }
  });

  it('curl sees the TLS 1.3 alert of a required certificate and the 400 page of the CLB', async () => {
    const alb = endpoint('alb-verify');
    const missing = await curl(['--cacert', lab().files.caCert, alb.url]);
    expect(missing.stderr).toMatch(/alert certificate required/);
    const clb = endpoint('alibaba-clb');
    const page = await curl(['--cacert', lab().files.caCert, '-w', '%{http_code}', clb.url]);
    expect(page.stdout).toMatch(/No required SSL certificate was sent[\s\S]*400$/);
  });
});
