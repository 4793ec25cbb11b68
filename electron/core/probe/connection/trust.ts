import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as tls from 'node:tls';
import { StudioError } from '../../../common/errors';
import { readInputFile } from '../../io/input-files';
import { encodePem, readContent } from '../../pki';

/**
 * The trust the server certificate is checked against: the system roots (Node's bundled Mozilla roots plus the
 * operating system's store where Node exposes it, or the distribution bundle on Linux), and/or CA files.
 */

export interface TrustAnchors {
  /** PEM certificates handed to tls.connect as `ca` */
  pems: string[];
  label: 'system' | 'ca-files' | 'system+ca-files';
  /** file names of the CA files, for reports */
  files: string[];
}

const LINUX_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/ca-bundle.pem', '/etc/ssl/cert.pem'];

let systemCache: string[] | null = null;

/** Node's roots plus the OS store (Node ≥ 22.15 / Electron) or, on older Node, the Linux distribution bundle. */
export function systemRoots(): string[] {
  if (systemCache) return systemCache;
  const roots = new Set<string>(tls.rootCertificates);
  const fromOs = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  if (typeof fromOs === 'function') {
    for (const pem of fromOs('system')) roots.add(pem);
  } else if (process.platform === 'linux') {
    const bundle = LINUX_BUNDLES.find((path) => existsSync(path));
    if (bundle) {
      const text = readFileSync(bundle, 'utf8');
      for (const match of text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)) roots.add(`${match[0]}\n`);
    }
  }
  systemCache = [...roots];
  return systemCache;
}

export async function loadTrust(caFiles: string[], useSystem: boolean): Promise<TrustAnchors> {
  const pems: string[] = [];
  for (const path of caFiles) {
    const input = await readInputFile(path);
    const content = readContent(input.bytes, basename(path));
    if (content.certificates.length === 0) {
      throw new StudioError('NO_CERTIFICATE', `'${basename(path)}' holds no certificate to trust`, {
        hint: 'Give --ca a PEM, DER or PKCS#7 file with the CA certificate(s) that issued the server certificate.',
        params: { file: basename(path) },
      });
    }
    for (const cert of content.certificates) pems.push(encodePem('CERTIFICATE', cert.der));
  }
  const label = caFiles.length === 0 ? 'system' : useSystem ? 'system+ca-files' : 'ca-files';
  return { pems: useSystem || caFiles.length === 0 ? [...systemRoots(), ...pems] : pems, label, files: caFiles.map((path) => basename(path)) };
}
