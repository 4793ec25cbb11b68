import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWithHome } from '../helpers/cli';
import { useKeyring } from '../helpers/keyring';
import { makeTestPki, openssl, opensslFingerprint, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';
import { mtlsGet, startSServer, type SServer } from '../unit/ca/s-server';

/**
 * The local CA through the built CLI, against the real keyring and real openssl: what we issue verifies, a
 * client certificate is accepted by `s_server -Verify` and refused once revoked and published in our CRL, CSRs
 * round-trip with `openssl req`/`x509 -req`, and partner kits open with the printed password.
 */
const keyring = useKeyring();
const dir = useTempDir('mtls-ca-cli-');
const home = join(dir, 'home');
const f = (name: string) => join(dir, name);
const { cli, ok } = cliWithHome(home, keyring);
const servers: SServer[] = [];
let pki: TestPki;

/** the identity's certificate + key as PEM, read back from a kit's p12 with openssl (no -legacy) */
function pemsFromP12(p12: string, password: string): { cert: string; key: string } {
  const env = { KIT_PW: password };
  const cert = openssl(['pkcs12', '-in', p12, '-passin', 'env:KIT_PW', '-nokeys', '-clcerts'], { env });
  const key = openssl(['pkcs12', '-in', p12, '-passin', 'env:KIT_PW', '-nocerts', '-nodes'], { env });
  return { cert, key };
}

beforeAll(() => {
  pki = makeTestPki(join(dir), undefined, 'Unused Leaf');
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

describe('mtls-studio ca / csr / kit', () => {
  let root: { id: string };
  let clientSerial: string;
  let kitPassword: string;

  it('ca create makes a root and an intermediate under it; ca list shows the tree', () => {
    root = ok(['ca', 'create', 'Studio Root', '--subject', 'CN=Studio Root CA,O=Studio Tests', '--path-len', '1']).authority;
    expect(root).toMatchObject({ kind: 'root', pathLen: 1, parentId: null, keyAlgorithm: 'EC P-256' });
    const issuing = ok(['ca', 'create', 'Studio Issuing', '--parent', 'Studio Root', '--key', 'ec-p384', '--days', '900']).authority;
    expect(issuing).toMatchObject({ kind: 'intermediate', parentId: root.id, parentName: 'Studio Root', pathLen: 0, keyAlgorithm: 'EC P-384' });
    const { authorities } = ok(['ca', 'list']);
    expect(authorities.map((ca: { name: string }) => ca.name)).toEqual(['Studio Root', 'Studio Issuing']);
    expect(authorities[0].issued).toBe(1); // the intermediate is in the root's registry
    expect(ok(['ca', 'export-cert', 'Studio Root', '--out', f('root.pem')]).certificates).toBe(1);
    expect(ok(['ca', 'export-cert', 'Studio Issuing', '--out', f('issuing.pem')]).certificates).toBe(1);
    const text = openssl(['x509', '-in', f('issuing.pem'), '-noout', '-text']);
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(openssl(['verify', '-CAfile', f('root.pem'), f('issuing.pem')])).toMatch(/: OK/);
    // a CA key lives behind the keychain like any identity's
    expect(keyring.accounts('mtls-studio')).toContain(root.id);
  });

  it('ca issue stores client and server identities whose chain verifies with openssl', () => {
    const client = ok(['ca', 'issue', 'Studio Issuing', '--name', 'Partner A', '--type', 'client', '--san', 'email:ops@partner-a.example', '--subject', 'CN=Partner A,O=Partners']).identity;
    clientSerial = client.serial;
    expect(client).toMatchObject({ name: 'Partner A', authority: 'Studio Issuing', subject: 'CN=Partner A,O=Partners' });
    ok(['ca', 'issue', 'Studio Issuing', '--name', 'localhost', '--type', 'server', '--san', 'DNS:localhost', '--san', 'IP:127.0.0.1', '--key', 'rsa-2048']);
    const listed = ok(['identity', 'list']).identities.map((identity: { name: string }) => identity.name);
    expect(listed).toEqual(expect.arrayContaining(['Studio Root', 'Studio Issuing', 'Partner A', 'localhost']));
    ok(['identity', 'export', 'localhost', '--to', 'acm', '--out', f('server-acm')]);
    ok(['identity', 'export', 'Partner A', '--to', 'pem', '--no-key', '--out', f('partner-a-chain.pem')]);
    const leaf = openssl(['x509', '-in', f('partner-a-chain.pem')]);
    writeFileSync(f('partner-a.pem'), leaf);
    expect(openssl(['verify', '-CAfile', f('root.pem'), '-untrusted', f('issuing.pem'), f('partner-a.pem')])).toMatch(/: OK/);
    expect(openssl(['verify', '-CAfile', f('root.pem'), '-untrusted', f('server-acm/chain.pem'), f('server-acm/certificate.pem')])).toMatch(/: OK/);
    const text = openssl(['x509', '-in', f('partner-a.pem'), '-noout', '-text']);
    expect(text).toMatch(/Extended Key Usage:\s+TLS Web Client Authentication/);
    expect(text).toMatch(/email:ops@partner-a\.example/);
    const again = cli(['ca', 'issue', 'Studio Issuing', '--name', 'partner a', '--type', 'client', '--json']);
    expect(again.status).toBe(2);
    expect(again.json().error.code).toBe('IDENTITY_EXISTS');
    const notCa = cli(['ca', 'issue', 'Partner A', '--name', 'X', '--type', 'client', '--json']);
    expect(notCa.json().error.code).toBe('NOT_A_CA');
    const noSan = cli(['ca', 'issue', 'Studio Issuing', '--name', 'bad server', '--type', 'server', '--json']);
    expect([noSan.status, noSan.json().error.code]).toEqual([2, 'INVALID_SAN']);
  });

  it('kit create writes a p12 that opens with the printed password (modern and compat, no -legacy) and never stores it', () => {
    for (const profile of ['modern', 'compat'] as const) {
      const out = f(`kit-${profile}`);
      const run = ok(['kit', 'create', 'Partner A', '--out', out, '--profile', profile, '--lang', profile === 'modern' ? 'zh-CN' : 'zh-TW']);
      expect(run.kit.p12File).toBe('Partner-A.p12');
      expect(run.password).toMatch(/^\S{20,}$/);
      const files = readdirSync(out).sort();
      expect(files).toEqual(['Partner-A.p12', 'README.md', 'ca-chain.pem'].sort());
      for (const file of files) expect(readFileSync(join(out, file)).includes(Buffer.from(run.password))).toBe(false);
      expect(readFileSync(join(out, 'README.md'), 'utf8')).toMatch(profile === 'modern' ? /安装|证书/ : /安裝|憑證/);
      const info = openssl(['pkcs12', '-in', join(out, 'Partner-A.p12'), '-passin', 'env:KIT_PW', '-info', '-nokeys', '-noout'], { env: { KIT_PW: run.password }, withStderr: true });
      expect(info).toMatch(profile === 'modern' ? /AES-256-CBC/ : /TripleDES/i);
      if (profile === 'modern') kitPassword = run.password;
    }
    // the text mode prints the password once, on stderr only
    const text = cli(['kit', 'create', 'Partner A', '--out', f('kit-text')]);
    expect(text.status).toBe(0);
    expect(text.stderr).toMatch(/p12 password \(shown once, not stored anywhere\): \S+/);
    expect(text.stdout).not.toMatch(/password/);
  });

  it('s_server -Verify trusting our root accepts the kit\'s client certificate, and refuses it after ca revoke + ca crl', async () => {
    const { cert, key } = pemsFromP12(f('kit-modern/Partner-A.p12'), kitPassword);
    const serverArgs = ['-cert', f('server-acm/certificate.pem'), '-key', f('server-acm/private-key.pem'), '-cert_chain', f('server-acm/chain.pem'), '-CAfile', f('root.pem'), '-Verify', '1', '-verify_return_error', '-www'];
    const client = { cert: cert + readFileSync(f('issuing.pem'), 'utf8'), key, ca: readFileSync(f('root.pem'), 'utf8') };
    const server = await startSServer(serverArgs);
    servers.push(server);
    const accepted = await mtlsGet(server.port, client);
    expect(accepted.error).toBeNull();
    expect(accepted.response).toMatch(/^HTTP\/1\.0 200 ok/);

    const revoked = ok(['ca', 'revoke', 'Studio Issuing', clientSerial, '--reason', 'key-compromise']).revoked;
    expect(revoked).toMatchObject({ serial: clientSerial, status: 'revoked', reason: 'keyCompromise', name: 'Partner A' });
    const crl = ok(['ca', 'crl', 'Studio Issuing', '--out', f('issuing.crl.pem')]).crl;
    expect(crl).toMatchObject({ crlNumber: '1', revoked: 1, format: 'pem' });
    const crlDer = ok(['ca', 'crl', 'Studio Issuing', '--out', f('issuing.crl'), '--der']).crl;
    expect(crlDer.crlNumber).toBe('2');
    const crlText = openssl(['crl', '-in', f('issuing.crl'), '-inform', 'DER', '-noout', '-text', '-CAfile', f('issuing.pem')], { withStderr: true });
    expect(crlText).toMatch(/verify OK/);
    expect(crlText).toMatch(/X509v3 CRL Number:\s+2/);
    expect(crlText.toLowerCase()).toContain(clientSerial.toUpperCase().toLowerCase());

    const checking = await startSServer([...serverArgs, '-crl_check', '-CRL', f('issuing.crl.pem')]);
    servers.push(checking);
    const refused = await mtlsGet(checking.port, client);
    expect(refused.response).not.toMatch(/HTTP\/1\.0 200/);
    expect(await checking.waitFor(/verify error/)).toMatch(/verify error:num=23:certificate revoked/);

    const { issued } = ok(['ca', 'list', '--issued', 'Studio Issuing', '--search', 'partner a', '--csv', f('issued.csv')]);
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    expect(readFileSync(f('issued.csv'), 'utf8')).toMatch(/^\uFEFFserial,subject,name,kind,notBefore,notAfter,status,revokedAt,reason,sha256\r\n.*Partner A.*revoked.*keyCompromise/s);
    const twice = cli(['ca', 'revoke', 'Studio Issuing', clientSerial, '--json']);
    expect(twice.json().error.code).toBe('INVALID_ARGUMENT');
    const unknown = cli(['ca', 'revoke', 'Studio Issuing', 'abcdef', '--json']);
    expect([unknown.status, unknown.json().error.code]).toEqual([2, 'NOT_FOUND']);
  });

  it('csr create writes a request openssl verifies; csr complete turns it into an identity; a foreign certificate is KEY_MISMATCH', () => {
    const { request } = ok(['csr', 'create', '--name', 'Bank API', '--subject', 'CN=acme-client,O=Acme', '--san', 'email:api@acme.example', '--out', f('bank.csr')]);
    expect(request).toMatchObject({ name: 'Bank API', subject: 'CN=acme-client,O=Acme', keyAlgorithm: 'EC P-256' });
    expect(openssl(['req', '-in', f('bank.csr'), '-noout', '-verify'], { withStderr: true })).toMatch(/verify OK|Certificate request self-signature verify OK/);
    expect(ok(['csr', 'list']).pending.map((entry: { name: string }) => entry.name)).toEqual(['Bank API']);
    expect(ok(['identity', 'list']).identities.map((identity: { name: string }) => identity.name)).not.toContain('Bank API');

    const foreign = cli(['csr', 'complete', pki.leafCert, '--json']);
    expect(foreign.status).toBe(2);
    expect(foreign.json().error).toMatchObject({ code: 'KEY_MISMATCH' });
    expect(foreign.json().error.message).toMatch(/Unused Leaf.*pending request/);

    openssl(['x509', '-req', '-in', f('bank.csr'), '-CA', pki.intermediateCert, '-CAkey', pki.intermediateKey, '-CAcreateserial', '-days', '200', '-out', f('bank.crt'), '-copy_extensions', 'copy']);
    writeFileSync(f('bank-bundle.pem'), readFileSync(f('bank.crt'), 'utf8') + readFileSync(pki.intermediateCert, 'utf8') + readFileSync(pki.rootCert, 'utf8'));
    const { identity } = ok(['csr', 'complete', f('bank-bundle.pem')]);
    expect(identity).toMatchObject({ name: 'Bank API', subjectCommonName: 'acme-client', issuerCommonName: 'Test Intermediate CA', certificateSha256: opensslFingerprint(f('bank.crt')) });
    expect(ok(['csr', 'list']).pending).toEqual([]);
    const shown = ok(['identity', 'show', 'Bank API']).identity ?? ok(['identity', 'show', 'Bank API']);
    expect(shown.chain).toEqual([opensslFingerprint(pki.intermediateCert), opensslFingerprint(pki.rootCert)]);
    // the completed identity's key is the pending one: a p12 export pairs them
    const kit = ok(['kit', 'create', 'Bank API', '--out', f('bank-kit')]);
    const { cert, key } = pemsFromP12(join(f('bank-kit'), kit.kit.p12File), kit.password);
    writeFileSync(f('bank-out.crt'), cert);
    writeFileSync(f('bank-out.key'), key);
    expect(openssl(['x509', '-in', f('bank-out.crt'), '-noout', '-pubkey'])).toBe(openssl(['pkey', '-in', f('bank-out.key'), '-pubout']));
    const done = cli(['csr', 'complete', f('bank.crt'), '--json']);
    expect(done.json().error.code).toBe('KEY_MISMATCH');
  });

  it('csr sign signs an openssl req CSR with the profile\'s extensions, recorded in the registry', () => {
    openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f('partner-b.key'), '-subj', '/O=Partner B/CN=partner-b', '-addext', 'subjectAltName=DNS:b.partner.example', '-out', f('partner-b.csr')]);
    const signed = ok(['csr', 'sign', 'Studio Issuing', f('partner-b.csr'), '--days', '30', '--out', f('partner-b.crt')]);
    expect(signed.certificate).toMatchObject({ subject: 'CN=partner-b,O=Partner B', file: f('partner-b.crt') });
    expect(openssl(['verify', '-CAfile', f('root.pem'), '-untrusted', f('issuing.pem'), f('partner-b.crt')])).toMatch(/: OK/);
    const text = openssl(['x509', '-in', f('partner-b.crt'), '-noout', '-text']);
    expect(text).toMatch(/TLS Web Client Authentication/);
    expect(text).toMatch(/DNS:b\.partner\.example/);
    const days = (Date.parse(signed.certificate.notAfter) - Date.parse(signed.certificate.notBefore)) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    expect(ok(['ca', 'list', '--issued', 'Studio Issuing', '--search', signed.certificate.serial]).issued).toHaveLength(1);
    openssl(['req', '-new', '-newkey', 'rsa:1024', '-nodes', '-keyout', f('weak.key'), '-subj', '/CN=weak', '-out', f('weak.csr')]);
    const weak = cli(['csr', 'sign', 'Studio Issuing', f('weak.csr'), '--out', f('weak.crt'), '--json']);
    expect([weak.status, weak.json().error.code]).toEqual([2, 'CA_POLICY_REFUSED']);
  });

  it('ca import takes an existing openssl CA (must be a CA) and issues from it', () => {
    const imported = ok(['ca', 'import', 'OpenSSL Intermediate', '--cert', pki.intermediateCert, '--key', pki.intermediateKey, '--chain', pki.rootCert]).authority;
    expect(imported).toMatchObject({ kind: 'intermediate', parentId: null, subject: 'O=mTLS Studio Tests,CN=Test Intermediate CA' });
    ok(['ca', 'issue', 'OpenSSL Intermediate', '--name', 'From Imported', '--type', 'client']);
    ok(['identity', 'export', 'From Imported', '--to', 'pem', '--no-key', '--out', f('from-imported.pem')]);
    expect(openssl(['verify', '-CAfile', pki.rootCert, '-untrusted', pki.intermediateCert, f('from-imported.pem')])).toMatch(/: OK/);
    const notCa = cli(['ca', 'import', 'Leaf', '--cert', pki.leafCert, '--key', pki.leafKey, '--json']);
    expect([notCa.status, notCa.json().error.code]).toEqual([2, 'NOT_A_CA']);
  });

  it('ca issue-batch issues 500 client identities from a CSV', () => {
    const rows = ['name,email,o'];
    for (let i = 1; i <= 500; i++) rows.push(`batch-${i},user${i}@batch.example,Batch Co`);
    rows.push('Partner A,dup@batch.example,Batch Co'); // the name is taken: this row fails, the others go on
    writeFileSync(f('batch.csv'), `${rows.join('\n')}\n`);
    const started = Date.now();
    const run = cli(['ca', 'issue-batch', 'Studio Root', '--csv', f('batch.csv'), '--json']);
    const seconds = (Date.now() - started) / 1000;
    expect(run.status, run.stderr).toBe(1);
    const result = run.json();
    expect(result).toMatchObject({ issued: 500, failed: 1 });
    expect(result.results[500]).toMatchObject({ row: 502, name: 'Partner A', identity: null, error: { code: 'IDENTITY_EXISTS' } });
    console.log(`issue-batch: 500 EC P-256 identities in ${seconds.toFixed(1)} s`);
    const { identities } = ok(['identity', 'list']);
    expect(identities.filter((identity: { name: string }) => identity.name.startsWith('batch-'))).toHaveLength(500);
    const root = ok(['ca', 'list']).authorities.find((ca: { name: string }) => ca.name === 'Studio Root');
    expect(root.issued).toBe(501);
    expect(keyring.accounts('mtls-studio').length).toBeGreaterThanOrEqual(500);
    ok(['identity', 'export', 'batch-500', '--to', 'pem', '--no-key', '--out', f('batch-500.pem')]);
    expect(openssl(['verify', '-CAfile', f('root.pem'), f('batch-500.pem')])).toMatch(/: OK/);
    expect(openssl(['x509', '-in', f('batch-500.pem'), '-noout', '-ext', 'subjectAltName'])).toMatch(/email:user500@batch\.example/);
  }, 240_000);

  it('usage errors exit 2 with a typed error', () => {
    const badKey = cli(['ca', 'create', 'X', '--key', 'rsa-1024', '--json']);
    expect([badKey.status, badKey.json().error.code]).toEqual([2, 'USAGE']);
    const missingOut = cli(['ca', 'crl', 'Studio Root', '--json']);
    expect([missingOut.status, missingOut.json().error.code]).toEqual([2, 'USAGE']);
    const noCa = cli(['ca', 'issue', 'Nope', '--name', 'x', '--type', 'client', '--json']);
    expect([noCa.status, noCa.json().error.code]).toEqual([2, 'IDENTITY_NOT_FOUND']);
  });
});
