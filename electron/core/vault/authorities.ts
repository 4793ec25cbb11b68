import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CertificateItem } from '../pki';
import { readContent } from '../pki';
import { readIfExists, writeFileAtomically } from './atomic-file';
import { certificatesPem } from './identity-files';
import { ensurePrivateFolder, type VaultLayout } from './layout';

/**
 * The CA certificates the vault has seen (every chain certificate of every import), one PEM file per
 * certificate named by its SHA-256. They are public, shared between identities, and complete the chains of later
 * imports whose input lacks an intermediate or the root.
 */
export const sha256Hex = (der: Uint8Array): string => createHash('sha256').update(der).digest('hex');

export const AUTHORITY_SOURCE = 'the vault';

export function storeAuthorities(layout: VaultLayout, ders: Uint8Array[]): void {
  if (ders.length === 0) return;
  ensurePrivateFolder(layout.authorities);
  for (const der of ders) {
    const path = layout.authorityFile(sha256Hex(der));
    if (!existsSync(path)) writeFileAtomically(path, certificatesPem([der]));
  }
}

/** Every stored CA certificate; a damaged file is skipped (it only ever helps to complete a chain). */
export function loadAuthorities(layout: VaultLayout): CertificateItem[] {
  let names: string[];
  try {
    names = readdirSync(layout.authorities).filter((name) => /^[0-9a-f]{64}\.pem$/.test(name));
  } catch {
    return [];
  }
  const items: CertificateItem[] = [];
  for (const name of names) {
    try {
      const bytes = readIfExists(join(layout.authorities, name));
      if (bytes === null) continue;
      for (const item of readContent(new Uint8Array(bytes), name).certificates) items.push({ der: item.der, source: AUTHORITY_SOURCE });
    } catch {
      // not a certificate any more: ignore it here
    }
  }
  return items;
}
