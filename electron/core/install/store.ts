import { createHash } from 'node:crypto';
import type { StoreDescription } from '../../common/dto/install';

/** A certificate found in a store, identified by its fingerprints (the store's own name for it is only for display). */
export interface StoreEntry {
  /** null where the store only reports SHA-1 thumbprints (Windows, macOS) */
  sha256: string | null;
  sha1: string;
  nickname: string | null;
  hasKey: boolean;
}

/** What install needs: the key (PKCS#8 DER, wiped by the caller), the certificates leaf first, and names. */
export interface IdentityMaterial {
  name: string;
  /** the name the store shows: unique per certificate, so removing by name cannot hit another identity */
  nickname: string;
  key: Uint8Array;
  certificates: Uint8Array[];
}

export interface CertificateStore {
  description: StoreDescription;
  /** what the store holds right now (checked live) */
  entries(): Promise<StoreEntry[]>;
  install(material: IdentityMaterial, options: { trustCa: boolean }): Promise<{ nickname: string | null; caTrusted: boolean }>;
  /** removes the certificate and its private key */
  remove(entry: StoreEntry): Promise<void>;
}

export function fingerprints(der: Uint8Array): { sha256: string; sha1: string } {
  return { sha256: createHash('sha256').update(der).digest('hex'), sha1: createHash('sha1').update(der).digest('hex') };
}

/** Does this store entry hold the certificate with these fingerprints? SHA-256 where the store gives it, else SHA-1. */
export function sameCertificate(entry: StoreEntry, certificate: { sha256: string; sha1: string }): boolean {
  return entry.sha256 !== null ? entry.sha256 === certificate.sha256 : entry.sha1 === certificate.sha1;
}

/**
 * The nickname an identity gets in a store: its name plus the start of its fingerprint, so a renewed certificate
 * under the same name gets another nickname. ':' is left out: NSS reads "token:nickname".
 */
export function storeNickname(name: string, sha256: string): string {
  const clean = name.replace(/[:\p{Cc}]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 64) || 'identity';
  return `${clean} (mTLS Studio ${sha256.slice(0, 8)})`;
}

/** DER of each PEM block in a text (certutil -a output). */
export function pemCertificates(text: string): Uint8Array[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new Uint8Array(Buffer.from(block.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64')));
}
