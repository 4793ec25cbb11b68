import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeIdentitySource, ProbeResult } from '../../../electron/common/dto/probe';
import { createProbeService } from '../../../electron/core/probe';
import { makeProbePki, type ProbePki } from '../../helpers/probe-pki';
import { startSServer, stopAllServers, type RunningServer } from '../../helpers/tls-servers';
import { useTempDir } from '../../helpers/tmp';

/** Client-certificate diagnoses against `openssl s_server` (-Verify/-verify, -CAfile, -crl_check, TLS 1.2 and 1.3). */

const dir = useTempDir('mtls-probe-client-');
let pki: ProbePki;
const probe = createProbeService({ now: () => new Date(), vault: null });

beforeAll(() => {
  pki = makeProbePki(dir);
});
afterAll(stopAllServers);

const files = (cert: string, key: string): ProbeIdentitySource => ({ kind: 'files', certPath: cert, keyPath: key });
const codes = (result: ProbeResult) => result.diagnosis.map((finding) => finding.code);

/** s_server requiring a client certificate verified against `caFile`, failing the handshake on any error. */
async function requiring(version: '1.2' | '1.3', caFile: string, extra: string[] = []): Promise<RunningServer> {
  return startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www', '-Verify', '4', '-verify_return_error', '-CAfile', caFile, version === '1.3' ? '-tls1_3' : '-no_tls1_3', ...extra]);
}

async function probeWith(server: RunningServer, identity?: ProbeIdentitySource): Promise<ProbeResult> {
  return probe.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], ...(identity ? { identity } : {}) });
}

describe.each(['1.2', '1.3'] as const)('client certificates over TLS %s', (version) => {
  it('MTLS_OK: asked, sent leaf + intermediate, accepted', async () => {
    const server = await requiring(version, pki.clientRoot.cert);
    const result = await probeWith(server, files(pki.clientChain, pki.client.key));
    expect(codes(result)).toEqual(['MTLS_OK']);
    expect(result.outcome).toBe('success');
    expect(result.http?.status).toBe(200);
    expect(result.tls.protocol).toBe(`TLSv${version}`);
    expect(result.tls.clientCertificatesSent).toEqual(result.identity!.chain.map((cert) => cert.sha256));
    expect(result.tls.alert).toBeNull();
    expect(result.preflight.find((check) => check.check === 'reaches-acceptable-ca')?.status).toBe('pass');
    await server.stop();
  });

  it('CLIENT_CERT_MISSING: required, none sent', async () => {
    const server = await requiring(version, pki.clientRoot.cert);
    const result = await probeWith(server);
    expect(codes(result)).toEqual(['CLIENT_CERT_MISSING']);
    expect(result.outcome).toBe('tls-error');
    expect(result.tls.certificateRequest?.acceptableCAs).toEqual(['O=mTLS Studio Tests,CN=Probe Client Root CA']);
    if (version === '1.3') {
      // the rejection arrives after our side finished the handshake, and is attributed to it
      expect(result.tls.alert).toEqual(expect.objectContaining({ code: 116, name: 'certificate_required', from: 'server', afterHandshake: true }));
      expect(result.timings.tlsMs).not.toBeNull();
    } else {
      expect(result.tls.alert).toEqual(expect.objectContaining({ code: 40, name: 'handshake_failure', from: 'server', afterHandshake: false }));
    }
    expect(result.diagnosis[0]!.detail).toContain('O=mTLS Studio Tests,CN=Probe Client Root CA');
    await server.stop();
  });

  it('CLIENT_CHAIN_INCOMPLETE: leaf only, the server trusts only the root', async () => {
    const server = await requiring(version, pki.clientRoot.cert);
    const result = await probeWith(server, files(pki.client.cert, pki.client.key));
    expect(codes(result)[0]).toBe('CLIENT_CHAIN_INCOMPLETE');
    expect(result.tls.alert?.name).toBe('unknown_ca');
    expect(result.diagnosis[0]!.title).toBe('Rejected: our chain is missing O=mTLS Studio Tests,CN=Probe Client Intermediate CA');
    expect(result.diagnosis[0]!.params.missing).toBe('O=mTLS Studio Tests,CN=Probe Client Intermediate CA');
    // TLS 1.2 fails inside the handshake (the server certificate is never checked); TLS 1.3 after it
    expect(result.tls.serverVerification.checked).toBe(version === '1.3');
    expect(result.tls.cipher).toMatch(version === '1.3' ? /^TLS_AES_/ : /^TLS_ECDHE_ECDSA_WITH_/);
    await server.stop();
  });

  it('CLIENT_CERT_UNTRUSTED and CLIENT_CA_NOT_ADVERTISED: a complete chain from a CA the server does not know', async () => {
    const server = await requiring(version, pki.clientRoot.cert);
    const result = await probeWith(server, files(pki.otherCa.cert, pki.otherCa.key));
    expect(codes(result)).toEqual(['CLIENT_CERT_UNTRUSTED']);
    expect(result.tls.clientCertificatesSent).toHaveLength(3);
    await server.stop();

    // the same identity where verification failures are tolerated: accepted, but flagged before any failure
    const lenient = await startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www', '-verify', '4', '-CAfile', pki.clientRoot.cert, version === '1.3' ? '-tls1_3' : '-no_tls1_3']);
    const tolerated = await probeWith(lenient, files(pki.otherCa.cert, pki.otherCa.key));
    expect(codes(tolerated)).toEqual(['CLIENT_CA_NOT_ADVERTISED', 'MTLS_OK']);
    expect(tolerated.preflight.find((check) => check.check === 'reaches-acceptable-ca')?.status).toBe('fail');
    await lenient.stop();
  });

  it('CLIENT_CERT_EXPIRED, CLIENT_CERT_NOT_YET_VALID, CLIENT_CERT_PURPOSE', async () => {
    const server = await requiring(version, pki.clientRoot.cert);
    const expired = await probeWith(server, files(pki.expired.cert, pki.expired.key));
    expect(codes(expired)).toEqual(['CLIENT_CERT_EXPIRED']);
    expect(expired.tls.alert?.name).toBe('certificate_expired');
    const early = await probeWith(server, files(pki.notYetValid.cert, pki.notYetValid.key));
    expect(codes(early)).toEqual(['CLIENT_CERT_NOT_YET_VALID']);
    expect(early.tls.alert?.name).toBe('bad_certificate');
    const purpose = await probeWith(server, files(pki.wrongEku.cert, pki.wrongEku.key));
    expect(codes(purpose)).toEqual(['CLIENT_CERT_PURPOSE']);
    expect(purpose.tls.alert?.name).toBe('unsupported_certificate');
    expect(purpose.diagnosis[0]!.detail).toContain('serverAuth');
    await server.stop();
  });

  it('CLIENT_CERT_REVOKED: the server checks the CRL', async () => {
    const server = await requiring(version, pki.clientRoot.cert, ['-crl_check', '-CRL', pki.crl]);
    const revoked = await probeWith(server, files(pki.revoked.cert, pki.revoked.key));
    expect(codes(revoked)).toEqual(['CLIENT_CERT_REVOKED']);
    expect(revoked.tls.alert?.name).toBe('certificate_revoked');
    const good = await probeWith(server, files(pki.clientChain, pki.client.key));
    expect(codes(good)).toEqual(['MTLS_OK']);
    await server.stop();
  });

  it('CLIENT_CERT_REJECTED: the server refuses a certificate that has nothing wrong we can see', async () => {
    // a policy check (here: the certificate must name another e-mail address) that ends in a bare bad_certificate
    const server = await requiring(version, pki.clientRoot.cert, ['-verify_email', 'somebody@else.test']);
    const result = await probeWith(server, files(pki.clientChain, pki.client.key));
    expect(codes(result)).toEqual(['CLIENT_CERT_REJECTED']);
    expect(result.tls.alert?.name).toBe('bad_certificate');
    expect(result.diagnosis[0]!.detail).toContain('Candidates:');
    await server.stop();
  });

  it('CLIENT_KEY_MISMATCH: the key belongs to another certificate; the probe still shows what the server asks', async () => {
    const server = await requiring(version, pki.clientRoot.cert);
    const result = await probeWith(server, files(pki.mismatched.cert, pki.mismatched.key));
    expect(codes(result)).toEqual(['CLIENT_CERT_MISSING', 'CLIENT_KEY_MISMATCH']);
    expect(result.tls.clientCertificatesSent).toEqual([]);
    expect(result.preflight[0]).toEqual(expect.objectContaining({ check: 'key-matches-certificate', status: 'fail' }));
    await server.stop();
  });

  it('CLIENT_CERT_OPTIONAL: asked, went on without one', async () => {
    const server = await startSServer(['-cert', pki.server.cert, '-key', pki.server.key, '-www', '-verify', '4', '-CAfile', pki.clientRoot.cert, version === '1.3' ? '-tls1_3' : '-no_tls1_3']);
    const result = await probeWith(server);
    expect(codes(result)).toEqual(['CLIENT_CERT_OPTIONAL']);
    expect(result.outcome).toBe('success');
    await server.stop();
  });
});

describe('the vault offers a missing intermediate', () => {
  it('CLIENT_CHAIN_INCOMPLETE says the vault holds the missing CA certificate', async () => {
    const intermediate = new Uint8Array(Buffer.from(readFileSync(pki.clientIntermediate.cert, 'utf8').replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'));
    const withVault = createProbeService({
      now: () => new Date(),
      vault: {
        clientCredentials: () => Promise.reject(new Error('not used: the identity comes from files')),
        authorities: () => [intermediate],
      },
    });
    const server = await requiring('1.3', pki.clientRoot.cert);
    const result = await withVault.run({ url: `https://localhost:${server.port}/`, caFiles: [pki.serverRoot.cert], identity: files(pki.client.cert, pki.client.key) });
    expect(codes(result)).toEqual(['CLIENT_CHAIN_INCOMPLETE']);
    expect(result.diagnosis[0]!.detail).toContain('The vault has this CA certificate');
    expect(result.diagnosis[0]!.params.inVault).toBe('yes');
    await server.stop();
  });
});
