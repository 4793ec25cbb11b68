import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFiles } from '../../../electron/core/pki/read';
import { selectIdentity } from '../../../electron/core/pki/select';
import { parseCertificate } from '../../../electron/core/pki/certificate';
import { isStudioError } from '../../../electron/common/errors';
import { makeTestPki, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { bytes, fingerprint } from './pki-fixtures';

const dir = useTempDir();
let a: TestPki;
let b: TestPki;
const bundle = (...files: string[]) => readFiles(files.map((path) => ({ path, bytes: bytes(path) })));
const sha = (der: Uint8Array) => parseCertificate(der, 'x').sha256;
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isStudioError(error)) return { code: error.code, message: error.message, hint: error.hint };
    throw error;
  }
  return null;
};

beforeAll(() => {
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  a = makeTestPki(join(dir, 'a'), undefined, 'Alice');
  b = makeTestPki(join(dir, 'b'), undefined, 'Bob');
});

describe('selectIdentity', () => {
  it('pairs the key with its certificate and returns the issuers parent → root', () => {
    const identity = selectIdentity(bundle(a.rootCert, a.leafKey, a.intermediateCert, a.leafCert));
    expect(sha(identity.leaf.der)).toBe(fingerprint(a.leafCert));
    expect(identity.chain.map((c) => sha(c.der))).toEqual([fingerprint(a.intermediateCert), fingerprint(a.rootCert)]);
    expect(identity.key.source).toBe('leaf.key');
  });

  it('NO_PRIVATE_KEY, NO_CERTIFICATE and KEY_MISMATCH', () => {
    expect(code(() => selectIdentity(bundle(a.leafCert)))?.code).toBe('NO_PRIVATE_KEY');
    expect(code(() => selectIdentity(bundle(a.leafKey)))?.code).toBe('NO_CERTIFICATE');
    expect(code(() => selectIdentity(bundle(a.leafCert, b.leafKey)))?.code).toBe('KEY_MISMATCH');
  });

  it('AMBIGUOUS_SELECTION lists each pair so one can be chosen with --select', () => {
    const two = bundle(a.leafCert, a.leafKey, b.leafCert, b.leafKey);
    const error = code(() => selectIdentity(two))!;
    expect(error.code).toBe('AMBIGUOUS_SELECTION');
    expect(error.message).toContain(`${fingerprint(a.leafCert)} Alice`);
    expect(error.message).toContain(`${fingerprint(b.leafCert)} Bob`);
    expect(error.hint).toContain('--select');
    const chosen = selectIdentity(two, fingerprint(b.leafCert).toUpperCase());
    expect(sha(chosen.leaf.der)).toBe(fingerprint(b.leafCert));
    expect(chosen.key.source).toBe('leaf.key');
  });

  it('a selected certificate that is absent, or has no key, is an error', () => {
    expect(code(() => selectIdentity(bundle(a.leafCert, a.leafKey), '00'.repeat(32)))?.code).toBe('NO_CERTIFICATE');
    expect(code(() => selectIdentity(bundle(a.leafCert, a.leafKey, b.leafCert), fingerprint(b.leafCert)))?.code).toBe('KEY_MISMATCH');
  });

  it('the same key in two files is one key', () => {
    expect(sha(selectIdentity(bundle(a.leafCert, a.leafKey, a.leafKey)).leaf.der)).toBe(fingerprint(a.leafCert));
  });
});
