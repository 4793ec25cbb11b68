import type { CertificateItem } from '../../pki';
import { loadAuthorities } from '../../vault/authorities';
import type { VaultContext } from '../../vault/context';
import { readIdentityCertificates } from '../../vault/identity-files';
import { findIdentity } from '../../vault/names';
import { storeCert, isCa } from './store-cert';

/** A CA certificate the vault holds: one of the local CA's authorities, or a chain certificate seen on import. */
export interface VaultCaCertificate {
  der: Uint8Array;
  sha256: string;
  /** the authority's name in the vault, or the certificate's CN */
  name: string;
  kind: 'authority' | 'chain';
}

export interface TrustStoreVault {
  caCertificates(): VaultCaCertificate[];
  /** an identity's certificate then its chain (public data only: the key is never read) */
  identityCertificates(identity: string): { name: string; certificates: CertificateItem[] };
}

export function trustStoreVault(ctx: VaultContext): TrustStoreVault {
  return {
    caCertificates() {
      const found = new Map<string, VaultCaCertificate>();
      for (const record of ctx.index.read().identities) {
        if (record.authority === undefined) continue;
        try {
          const { leaf } = readIdentityCertificates(ctx.layout, record.id, record.name);
          const cert = storeCert(leaf, record.name);
          found.set(cert.parsed.sha256, {
            der: leaf,
            sha256: cert.parsed.sha256,
            name: record.name,
            kind: 'authority',
          });
        } catch {
          // a damaged authority is reported by `vault doctor`; it cannot be offered here
        }
      }
      for (const item of loadAuthorities(ctx.layout)) {
        try {
          const cert = storeCert(item.der, item.source);
          if (found.has(cert.parsed.sha256) || !isCa(cert)) continue;
          found.set(cert.parsed.sha256, {
            der: item.der,
            sha256: cert.parsed.sha256,
            name: cert.parsed.commonName ?? cert.parsed.subject,
            kind: 'chain',
          });
        } catch {
          // not a readable certificate: skip it
        }
      }
      // the local CA's own authorities first, then by name: a stable list whatever the folder order
      return [...found.values()].sort((a, b) =>
        a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'authority' ? -1 : 1,
      );
    },
    identityCertificates(identity) {
      const record = findIdentity(ctx.index.read(), identity);
      const { leaf, chain } = readIdentityCertificates(ctx.layout, record.id, record.name);
      return {
        name: record.name,
        certificates: [leaf, ...chain].map((der) => ({ der, source: record.name })),
      };
    },
  };
}
