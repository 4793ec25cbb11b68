import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectDer } from '../../../electron/core/pki/detect';
import { makeTestPki, openssl, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { bytes, makeOpensslCa } from './pki-fixtures';

const dir = useTempDir();
let pki: TestPki;
const out = (name: string) => join(dir, name);

beforeAll(() => {
  pki = makeTestPki(dir, ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
  openssl(['x509', '-in', pki.leafCert, '-outform', 'DER', '-out', out('leaf.cer')]);
  openssl(['pkcs8', '-topk8', '-nocrypt', '-in', pki.leafKey, '-outform', 'DER', '-out', out('leaf.p8.der')]);
  openssl(['pkcs8', '-topk8', '-in', pki.leafKey, '-outform', 'DER', '-v2', 'aes-256-cbc', '-passout', 'pass:pw', '-out', out('leaf.enc.der')]);
  openssl(['rsa', '-in', pki.leafKey, '-traditional', '-outform', 'DER', '-out', out('leaf.pkcs1.der')]);
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-outform', 'DER', '-out', out('ec.sec1.der')]);
  openssl(['crl2pkcs7', '-nocrl', '-certfile', pki.leafCert, '-outform', 'DER', '-out', out('bundle.p7b')]);
  openssl(['req', '-in', pki.leafCert.replace('.crt', '.csr'), '-outform', 'DER', '-out', out('leaf.csr.der')]);
  const ca = makeOpensslCa(join(dir, 'ca'));
  openssl(['crl', '-in', ca.crl('empty'), '-outform', 'DER', '-out', out('empty.crl.der')]);
  // a v1 certificate (no version, no extensions)
  openssl(['x509', '-req', '-in', pki.leafCert.replace('.crt', '.csr'), '-signkey', pki.leafKey, '-days', '1', '-outform', 'DER', '-out', out('v1.cer')]);
});

describe('detectDer', () => {
  it.each([
    ['leaf.cer', 'certificate'],
    ['v1.cer', 'certificate'],
    ['leaf.p8.der', 'private-key'],
    ['leaf.enc.der', 'encrypted-private-key'],
    ['leaf.pkcs1.der', 'rsa-private-key'],
    ['ec.sec1.der', 'ec-private-key'],
    ['bundle.p7b', 'pkcs7'],
    ['leaf.csr.der', 'csr'],
    ['empty.crl.der', 'crl'],
  ])('recognises %s as %s by its content', (file, kind) => {
    expect(detectDer(bytes(out(file)))).toBe(kind);
  });

  it('does not use the extension: a certificate named .key is still a certificate', () => {
    expect(detectDer(bytes(out('leaf.cer')))).toBe('certificate');
  });

  it('returns null for PEM text, garbage, truncated DER and empty input', () => {
    expect(detectDer(bytes(pki.leafCert))).toBeNull();
    expect(detectDer(new Uint8Array([0x30, 0x82, 0xff, 0xff, 1, 2, 3]))).toBeNull();
    expect(detectDer(bytes(out('leaf.cer')).slice(0, 100))).toBeNull();
    expect(detectDer(new Uint8Array())).toBeNull();
    expect(detectDer(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]))).toBeNull();
  });
});
