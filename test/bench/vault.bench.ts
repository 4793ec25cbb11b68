/**
 * The identity vault: listing 10,000 identities, importing one identity (PKCS#12 KDF excluded — the file is
 * inspected first, as the app's import wizard does), and the keychain round trip, measured on its own against
 * gnome-keyring's Secret Service in a private D-Bus session.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServices, type Keychain } from '../../electron/core';
import { createOsKeychain } from '../../electron/core/vault/keychain';
import type { VaultIndex } from '../../electron/core/vault/schema';
import { startKeyring } from '../helpers/private-keyring';
import type { BenchRow } from './types';

const IDENTITIES = 10_000;
const IMPORTS = 12;

async function medianMs(rounds: number, fn: () => unknown): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(rounds / 2)]!;
}

/** Keeps data keys in memory: only to measure import without the keychain write, which is measured separately. */
function memoryKeychain(): Keychain {
  const keys = new Map<string, Uint8Array>();
  return {
    setDataKey: async (account, key) => void keys.set(account, new Uint8Array(key)),
    getDataKey: async (account) => keys.get(account) ?? null,
    deleteDataKey: async (account) => keys.delete(account),
    listAccounts: async () => [...keys.keys()],
  };
}

function selfSignedP12(dir: string, name: string): string {
  const f = (ext: string) => join(dir, `${name}.${ext}`);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f('key'), '-out', f('crt'), '-subj', `/CN=${name}`, '-days', '365']);
  run(['pkcs12', '-export', '-in', f('crt'), '-inkey', f('key'), '-out', f('p12'), '-passout', 'pass:bench']);
  return f('p12');
}

/** A vault.json with 10,000 identities: copies of one real record with their own ids, names, dates and hosts. */
function fillVault(home: string): void {
  const path = join(home, 'vault', 'vault.json');
  const index = JSON.parse(readFileSync(path, 'utf8')) as VaultIndex;
  const model = index.identities[0]!;
  const day = 86_400_000;
  index.identities = Array.from({ length: IDENTITIES }, (_, i) => ({
    ...model,
    id: randomUUID(),
    name: `Partner ${String(i).padStart(5, '0')} ${i % 7 === 0 ? 'staging' : 'production'}`,
    hosts: [`api${i}.partner.example`, `*.p${i}.example.com:8443`],
    labels: i % 3 === 0 ? ['production'] : [],
    certificate: { ...model.certificate, notAfter: new Date(Date.parse(model.certificate.notAfter) - (i % 400) * day).toISOString() },
  }));
  writeFileSync(path, JSON.stringify(index));
}

export async function benchVault(): Promise<BenchRow[]> {
  const keyring = await startKeyring();
  process.env.DBUS_SESSION_BUS_ADDRESS = keyring.env.DBUS_SESSION_BUS_ADDRESS;
  const dir = mkdtempSync(join(tmpdir(), 'mtls-bench-vault-'));
  try {
    // list
    const listHome = join(dir, 'list-home');
    const seed = createServices({ home: listHome });
    const { inspectionId } = await seed.files.inspect({ paths: [selfSignedP12(dir, 'seed')], password: 'bench' });
    await seed.vault.import({ inspectionId });
    fillVault(listHome);
    const indexPath = join(listHome, 'vault', 'vault.json');
    const cold = await medianMs(15, async () => {
      if ((await createServices({ home: listHome }).vault.list()).identities.length !== IDENTITIES) throw new Error('list lost identities');
    });
    const warmServices = createServices({ home: listHome });
    const warm = await medianMs(15, () => warmServices.vault.list({ sort: 'expiry' }));
    const parseOnly = await medianMs(15, () => JSON.parse(readFileSync(indexPath, 'utf8')));
    const cli = resolve('dist/cli/mtls-studio.cjs');
    const env = { ...process.env, MTLS_STUDIO_HOME: listHome };
    const cliList = await medianMs(7, () => {
      if (spawnSync(process.execPath, [cli, 'identity', 'list', '--json'], { env, stdio: 'ignore' }).status !== 0) throw new Error('identity list failed');
    });
    const cliStart = await medianMs(7, () => spawnSync(process.execPath, [cli, '--version'], { stdio: 'ignore' }));

    // import, KDF excluded: every input is inspected (decrypted) before the clock starts
    const importMs = async (keychain: Keychain | undefined, label: string) => {
      const services = createServices({ home: join(dir, `import-${label}`), ...(keychain ? { keychain } : {}) });
      const inspections: string[] = [];
      for (let i = 0; i <= IMPORTS; i++) inspections.push((await services.files.inspect({ paths: [selfSignedP12(dir, `${label}-${i}`)], password: 'bench' })).inspectionId);
      let next = 0;
      return medianMs(IMPORTS, () => services.vault.import({ inspectionId: inspections[next++]! }));
    };
    const withoutKeychain = await importMs(memoryKeychain(), 'memory');
    const withSecretService = await importMs(undefined, 'secret-service');

    // keychain round trip: store, read back and delete one 32-byte data key
    const osKeychain = createOsKeychain('mtls-studio-bench');
    const dataKey = new Uint8Array(32).fill(7);
    const roundTrip = await medianMs(25, async () => {
      await osKeychain.setDataKey('bench', dataKey, 'store the bench key');
      if ((await osKeychain.getDataKey('bench', 'read the bench key'))?.length !== 32) throw new Error('round trip lost the key');
      await osKeychain.deleteDataKey('bench', 'delete the bench key');
    });
    const secretTool = await medianMs(9, () => {
      keyring.secretTool(['store', '--label=bench', 'service', 'mtls-studio-bench', 'username', 'tool'], Buffer.from(dataKey).toString('base64'));
      keyring.secretTool(['lookup', 'service', 'mtls-studio-bench', 'username', 'tool']);
      keyring.secretTool(['clear', 'service', 'mtls-studio-bench', 'username', 'tool']);
    });

    const unit = 'ms (median)';
    return [
      { name: `vault: list ${IDENTITIES.toLocaleString('en')} identities, cold (read + validate + sort) vs bare JSON.parse`, ours: cold, reference: parseOnly, unit, ratio: parseOnly / cold, goal: 'ours < 100 ms' },
      { name: `vault: list ${IDENTITIES.toLocaleString('en')} identities, warm (file unchanged) vs cold`, ours: warm, reference: cold, unit, ratio: cold / warm, goal: 'information only' },
      { name: `CLI: identity list --json, ${IDENTITIES.toLocaleString('en')} identities vs --version`, ours: cliList, reference: cliStart, unit, ratio: cliStart / cliList, goal: 'information only' },
      { name: 'vault: import one identity (PKCS#12 KDF excluded), keychain write excluded vs included', ours: withoutKeychain, reference: withSecretService, unit, ratio: withSecretService / withoutKeychain, goal: 'ours < 30 ms' },
      { name: 'keychain round trip (store + read + delete a data key, Secret Service) vs secret-tool', ours: roundTrip, reference: secretTool, unit, ratio: secretTool / roundTrip, goal: 'information only' },
    ];
  } finally {
    keyring.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
