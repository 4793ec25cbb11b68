/**
 * What the expiry tests share: client identities that expire in a given number of days (made by openssl), the
 * three partners both files import, and a start of the real main entry against the Electron stand-in.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Services } from '../../electron/core';
import { importFiles } from '../helpers/vault';
import type * as FakeElectron from './fake-electron';

/** a self-signed client identity (certificate, key) that expires `days` days from now */
export function expiringIdentityFiles(dir: string, name: string, days: number): string[] {
  const folder = join(dir, 'pki', name.replace(/\W/g, '-'));
  mkdirSync(folder, { recursive: true });
  const key = join(folder, 'key.pem');
  const cert = join(folder, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', `/CN=${name}`, '-days', String(days)], { stdio: 'ignore' });
  return [cert, key];
}

/** Imports 'Partner soon' (10 days), 'Partner later' (200) and 'Partner very soon' (2); returns their ids by name. */
export async function importPartners(services: Services, dir: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [name, days] of [['Partner soon', 10], ['Partner later', 200], ['Partner very soon', 2]] as const) {
    ids[name] = (await importFiles(services, expiringIdentityFiles(dir, name, days))).id;
  }
  return ids;
}

/**
 * Starts electron/main/index.ts on a data folder and makes the app ready. The test file must mock 'electron'
 * with ./fake-electron. The process handlers the entry installs are taken off at once so they never outlive the test.
 */
export async function startMainEntry(home: string): Promise<typeof FakeElectron> {
  vi.resetModules();
  const fake = (await import('electron')) as unknown as typeof FakeElectron;
  fake.resetFakeElectron();
  vi.stubEnv('MTLS_STUDIO_HOME', home);
  const before = { u: process.listeners('uncaughtException'), r: process.listeners('unhandledRejection') };
  const argv = process.argv;
  process.argv = ['/opt/mTLS Studio/mtls-studio'];
  try {
    await import('../../electron/main/index');
  } finally {
    process.argv = argv;
    for (const listener of process.listeners('uncaughtException')) if (!before.u.includes(listener)) process.removeListener('uncaughtException', listener);
    for (const listener of process.listeners('unhandledRejection')) if (!before.r.includes(listener)) process.removeListener('unhandledRejection', listener);
  }
  await fake.app.becomeReady();
  return fake;
}
