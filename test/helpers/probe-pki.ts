import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_LINES, extensionConfig, openssl, opensslCaDatabase } from './openssl';

/**
 * Every certificate the probe tests need, made with the real openssl at test time (`openssl ca` for exact dates
 * and a CRL): a server CA with good, expired and wrong-name server certificates, a client PKI (root →
 * intermediate → leaves: good, expired, not yet valid, serverAuth-only, revoked), another client CA (the
 * "wrong CA"), and a key that belongs to none of them.
 */

export interface CertAndKey {
  cert: string;
  key: string;
}

export interface ProbePki {
  dir: string;
  serverRoot: CertAndKey;
  /** issued by serverRoot for localhost, 127.0.0.1, 127.0.0.2 */
  server: CertAndKey;
  serverExpired: CertAndKey;
  /** valid, but only for other.test */
  serverWrongName: CertAndKey;
  clientRoot: CertAndKey;
  clientIntermediate: CertAndKey;
  /** leaf only / leaf + intermediate / leaf + intermediate + root */
  client: CertAndKey;
  clientChain: string;
  clientFullChain: string;
  /** each as leaf + intermediate, with its own key */
  expired: CertAndKey;
  notYetValid: CertAndKey;
  wrongEku: CertAndKey;
  revoked: CertAndKey;
  /** the intermediate's CRL revoking `revoked` */
  crl: string;
  /** leaf + intermediate + root of an unrelated CA */
  otherCa: CertAndKey & { root: string };
  /** the good client certificate with a key that is not its own */
  mismatched: CertAndKey;
  /** client root + intermediate, for servers that should trust the whole client PKI */
  clientCaBundle: string;
}

const SERVER_AUTH = [...EXTENSION_LINES.leaf, 'extendedKeyUsage=serverAuth'];
const EXTENSIONS = extensionConfig({
  ca: EXTENSION_LINES.ca,
  client: [...EXTENSION_LINES.leaf, 'extendedKeyUsage=clientAuth', ...EXTENSION_LINES.keyIds],
  serverauth_only: SERVER_AUTH,
  server: [...SERVER_AUTH, 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:127.0.0.2'],
  wrong_name: [...SERVER_AUTH, 'subjectAltName=DNS:other.test'],
});

const stamp = (date: Date) => `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
const DAY = 86_400_000;

export function makeProbePki(dir: string): ProbePki {
  const f = (name: string) => join(dir, name);
  writeFileSync(f('ext.cnf'), EXTENSIONS);
  const key = (name: string) => {
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f(`${name}.key`)]);
    return f(`${name}.key`);
  };
  /** a CA database folder per issuer, so `openssl ca` can issue with exact dates and revoke */
  const caDir = (name: string) => opensslCaDatabase(f(`ca-${name}`), { crlDays: 30 });
  const root = (name: string, subject: string): CertAndKey => {
    const k = key(name);
    openssl(['req', '-x509', '-new', '-key', k, '-subj', subject, '-days', '3650', '-out', f(`${name}.crt`), '-config', f('ext.cnf'), '-extensions', 'ca']);
    caDir(name);
    return { cert: f(`${name}.crt`), key: k };
  };
  const issue = (name: string, subject: string, issuer: CertAndKey & { ca: string }, extensions: string, from = new Date(Date.now() - DAY), to = new Date(Date.now() + 365 * DAY)): CertAndKey => {
    const k = key(name);
    openssl(['req', '-new', '-utf8', '-key', k, '-subj', subject, '-out', f(`${name}.csr`)]);
    openssl(['ca', '-batch', '-config', f(`ca-${issuer.ca}/ca.cnf`), '-cert', issuer.cert, '-keyfile', issuer.key, '-in', f(`${name}.csr`), '-out', f(`${name}.crt`), '-startdate', stamp(from), '-enddate', stamp(to), '-extfile', f('ext.cnf'), '-extensions', extensions, '-notext', '-preserveDN', '-utf8']);
    return { cert: f(`${name}.crt`), key: k };
  };
  const cat = (name: string, ...files: string[]) => {
    writeFileSync(f(name), files.map((file) => readFileSync(file, 'utf8')).join(''));
    return f(name);
  };

  const serverRoot = root('server-root', '/CN=Probe Server Root CA/O=mTLS Studio Tests');
  const serverIssuer = { ...serverRoot, ca: 'server-root' };
  const server = issue('server', '/CN=localhost/O=mTLS Studio Tests', serverIssuer, 'server');
  const serverExpired = issue('server-expired', '/CN=localhost/O=mTLS Studio Tests', serverIssuer, 'server', new Date(Date.now() - 400 * DAY), new Date(Date.now() - 30 * DAY));
  const serverWrongName = issue('server-wrong-name', '/CN=other.test/O=mTLS Studio Tests', serverIssuer, 'wrong_name');

  const clientRoot = root('client-root', '/CN=Probe Client Root CA/O=mTLS Studio Tests');
  const clientIntermediate = issue('client-intermediate', '/CN=Probe Client Intermediate CA/O=mTLS Studio Tests', { ...clientRoot, ca: 'client-root' }, 'ca', new Date(Date.now() - 2 * DAY), new Date(Date.now() + 3000 * DAY));
  caDir('client-intermediate');
  const issuer = { ...clientIntermediate, ca: 'client-intermediate' };
  const withChain = (leaf: CertAndKey, name: string): CertAndKey => ({ cert: cat(`${name}-chain.pem`, leaf.cert, clientIntermediate.cert), key: leaf.key });

  const client = issue('client', '/CN=Probe Client/O=mTLS Studio Tests', issuer, 'client');
  const expired = withChain(issue('client-expired', '/CN=Expired Client/O=mTLS Studio Tests', issuer, 'client', new Date(Date.now() - 400 * DAY), new Date(Date.now() - 10 * DAY)), 'client-expired');
  const notYetValid = withChain(issue('client-future', '/CN=Future Client/O=mTLS Studio Tests', issuer, 'client', new Date(Date.now() + 30 * DAY), new Date(Date.now() + 400 * DAY)), 'client-future');
  const wrongEku = withChain(issue('client-server-eku', '/CN=ServerAuth Only/O=mTLS Studio Tests', issuer, 'serverauth_only'), 'client-server-eku');
  const revokedLeaf = issue('client-revoked', '/CN=Revoked Client/O=mTLS Studio Tests', issuer, 'client');
  openssl(['ca', '-config', f('ca-client-intermediate/ca.cnf'), '-cert', clientIntermediate.cert, '-keyfile', clientIntermediate.key, '-revoke', revokedLeaf.cert]);
  openssl(['ca', '-config', f('ca-client-intermediate/ca.cnf'), '-cert', clientIntermediate.cert, '-keyfile', clientIntermediate.key, '-gencrl', '-out', f('client-intermediate.crl')]);

  const otherRoot = root('other-root', '/CN=Unrelated Root CA/O=Somebody Else');
  const otherIntermediate = issue('other-intermediate', '/CN=Unrelated Issuing CA/O=Somebody Else', { ...otherRoot, ca: 'other-root' }, 'ca');
  caDir('other-intermediate');
  const otherLeaf = issue('other-client', '/CN=Other Client/O=Somebody Else', { ...otherIntermediate, ca: 'other-intermediate' }, 'client');

  return {
    dir,
    serverRoot,
    server,
    serverExpired,
    serverWrongName,
    clientRoot,
    clientIntermediate,
    client,
    clientChain: cat('client-chain.pem', client.cert, clientIntermediate.cert),
    clientFullChain: cat('client-full-chain.pem', client.cert, clientIntermediate.cert, clientRoot.cert),
    expired,
    notYetValid,
    wrongEku,
    revoked: withChain(revokedLeaf, 'client-revoked'),
    crl: f('client-intermediate.crl'),
    otherCa: { cert: cat('other-full-chain.pem', otherLeaf.cert, otherIntermediate.cert, otherRoot.cert), key: otherLeaf.key, root: otherRoot.cert },
    mismatched: { cert: client.cert, key: key('stray') },
    clientCaBundle: cat('client-ca-bundle.pem', clientRoot.cert, clientIntermediate.cert),
  };
}
