/**
 * PKCS#12 read and write, in-process, side by side with node-forge on the same files and inputs.
 * RSA-2048 (forge handles RSA only), 2048 iterations everywhere (OpenSSL 3's default), ops/second as the
 * median of several timed rounds after a warm-up.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { readPkcs12, writePkcs12 } from '../../electron/core/pki/pkcs12';
import type { BenchRow } from './types';

const ROUNDS = 7;
const ROUND_MS = 400;
const PASSWORD = 'bench password';

/** Median ops/second over ROUNDS rounds of at least ROUND_MS each. */
function opsPerSecond(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up (JIT, lazy init)
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let ops = 0;
    const start = performance.now();
    let elapsed: number;
    do {
      fn();
      ops++;
      elapsed = performance.now() - start;
    } while (elapsed < ROUND_MS);
    rates.push((ops * 1000) / elapsed);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(ROUNDS / 2)]!;
}

function row(name: string, ours: number, reference: number): BenchRow {
  return {
    name,
    ours,
    reference,
    unit: 'ops/s (median)',
    ratio: ours / reference,
    goal: 'ratio ≥ 2× (faster than node-forge)',
  };
}

export async function benchPkcs12(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mtls-bench-p12-'));
  try {
    const f = (n: string) => join(dir, n);
    const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
    run([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      f('k.pem'),
      '-out',
      f('c.pem'),
      '-subj',
      '/CN=bench client',
      '-days',
      '30',
    ]);
    run([
      'pkcs12',
      '-export',
      '-in',
      f('c.pem'),
      '-inkey',
      f('k.pem'),
      '-name',
      'bench',
      '-out',
      f('modern.p12'),
      '-passout',
      `pass:${PASSWORD}`,
      '-iter',
      '2048',
      '-maciter',
    ]);
    run([
      'pkcs12',
      '-export',
      '-legacy',
      '-in',
      f('c.pem'),
      '-inkey',
      f('k.pem'),
      '-name',
      'bench',
      '-out',
      f('legacy.p12'),
      '-passout',
      `pass:${PASSWORD}`,
    ]);
    run(['pkcs8', '-topk8', '-nocrypt', '-in', f('k.pem'), '-outform', 'DER', '-out', f('k.p8')]);
    run(['x509', '-in', f('c.pem'), '-outform', 'DER', '-out', f('c.der')]);
    const modern = new Uint8Array(readFileSync(f('modern.p12')));
    const legacy = new Uint8Array(readFileSync(f('legacy.p12')));
    const pkcs8 = new Uint8Array(readFileSync(f('k.p8')));
    const certDer = new Uint8Array(readFileSync(f('c.der')));
    const forgeKey = forge.pki.privateKeyFromPem(readFileSync(f('k.pem'), 'utf8'));
    const forgeCert = forge.pki.certificateFromPem(readFileSync(f('c.pem'), 'utf8'));

    const forgeRead = (bytes: Uint8Array) => () => {
      const p12 = forge.pkcs12.pkcs12FromAsn1(
        forge.asn1.fromDer(Buffer.from(bytes).toString('binary')),
        false,
        PASSWORD,
      );
      const keys = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
        forge.pki.oids.pkcs8ShroudedKeyBag!
      ];
      if (!keys?.length) throw new Error('forge found no key');
    };
    const oursRead = (bytes: Uint8Array) => () => {
      if (readPkcs12(bytes, PASSWORD, 'bench.p12').privateKeys.length !== 1) throw new Error('no key');
    };
    const forgeWrite = (algorithm: 'aes256' | '3des') => () =>
      forge.asn1
        .toDer(
          forge.pkcs12.toPkcs12Asn1(forgeKey, [forgeCert], PASSWORD, {
            algorithm,
            count: 2048,
            saltSize: algorithm === 'aes256' ? 16 : 8,
            friendlyName: 'bench',
            generateLocalKeyId: true,
          }),
        )
        .getBytes();
    const oursWrite = (profile: 'modern' | 'compat') => () =>
      writePkcs12({
        key: { pkcs8, friendlyName: 'bench' },
        certificates: [{ der: certDer }],
        password: PASSWORD,
        profile,
        iterations: 2048,
        macIterations: 2048,
      });

    // sanity: both sides can do every job measured
    forgeRead(modern)();
    forgeRead(legacy)();
    oursRead(modern)();
    oursRead(legacy)();

    return [
      row(
        'PKCS#12 read, modern (OpenSSL 3 default: PBES2 AES-256, 2048 it., SHA-256 MAC)',
        opsPerSecond(oursRead(modern)),
        opsPerSecond(forgeRead(modern)),
      ),
      row(
        'PKCS#12 read, legacy (OpenSSL -legacy: RC2-40 certs, 3DES key, SHA-1 MAC)',
        opsPerSecond(oursRead(legacy)),
        opsPerSecond(forgeRead(legacy)),
      ),
      row(
        'PKCS#12 write, modern (forge: aes256, SHA-1 MAC — its closest)',
        opsPerSecond(oursWrite('modern')),
        opsPerSecond(forgeWrite('aes256')),
      ),
      row(
        'PKCS#12 write, compat 3DES (forge: 3des)',
        opsPerSecond(oursWrite('compat')),
        opsPerSecond(forgeWrite('3des')),
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
