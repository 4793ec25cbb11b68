import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIntermediateCa, createRootCa, issueIdentity } from '../../../electron/core/ca';
import { startLab, type LabEndpointId, type RunningLab } from '../../../electron/core/lab';
import { useTempDir } from '../../helpers/tmp';
import { request, sClientRequest, useLab, type ClientKind, type Outcome } from './lab-client';

/**
 * The lab's client trust stores: the intermediate-issued lab client (API Gateway wants intermediates in its
 * truststore, ALB takes them from the client), `trust` CAs added as a user adds the bundle they are about to upload,
 * and ALB's bundle and depth limits.
 */

const dir = useTempDir('mtls-lab-trust-');
const lab = useLab(join(dir, 'lab'));

const VERIFYING: LabEndpointId[] = ['alb-verify', 'apigw-custom-domain', 'cloudfront-required', 'cloudfront-optional', 'aws-clb', 'alibaba-clb'];
const LAB_CA = 'CN=mTLS Studio Lab CA,O=mTLS Studio Lab';
const UNKNOWN_CA = 'CN=Unknown Partner CA,O=Somewhere Else';

const at = (running: RunningLab, id: LabEndpointId) => running.endpoints.find((endpoint) => endpoint.id === id)!;
const summary = (outcome: Outcome): string => (outcome.kind === 'response' ? String(outcome.status) : outcome.kind);
const answers = async (running: RunningLab, ids: LabEndpointId[], client: ClientKind) =>
  Object.fromEntries(await Promise.all(ids.map(async (id) => [id, summary(await request(at(running, id), running.files, client, { version: 'TLSv1.3' }))])));
const openssl = (args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the intermediate-issued lab client', () => {
  it('is root → intermediate → client, its key 0600, its chain file leaf + intermediate', () => {
    const { intermediateClient, intermediateCaCert, caCert } = lab().files;
    expect(openssl(['verify', '-CAfile', caCert, '-untrusted', intermediateCaCert!, '-purpose', 'sslclient', intermediateClient!.cert])).toMatch(/: OK/);
    expect(() => openssl(['verify', '-CAfile', caCert, intermediateClient!.cert])).toThrow(/unable to get local issuer certificate/);
    expect(readFileSync(intermediateClient!.chain, 'utf8')).toBe(readFileSync(intermediateClient!.cert, 'utf8') + readFileSync(intermediateCaCert!, 'utf8'));
    expect(statSync(intermediateClient!.key).mode & 0o777).toBe(0o600);
  });

  it('ALB and CloudFront accept it with its chain; API Gateway answers 403 either way, its truststore holding only the root', async () => {
    const ids: LabEndpointId[] = ['alb-verify', 'apigw-custom-domain', 'cloudfront-required', 'aws-clb', 'alibaba-clb'];
    expect(await answers(lab(), ids, 'intermediate-chain')).toEqual({ 'alb-verify': '200', 'apigw-custom-domain': '403', 'cloudfront-required': '200', 'aws-clb': '200', 'alibaba-clb': '200' });
    expect(await answers(lab(), ids, 'intermediate')).toEqual({ 'alb-verify': 'closed', 'apigw-custom-domain': '403', 'cloudfront-required': 'reset', 'aws-clb': 'closed', 'alibaba-clb': '400' });
  });

  it('with the intermediate added to the trust stores, API Gateway accepts the leaf alone, and so do the others', async () => {
    const withIntermediate = await startLab({ folder: join(dir, 'lab'), trust: [lab().files.intermediateCaCert!] });
    try {
      expect(await answers(withIntermediate, VERIFYING, 'intermediate')).toEqual(Object.fromEntries(VERIFYING.map((id) => [id, '200'])));
      const echo = await request(at(withIntermediate, 'apigw-custom-domain'), withIntermediate.files, 'intermediate');
      if (echo.kind !== 'response') throw new Error(echo.kind);
      const clientCert = (JSON.parse(echo.body) as { requestContext: { identity: { clientCert: { issuerDN: string } } } }).requestContext.identity.clientCert;
      expect(clientCert.issuerDN).toBe('O=mTLS Studio Lab,CN=mTLS Studio Lab Intermediate CA');
    } finally {
      await withIntermediate.stop();
    }
  });
});

describe('--trust: the bundle about to be uploaded', () => {
  it('PEM, DER and PKCS#7 files: every verifying endpoint accepts the partner CA’s client, names it, and the CLBs advertise it', async () => {
    const unknownCa = join(lab().files.folder, 'unknown-ca.crt');
    const der = join(dir, 'partner.der');
    const p7b = join(dir, 'partner.p7b');
    openssl(['x509', '-in', unknownCa, '-outform', 'DER', '-out', der]);
    openssl(['crl2pkcs7', '-nocrl', '-certfile', unknownCa, '-out', p7b]);
    for (const file of [unknownCa, der, p7b]) {
      const running = await startLab({ folder: join(dir, 'lab'), trust: [file, lab().files.caCert] });
      try {
        expect(await answers(running, VERIFYING, 'unknown'), file).toEqual(Object.fromEntries(VERIFYING.map((id) => [id, '200'])));
        // the lab CA given again is kept once
        for (const id of VERIFYING) expect(at(running, id).trustedCaNames).toEqual([LAB_CA, UNKNOWN_CA]);
        expect(at(running, 'alb-passthrough').trustedCaNames).toEqual([]);
        expect(at(running, 'alibaba-clb').advertisedCaNames).toEqual([LAB_CA, UNKNOWN_CA]);
        expect((await sClientRequest(at(running, 'aws-clb').port, '1.3')).caNames).toEqual([LAB_CA, UNKNOWN_CA]);
        expect((await sClientRequest(at(running, 'alb-verify').port, '1.3')).caNames).toEqual([]);
      } finally {
        await running.stop();
      }
    }
  });

  it('without --trust the same client is refused, and the lab client is still accepted with it', async () => {
    expect(await answers(lab(), VERIFYING, 'unknown')).toEqual({
      'alb-verify': 'closed',
      'apigw-custom-domain': '403',
      'cloudfront-required': 'reset',
      'cloudfront-optional': 'reset',
      'aws-clb': 'closed',
      'alibaba-clb': '400',
    });
    for (const id of VERIFYING) expect(at(lab(), id).trustedCaNames).toEqual([LAB_CA]);
  });

  it('refuses what ALB would refuse, and files that are not CA certificates', async () => {
    const folder = join(dir, 'refused');
    const many = join(dir, 'many.pem');
    const roots = await Promise.all(Array.from({ length: 26 }, (_, i) => createRootCa({ subject: `CN=Partner Root ${i}` })));
    writeFileSync(many, roots.map((root) => root.pem).join(''));
    await expect(startLab({ folder, trust: [many] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('26 CA certificates; an ALB trust store takes at most 25') });
    writeFileSync(join(dir, 'twenty-five.pem'), roots.slice(0, 25).map((root) => root.pem).join(''));
    const fits = await startLab({ folder, trust: [join(dir, 'twenty-five.pem')] });
    expect(at(fits, 'alb-verify').trustedCaNames).toHaveLength(26);
    await fits.stop();

    await expect(startLab({ folder, trust: [lab().files.client.cert] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('not a CA certificate') });
    await expect(startLab({ folder, trust: [lab().files.client.key] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('holds no certificate') });
    await expect(startLab({ folder, trust: [join(dir, 'missing.pem')] })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('ALB, API Gateway and CloudFront refuse a chain of 5 certificates; 4 pass; the Classic LB instance and Alibaba CLB have no such limit', async () => {
    const root = await createRootCa({ subject: 'CN=Deep Partner Root' });
    let issuer = { certificate: root.certificate, privateKey: root.key.privateKey };
    const intermediates: string[] = [];
    for (let level = 1; level <= 3; level++) {
      const ca = await createIntermediateCa(issuer, { subject: `CN=Deep Partner Intermediate ${level}` });
      intermediates.push(ca.pem);
      issuer = { certificate: ca.certificate, privateKey: ca.key.privateKey };
    }
    const leaf = await issueIdentity(issuer, { profile: 'client', subject: 'CN=deep-client' });
    const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
    const key = write('deep.key', leaf.key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    // leaf + 3 intermediates + root = 5 certificates
    const deep = { cert: write('deep-chain.pem', leaf.pem + [...intermediates].reverse().join('')), key };
    // the intermediates are in the trust store too, so that API Gateway (which ignores the client's) has a path
    const bundle = write('deep-intermediates.pem', intermediates.join(''));
    const running = await startLab({ folder: join(dir, 'lab'), trust: [write('deep-root.pem', root.pem), bundle] });
    try {
      const ids: LabEndpointId[] = ['alb-verify', 'apigw-custom-domain', 'cloudfront-required', 'aws-clb', 'alibaba-clb'];
      expect(await answers(running, ids, deep)).toEqual({ 'alb-verify': 'closed', 'apigw-custom-domain': '403', 'cloudfront-required': 'reset', 'aws-clb': '200', 'alibaba-clb': '200' });
    } finally {
      await running.stop();
    }
    // without the root the path ends at the first intermediate: leaf + 3 intermediates = 4
    const shorter = await startLab({ folder: join(dir, 'lab'), trust: [bundle] });
    try {
      expect(await answers(shorter, ['alb-verify', 'apigw-custom-domain', 'cloudfront-required'], deep)).toEqual({ 'alb-verify': '200', 'apigw-custom-domain': '200', 'cloudfront-required': '200' });
    } finally {
      await shorter.stop();
    }
  });
});
