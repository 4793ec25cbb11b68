import { createPrivateKey, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError } from '../../common/errors';
import { createIntermediateCa, createRootCa, issueIdentity, type IssuedIdentity } from '../ca';
import type { LabFiles } from './types';

/**
 * The lab's certificates, made with the local CA engine: a lab CA, a server certificate for 127.0.0.1, localhost
 * and the cloud-style names, a valid client, an expired client, a client from a CA the lab does not trust, and a
 * client issued by a lab intermediate CA (root → intermediate → client).
 * Kept between runs while they are still good (a user may have imported the sample identity); the CA keys are
 * never written, so regenerating is the only way to get new certificates.
 */

const DAY_MS = 86_400_000;

export const LAB_FILE_NAMES = {
  caCert: 'lab-ca.crt',
  serverCert: 'server.crt',
  serverKey: 'server.key',
  clientCert: 'client.crt',
  clientKey: 'client.key',
  clientChain: 'client-chain.pem',
  expiredCert: 'expired-client.crt',
  expiredKey: 'expired-client.key',
  unknownCaCert: 'unknown-ca.crt',
  unknownCaClientCert: 'unknown-ca-client.crt',
  unknownCaClientKey: 'unknown-ca-client.key',
  intermediateCaCert: 'lab-intermediate-ca.crt',
  intermediateClientCert: 'intermediate-client.crt',
  intermediateClientKey: 'intermediate-client.key',
  intermediateClientChain: 'intermediate-client-chain.pem',
} as const;

type FileKey = keyof typeof LAB_FILE_NAMES;
const KEY_FILES: readonly FileKey[] = ['serverKey', 'clientKey', 'expiredKey', 'unknownCaClientKey', 'intermediateClientKey'];

/** What the servers need in memory. */
export interface LabMaterial {
  files: LabFiles;
  caDer: Uint8Array;
  serverCertPem: string;
  serverKeyPem: string;
}

const pemKey = (key: KeyObject): string => key.export({ type: 'pkcs8', format: 'pem' }).toString();
const identityPem = (identity: IssuedIdentity): { cert: string; key: string } => ({ cert: identity.pem, key: pemKey(identity.key.privateKey) });

function labFiles(folder: string): LabFiles {
  const at = (name: FileKey) => join(folder, LAB_FILE_NAMES[name]);
  return {
    folder,
    caCert: at('caCert'),
    client: { cert: at('clientCert'), key: at('clientKey'), chain: at('clientChain') },
    expiredClient: { cert: at('expiredCert'), key: at('expiredKey') },
    unknownCaClient: { cert: at('unknownCaClientCert'), key: at('unknownCaClientKey') },
    intermediateCaCert: at('intermediateCaCert'),
    intermediateClient: { cert: at('intermediateClientCert'), key: at('intermediateClientKey'), chain: at('intermediateClientChain') },
  };
}

async function generate(now: Date, hostnames: readonly string[]): Promise<Record<FileKey, string>> {
  // the CA starts two years back so the expired client can be issued inside its validity
  const caStart = new Date(now.getTime() - 800 * DAY_MS);
  const ca = await createRootCa({ subject: 'CN=mTLS Studio Lab CA,O=mTLS Studio Lab', days: 3650, now: caStart });
  const signer = { certificate: ca.certificate, privateKey: ca.key.privateKey };
  const server = await issueIdentity(signer, {
    profile: 'server',
    subject: 'CN=mTLS Studio Lab Server,O=mTLS Studio Lab',
    sans: ['DNS:localhost', 'IP:127.0.0.1', ...hostnames.map((host) => `DNS:${host}`)],
    days: 397,
    now,
  });
  const client = await issueIdentity(signer, { profile: 'client', subject: 'CN=lab-client,OU=Partner Integration,O=Example Partner Ltd,C=US', days: 397, now });
  const expired = await issueIdentity(signer, {
    profile: 'client',
    subject: 'CN=lab-expired-client,O=Example Partner Ltd,C=US',
    days: 30,
    now: new Date(now.getTime() - 400 * DAY_MS),
  });
  const stranger = await createRootCa({ subject: 'CN=Unknown Partner CA,O=Somewhere Else', days: 3650, now });
  const strangerClient = await issueIdentity(
    { certificate: stranger.certificate, privateKey: stranger.key.privateKey },
    { profile: 'client', subject: 'CN=lab-unknown-ca-client,O=Somewhere Else', days: 397, now },
  );
  const intermediate = await createIntermediateCa(signer, { subject: 'CN=mTLS Studio Lab Intermediate CA,O=mTLS Studio Lab', days: 1825, now });
  const intermediateClient = await issueIdentity(
    { certificate: intermediate.certificate, privateKey: intermediate.key.privateKey },
    { profile: 'client', subject: 'CN=lab-intermediate-client,OU=Partner Integration,O=Example Partner Ltd,C=US', days: 397, now },
  );
  const clientFiles = identityPem(client);
  return {
    caCert: ca.pem,
    serverCert: server.pem,
    serverKey: pemKey(server.key.privateKey),
    clientCert: clientFiles.cert,
    clientKey: clientFiles.key,
    clientChain: client.pem + ca.pem,
    expiredCert: expired.pem,
    expiredKey: pemKey(expired.key.privateKey),
    unknownCaCert: stranger.pem,
    unknownCaClientCert: strangerClient.pem,
    unknownCaClientKey: pemKey(strangerClient.key.privateKey),
    intermediateCaCert: intermediate.pem,
    intermediateClientCert: intermediateClient.pem,
    intermediateClientKey: pemKey(intermediateClient.key.privateKey),
    intermediateClientChain: intermediateClient.pem + intermediate.pem,
  };
}

/** Writes every file under a temporary name first, then renames: a failure never leaves a mixed set. */
async function writeAll(folder: string, contents: Record<FileKey, string>): Promise<void> {
  const suffix = `.tmp-${randomBytes(4).toString('hex')}`;
  const names = Object.keys(LAB_FILE_NAMES) as FileKey[];
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    for (const name of names) {
      const mode = KEY_FILES.includes(name) ? 0o600 : 0o644;
      const path = join(folder, LAB_FILE_NAMES[name]) + suffix;
      await writeFile(path, contents[name], { mode });
      await chmod(path, mode); // the umask must not loosen a key file
    }
    for (const name of names) await rename(join(folder, LAB_FILE_NAMES[name]) + suffix, join(folder, LAB_FILE_NAMES[name]));
  } catch (error) {
    await Promise.all(names.map((name) => rm(join(folder, LAB_FILE_NAMES[name]) + suffix, { force: true })));
    throw new StudioError('WRITE_FAILED', `could not write the lab certificates to ${folder}`, {
      hint: 'Choose a writable folder with --folder.',
      cause: error,
    });
  }
}

async function readAll(folder: string): Promise<Record<FileKey, string> | null> {
  const entries = await Promise.all(
    (Object.keys(LAB_FILE_NAMES) as FileKey[]).map(async (name) => [name, await readFile(join(folder, LAB_FILE_NAMES[name]), 'utf8').catch(() => null)] as const),
  );
  if (entries.some(([, text]) => text === null)) return null;
  return Object.fromEntries(entries) as Record<FileKey, string>;
}

const validAt = (cert: X509Certificate, at: Date): boolean => at >= new Date(cert.validFrom) && at <= new Date(cert.validTo);
const pairs = (cert: X509Certificate, keyPem: string): boolean => cert.checkPrivateKey(createPrivateKey(keyPem));
const issuedBy = (cert: X509Certificate, ca: X509Certificate): boolean => cert.checkIssued(ca) && cert.verify(ca.publicKey);

/** Reuses a set only if each file still plays its part a day from now. */
function stillGood(files: Record<FileKey, string>, now: Date, hostnames: readonly string[]): boolean {
  try {
    const soon = new Date(now.getTime() + DAY_MS);
    const ca = new X509Certificate(files.caCert);
    const server = new X509Certificate(files.serverCert);
    const client = new X509Certificate(files.clientCert);
    const expired = new X509Certificate(files.expiredCert);
    const stranger = new X509Certificate(files.unknownCaCert);
    const strangerClient = new X509Certificate(files.unknownCaClientCert);
    const intermediate = new X509Certificate(files.intermediateCaCert);
    const intermediateClient = new X509Certificate(files.intermediateClientCert);
    return (
      validAt(ca, soon) &&
      issuedBy(server, ca) && validAt(server, soon) && pairs(server, files.serverKey) &&
      server.checkIP('127.0.0.1') !== undefined && ['localhost', ...hostnames].every((host) => server.checkHost(host) !== undefined) &&
      issuedBy(client, ca) && validAt(client, soon) && pairs(client, files.clientKey) &&
      issuedBy(expired, ca) && now > new Date(expired.validTo) && pairs(expired, files.expiredKey) &&
      issuedBy(strangerClient, stranger) && !issuedBy(strangerClient, ca) && validAt(strangerClient, soon) && pairs(strangerClient, files.unknownCaClientKey) &&
      issuedBy(intermediate, ca) && intermediate.ca && validAt(intermediate, soon) &&
      issuedBy(intermediateClient, intermediate) && validAt(intermediateClient, soon) && pairs(intermediateClient, files.intermediateClientKey) &&
      files.intermediateClientChain === files.intermediateClientCert + files.intermediateCaCert
    );
  } catch {
    return false;
  }
}

export async function prepareLabFiles(folder: string, now: Date, hostnames: readonly string[]): Promise<LabMaterial> {
  let contents = await readAll(folder);
  if (!contents || !stillGood(contents, now, hostnames)) {
    contents = await generate(now, hostnames);
    await writeAll(folder, contents);
  }
  return {
    files: labFiles(folder),
    caDer: new Uint8Array(new X509Certificate(contents.caCert).raw),
    serverCertPem: contents.serverCert,
    serverKeyPem: contents.serverKey,
  };
}
