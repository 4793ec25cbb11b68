/**
 * Identities issued per second — a new key plus its client certificate (EKU clientAuth, keyUsage, SAN, SKI/AKI,
 * random serial) from the same P-256 issuing CA — by the CA engine in-process, beside the OpenSSL pipeline teams
 * script today (`openssl req -new -newkey … | openssl x509 -req -CA …`), one identity after the other on both sides.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRootCa, issueIdentity, type KeyType } from '../../electron/core/ca';
import { encodePem } from '../../electron/core/pki';
import type { BenchRow } from './types';

/** budgetMs: wall time for the case, split between the two sides */
const CASES: { keyType: KeyType; label: string; newkey: string; budgetMs: number; goal: string }[] = [
  { keyType: 'ec-p256', label: 'EC P-256', newkey: 'ec -pkeyopt ec_paramgen_curve:P-256', budgetMs: 4_000, goal: 'ratio ≥ 2× (no process per identity)' },
  { keyType: 'rsa-2048', label: 'RSA-2048', newkey: 'rsa:2048', budgetMs: 16_000, goal: '≈ 1×: RSA key generation dominates (same OpenSSL underneath)' },
];

const EXTENSIONS = `[client]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth
subjectAltName=email:bench@example.com
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
`;

/**
 * Identities/second of both sides, measured in alternating blocks (ours for a while, then OpenSSL's, …) so that
 * load from other processes on this shared machine falls on both alike while each side runs in its steady state,
 * as a batch does. RSA key generation time varies a lot from key to key, hence the larger budget.
 */
async function alternating(budgetMs: number, ours: (i: number) => Promise<unknown>, reference: () => unknown): Promise<{ ours: number; reference: number }> {
  const blockMs = budgetMs / 8;
  await ours(0); // warm-up: JIT, WebCrypto import of the CA key
  reference();
  const total = { ours: { count: 0, ms: 0 }, reference: { count: 0, ms: 0 } };
  const block = async (side: 'ours' | 'reference') => {
    const start = performance.now();
    let elapsed: number;
    do {
      if (side === 'ours') await ours(total.ours.count);
      else reference();
      total[side].count++;
      elapsed = performance.now() - start;
    } while (elapsed < blockMs);
    total[side].ms += elapsed;
  };
  while (total.ours.ms + total.reference.ms < budgetMs) {
    await block('ours');
    await block('reference');
  }
  return { ours: (total.ours.count * 1000) / total.ours.ms, reference: (total.reference.count * 1000) / total.reference.ms };
}

export async function benchCa(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mtls-bench-ca-'));
  try {
    const ca = await createRootCa({ subject: 'CN=Bench CA' });
    const caPem = join(dir, 'ca.pem');
    const caKey = join(dir, 'ca.key');
    const extFile = join(dir, 'ext.cnf');
    writeFileSync(caPem, ca.pem);
    writeFileSync(caKey, encodePem('PRIVATE KEY', ca.key.pkcs8), { mode: 0o600 });
    writeFileSync(extFile, EXTENSIONS);
    const issuer = { certificate: ca.certificate, privateKey: ca.key.privateKey };
    const rows: BenchRow[] = [];
    for (const { keyType, label, newkey, budgetMs, goal } of CASES) {
      const script =
        `openssl req -new -newkey ${newkey} -nodes -keyout "${dir}/k.pem" -subj "/CN=bench" 2>/dev/null` +
        ` | openssl x509 -req -CA "${caPem}" -CAkey "${caKey}" -days 397 -extfile "${extFile}" -extensions client -out "${dir}/c.pem" 2>/dev/null`;
      const { ours, reference } = await alternating(
        budgetMs,
        (i) => issueIdentity(issuer, { profile: 'client', subject: `CN=bench ${i}`, sans: ['email:bench@example.com'], keyType }),
        () => execFileSync('sh', ['-c', script], { stdio: 'ignore' }),
      );
      rows.push({
        name: `CA: identities issued (key + client certificate), ${label}, vs openssl req | openssl x509 -req`,
        ours,
        reference,
        unit: 'identities/s',
        ratio: ours / reference,
        goal,
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
