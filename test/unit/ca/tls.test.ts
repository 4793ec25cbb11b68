import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrl, createRootCa, issueIdentity, type IssuedIdentity } from '../../../electron/core/ca';
import { encodePem } from '../../../electron/core/pki';
import { useTempDir } from '../../helpers/tmp';
import { makeHierarchy, writeKey, writeText, type TestHierarchy } from './ca-fixtures';
import { mtlsGet, startSServer, type SServer } from './s-server';

/**
 * What "done" means for issue 6: a real `openssl s_server -Verify` trusting only our root accepts a client
 * certificate we issued, and with our CRL (`-crl_check`) refuses the one we revoked.
 */
describe('our certificates in real mutual TLS (openssl s_server)', () => {
  const dir = useTempDir('mtls-ca-tls-');
  const servers: SServer[] = [];
  let hierarchy: TestHierarchy;
  let good: IssuedIdentity;
  let revoked: IssuedIdentity;
  let serverArgs: string[];

  const clientOptions = (identity: IssuedIdentity, chain = hierarchy.issuing.pem) => ({
    cert: identity.pem + chain,
    key: encodePem('PRIVATE KEY', identity.key.pkcs8),
    ca: readFileSync(hierarchy.rootPem, 'utf8'),
  });

  beforeAll(async () => {
    hierarchy = await makeHierarchy(dir);
    const server = await issueIdentity(hierarchy.issuer, { profile: 'server', subject: 'CN=localhost', sans: ['DNS:localhost', 'IP:127.0.0.1'] });
    good = await issueIdentity(hierarchy.issuer, { profile: 'client', subject: 'CN=Good Partner,O=Partners', sans: ['email:good@partner.example'] });
    revoked = await issueIdentity(hierarchy.issuer, { profile: 'client', subject: 'CN=Revoked Partner,O=Partners', keyType: 'rsa-2048' });
    const crl = await createCrl(hierarchy.issuer, { revoked: [{ serial: revoked.serial, revokedAt: new Date(), reason: 'keyCompromise' }], crlNumber: 1 });
    writeText(dir, 'issuing.crl', crl.pem);
    serverArgs = ['-cert', writeText(dir, 'server.pem', server.pem), '-key', writeKey(dir, 'server.key', server.key), '-cert_chain', hierarchy.issuingPem, '-CAfile', hierarchy.rootPem, '-Verify', '1', '-verify_return_error', '-www'];
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  const start = async (extra: string[] = []) => {
    const server = await startSServer([...serverArgs, ...extra]);
    servers.push(server);
    return server;
  };

  it.each(['TLSv1.3', 'TLSv1.2'] as const)('s_server -Verify 1 -CAfile root accepts our client certificate (%s)', async (version) => {
    const server = await start();
    const result = await mtlsGet(server.port, { ...clientOptions(good), maxVersion: version });
    expect(result.error).toBeNull();
    expect(result.response).toMatch(/^HTTP\/1\.0 200 ok/);
    expect(await server.waitFor(/depth=0/)).toMatch(/depth=0 O = Partners, CN = Good Partner\s+verify return:1/);
  });

  it('refuses a client certificate from a CA it does not trust (the check is real)', async () => {
    const server = await start();
    const otherRoot = await createRootCa({ subject: 'CN=Stranger Root' });
    const stranger = await issueIdentity({ certificate: otherRoot.certificate, privateKey: otherRoot.key.privateKey }, { profile: 'client', subject: 'CN=Stranger' });
    const result = await mtlsGet(server.port, clientOptions(stranger, ''));
    expect(result.response).not.toMatch(/HTTP\/1\.0 200/);
    expect(await server.waitFor(/verify error/)).toMatch(/verify error:num=20:unable to get local issuer certificate/);
  });

  it('with our CRL (-crl_check) refuses the revoked certificate and still accepts the good one', async () => {
    const server = await start(['-crl_check', '-CRL', `${dir}/issuing.crl`]);
    const refused = await mtlsGet(server.port, clientOptions(revoked));
    expect(refused.response).not.toMatch(/HTTP\/1\.0 200/);
    expect(refused.error ?? '').toMatch(/revoked|alert/i);
    expect(await server.waitFor(/verify error/)).toMatch(/verify error:num=23:certificate revoked/);
    const accepted = await mtlsGet(server.port, clientOptions(good));
    expect(accepted.error).toBeNull();
    expect(accepted.response).toMatch(/^HTTP\/1\.0 200 ok/);
  });
});
