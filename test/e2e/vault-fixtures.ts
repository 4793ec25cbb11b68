/**
 * Inputs and seeds for the vault e2e test: real files made by openssl at test time, and a vault of 10,000
 * identities written the quick way (one real import, then its record copied with new ids, names and dates —
 * how test/bench/vault.bench.ts fills a vault; only listing and scrolling are measured on it).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServices } from '../../electron/core';
import type { VaultIndex } from '../../electron/core/vault/schema';
import { makeTestPki, openssl, type TestPki } from '../helpers/openssl';
import { importFiles } from '../helpers/vault';

/** 59 characters of CN; with ",O=mTLS Studio Tests" the subject DN is 83 characters */
export const LONG_CN = 'Payments API gateway client for eu-central-1 production tier';
export const P12_PASSWORD = 'Partner-A p12 ключ 2026';

export interface Fixtures {
  partner: TestPki;
  /** partner's leaf, key and chain in one PKCS#12 (OpenSSL 3 defaults), with P12_PASSWORD */
  p12: string;
  /** RSA identity with the long DN, and an EC one: files with names of their own (a drop passes files by name) */
  long: { cert: string; key: string };
  other: { cert: string; key: string };
  /** a self-signed identity that expires in 12 days */
  soon: { cert: string; key: string };
}

export function makeFixtures(dir: string): Fixtures {
  const sub = (name: string) => {
    mkdirSync(join(dir, name), { recursive: true });
    return join(dir, name);
  };
  const partner = makeTestPki(sub('partner'), undefined, 'Partner A');
  const chain = join(partner.dir, 'chain.pem');
  writeFileSync(chain, readFileSync(partner.intermediateCert, 'utf8') + readFileSync(partner.rootCert, 'utf8'));
  const p12 = join(dir, 'partner-a.p12');
  openssl(['pkcs12', '-export', '-in', partner.leafCert, '-inkey', partner.leafKey, '-certfile', chain, '-name', 'partner-a', '-passout', `pass:${P12_PASSWORD}`, '-out', p12]);
  const renamed = (pki: TestPki, base: string) => {
    const files = { cert: join(pki.dir, `${base}.crt`), key: join(pki.dir, `${base}.key`) };
    copyFileSync(pki.leafCert, files.cert);
    copyFileSync(pki.leafKey, files.key);
    return files;
  };
  const long = renamed(makeTestPki(sub('long'), ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], LONG_CN), 'payments-gateway');
  const other = renamed(makeTestPki(sub('other'), undefined, 'Staging client'), 'staging');
  const soonDir = sub('soon');
  const soon = { cert: join(soonDir, 'soon.crt'), key: join(soonDir, 'soon.key') };
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', soon.key, '-out', soon.cert, '-subj', '/CN=Expiring soon/O=mTLS Studio Tests', '-days', '12'], { stdio: 'ignore' });
  return { partner, p12, long, other, soon };
}

export const BIG_VAULT = 10_000;

/** name of the i-th seeded identity; zero-padded so name order is index order */
export const seededName = (i: number) => `Partner ${String(i).padStart(5, '0')} ${i % 7 === 0 ? 'staging' : 'production'}`;

/** A data folder whose vault lists BIG_VAULT identities. */
export async function seedBigVault(home: string, files: string[]): Promise<void> {
  await importFiles(createServices({ home }), files);
  const path = join(home, 'vault', 'vault.json');
  const index = JSON.parse(readFileSync(path, 'utf8')) as VaultIndex;
  const model = index.identities[0]!;
  const day = 86_400_000;
  index.identities = Array.from({ length: BIG_VAULT }, (_, i) => ({
    ...model,
    id: randomUUID(),
    name: seededName(i),
    hosts: [`api${i}.partner.example`, `*.p${i}.example.com:8443`],
    labels: i % 3 === 0 ? ['production'] : [],
    certificate: { ...model.certificate, notAfter: new Date(Date.parse(model.certificate.notAfter) - (i % 400) * day).toISOString() },
  }));
  writeFileSync(path, JSON.stringify(index));
}
