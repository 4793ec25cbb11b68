import { basename } from 'node:path';
import { StudioError } from '../../common/errors';
import { readInputFile } from '../io/input-files';
import type { CertificateItem, DerItem } from '../pki/model';
import { readContent } from '../pki/read';

export interface ChainFiles {
  leaf: CertificateItem;
  untrusted: CertificateItem[];
  anchors: CertificateItem[];
  crls: DerItem[];
}

/** How the files are read: `password` opens every encrypted PKCS#12 (and encrypted key) among them. */
export interface ChainFileOptions {
  password?: string;
}

async function read(path: string, options: ChainFileOptions): Promise<{ certificates: CertificateItem[]; crls: DerItem[] }> {
  const file = await readInputFile(path);
  return readContent(file.bytes, basename(path), options);
}

function noneIn(path: string, what: string, hint: string): StudioError {
  return new StudioError('NO_CERTIFICATE', `'${basename(path)}' contains no ${what}`, { hint, params: { file: basename(path) } });
}

/**
 * Reads the files of a chain check (PEM, DER, PKCS#7 bundles, PKCS#12). The leaf file's first certificate is the
 * leaf; further certificates in it (a full-chain PEM) count as untrusted intermediates.
 */
export async function loadChainFiles(
  paths: { leaf: string; untrusted: string[]; trust: string[]; crls: string[] },
  options: ChainFileOptions = {},
): Promise<ChainFiles> {
  const leafFile = await read(paths.leaf, options);
  const [leaf, ...rest] = leafFile.certificates;
  if (!leaf) throw noneIn(paths.leaf, 'certificate', 'Give the certificate to verify (PEM, DER, PKCS#7 or PKCS#12).');
  const untrusted = [...rest];
  for (const path of paths.untrusted) untrusted.push(...(await read(path, options)).certificates);
  const anchors: CertificateItem[] = [];
  for (const path of paths.trust) {
    const { certificates } = await read(path, options);
    if (certificates.length === 0) throw noneIn(path, 'certificate to trust', 'Give the root (or intermediate) CA certificates to trust.');
    anchors.push(...certificates);
  }
  const crls: DerItem[] = [];
  for (const path of paths.crls) {
    const found = (await read(path, options)).crls;
    if (found.length === 0) throw noneIn(path, 'CRL', 'Give a certificate revocation list (PEM "X509 CRL" or DER).');
    crls.push(...found);
  }
  return { leaf, untrusted, anchors, crls };
}
