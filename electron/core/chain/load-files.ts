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

async function read(path: string): Promise<{ certificates: CertificateItem[]; crls: DerItem[] }> {
  const file = await readInputFile(path);
  return readContent(file.bytes, basename(path));
}

function noneIn(path: string, what: string, hint: string): StudioError {
  return new StudioError('NO_CERTIFICATE', `'${basename(path)}' contains no ${what}`, { hint, params: { file: basename(path) } });
}

/**
 * Reads the files of a chain check (PEM, DER, PKCS#7 bundles). The leaf file's first certificate is the leaf;
 * further certificates in it (a full-chain PEM) count as untrusted intermediates.
 */
export async function loadChainFiles(paths: { leaf: string; untrusted: string[]; trust: string[]; crls: string[] }): Promise<ChainFiles> {
  const leafFile = await read(paths.leaf);
  const [leaf, ...rest] = leafFile.certificates;
  if (!leaf) throw noneIn(paths.leaf, 'certificate', 'Give the certificate to verify (PEM, DER or PKCS#7).');
  const untrusted = [...rest];
  for (const path of paths.untrusted) untrusted.push(...(await read(path)).certificates);
  const anchors: CertificateItem[] = [];
  for (const path of paths.trust) {
    const { certificates } = await read(path);
    if (certificates.length === 0) throw noneIn(path, 'certificate to trust', 'Give the root (or intermediate) CA certificates to trust.');
    anchors.push(...certificates);
  }
  const crls: DerItem[] = [];
  for (const path of paths.crls) {
    const found = (await read(path)).crls;
    if (found.length === 0) throw noneIn(path, 'CRL', 'Give a certificate revocation list (PEM "X509 CRL" or DER).');
    crls.push(...found);
  }
  return { leaf, untrusted, anchors, crls };
}
