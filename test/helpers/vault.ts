import { createPrivateKey } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../../electron/core';
import { openssl } from './openssl';

/** Imports files through the same path as the app: inspect (reads, asks for the password), then vault.import. */
export async function importFiles(services: Services, paths: string[], options: { password?: string; select?: string; name?: string } = {}) {
  const { password, ...rest } = options;
  const { inspectionId } = await services.files.inspect(password === undefined ? { paths } : { paths, password });
  return services.vault.import({ inspectionId, ...rest });
}

/** Every regular file under a folder, with its mode. */
export function filesUnder(folder: string): { path: string; mode: number; isDirectory: boolean }[] {
  const out: { path: string; mode: number; isDirectory: boolean }[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    out.push({ path, mode: statSync(path).mode & 0o777, isDirectory: entry.isDirectory() });
    if (entry.isDirectory()) out.push(...filesUnder(path));
  }
  return out;
}

/**
 * The encodings a leaked private key could take: PKCS#8 DER, the traditional (SEC1/PKCS#1) DER, the raw
 * private scalar or exponent (and its base64url, as JWK has it), the base64 of each DER (at the three byte alignments a base64 stream can have),
 * every line of the PEM body, and hex.
 */
export function privateKeyEncodings(keyFile: string): { name: string; bytes: Buffer }[] {
  const key = createPrivateKey(readFileSync(keyFile));
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' });
  const traditional = key.asymmetricKeyType === 'rsa' ? key.export({ format: 'der', type: 'pkcs1' }) : key.export({ format: 'der', type: 'sec1' });
  const jwk = key.export({ format: 'jwk' });
  const scalar = Buffer.from(jwk.d!, 'base64url');
  const forms: { name: string; bytes: Buffer }[] = [
    { name: 'PKCS#8 DER', bytes: pkcs8 },
    { name: 'traditional DER', bytes: traditional },
    { name: 'private scalar', bytes: scalar },
    { name: 'hex of PKCS#8 DER', bytes: Buffer.from(pkcs8.toString('hex')) },
    { name: 'hex of the private scalar', bytes: Buffer.from(scalar.toString('hex')) },
    { name: 'base64url of the private scalar (JWK)', bytes: Buffer.from(jwk.d!) },
  ];
  for (const [name, der] of [['PKCS#8', pkcs8], ['traditional', traditional], ['scalar', scalar]] as const) {
    for (let shift = 0; shift < 3; shift++) {
      // base64 of a substring starting at `shift`, without the last (padding-affected) characters
      const text = der.subarray(shift).toString('base64').replace(/=+$/, '').slice(0, -4);
      forms.push({ name: `base64 of ${name} DER (offset ${shift})`, bytes: Buffer.from(text) });
    }
  }
  const pemBody = openssl(['pkey', '-in', keyFile]).split('\n').filter((line) => line.length === 64);
  pemBody.forEach((line, i) => forms.push({ name: `PEM line ${i + 1}`, bytes: Buffer.from(line) }));
  return forms;
}
