import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { isStudioError } from '../../../electron/common/errors';
import { encodePem } from '../../../electron/core/pki';
import { createIntermediateCa, createRootCa, type CaSigner, type CreatedCa, type KeyMaterial } from '../../../electron/core/ca';
import { openssl } from '../../helpers/openssl';

/** A root → issuing CA hierarchy made by the engine, with PEM files for openssl in `dir`. */
export interface TestHierarchy {
  root: CreatedCa;
  issuing: CreatedCa;
  issuer: CaSigner;
  rootPem: string;
  issuingPem: string;
  /** issuing CA then root: what -CAfile needs */
  chainPem: string;
}

export async function makeHierarchy(dir: string, options: { rootDays?: number; issuingDays?: number; keyType?: 'ec-p256' | 'ec-p384' | 'rsa-2048' } = {}): Promise<TestHierarchy> {
  const root = await createRootCa({ subject: 'CN=Test Root CA,O=mTLS Studio Tests', ...(options.rootDays ? { days: options.rootDays } : {}), ...(options.keyType ? { keyType: options.keyType } : {}) });
  const issuing = await createIntermediateCa(
    { certificate: root.certificate, privateKey: root.key.pkcs8 },
    { subject: 'CN=Test Issuing CA,O=mTLS Studio Tests', ...(options.issuingDays ? { days: options.issuingDays } : {}) },
  );
  const rootPem = writeText(dir, 'root.pem', root.pem);
  const issuingPem = writeText(dir, 'issuing.pem', issuing.pem);
  const chainPem = writeText(dir, 'chain.pem', issuing.pem + root.pem);
  return { root, issuing, issuer: { certificate: issuing.certificate, privateKey: issuing.key.privateKey }, rootPem, issuingPem, chainPem };
}

export function writeText(dir: string, name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

export const writeKey = (dir: string, name: string, key: KeyMaterial): string => writeText(dir, name, encodePem('PRIVATE KEY', key.pkcs8));

/** `openssl verify` with the root as anchor and the issuing CA as untrusted intermediate; returns its output. */
export const verifyWithChain = (hierarchy: TestHierarchy, certPem: string, extra: string[] = []): string =>
  openssl(['verify', '-CAfile', hierarchy.rootPem, '-untrusted', hierarchy.issuingPem, ...extra, certPem]);

export const x509Text = (certPem: string): string => openssl(['x509', '-in', certPem, '-noout', '-text', '-nameopt', 'RFC2253,-esc_msb']);

/** Runs `fn`, expects a StudioError with `code`; returns it for further checks. */
export async function expectStudioError(fn: () => unknown, code: string): Promise<Error & { code: string; hint?: string; params?: Record<string, unknown> }> {
  try {
    await fn();
  } catch (error) {
    if (!isStudioError(error)) throw error;
    expect(error.code, error.message).toBe(code);
    expect(error.hint ?? '').not.toBe('');
    return error;
  }
  throw new Error(`expected a StudioError ${code}, nothing was thrown`);
}
