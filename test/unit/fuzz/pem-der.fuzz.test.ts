import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeBundle, readContent } from '../../../electron/core/pki';
import type { Bundle } from '../../../electron/core/pki/model';
import { fuzz, fuzzCount } from '../../helpers/fuzz';
import { makeTestPki, openssl, readBytes } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { makeOpensslCa } from '../pki/pki-fixtures';

/**
 * Mutation fuzzing of the PEM/DER readers: every truncated, bit-flipped or length-edited input must end in a
 * result or a StudioError within 200 ms, and every successful read must also describe without an untyped throw.
 */

const dir = useTempDir();
const PASSWORD = 'test';
const seeds: Record<string, Uint8Array> = {};
const f = (name: string) => join(dir, name);

beforeAll(() => {
  const pki = makeTestPki(dir, ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']);
  openssl(['pkcs12', '-export', '-in', pki.leafCert, '-inkey', pki.leafKey, '-certfile', pki.intermediateCert, '-name', 'partner', '-out', f('b.p12'), '-passout', 'pass:pw']);
  openssl(['pkcs12', '-in', f('b.p12'), '-passin', 'pass:pw', '-nodes', '-out', f('bag.pem')]);
  openssl(['x509', '-in', pki.leafCert, '-outform', 'DER', '-out', f('leaf.cer')]);
  openssl(['crl2pkcs7', '-nocrl', '-certfile', pki.leafCert, '-certfile', pki.intermediateCert, '-outform', 'DER', '-out', f('chain.p7b')]);
  openssl(['genrsa', '-traditional', '-des3', '-passout', `pass:${PASSWORD}`, '-out', f('trad.key'), '1024']);
  openssl(['req', '-in', pki.leafCert.replace('.crt', '.csr'), '-outform', 'DER', '-out', f('leaf.csr.der')]);
  const ca = makeOpensslCa(join(dir, 'ca'));
  ca.revoke(ca.issue('gone', '/CN=Gone').cert);
  seeds['pem bundle with Bag Attributes'] = readBytes(f('bag.pem'));
  seeds['DER certificate'] = readBytes(f('leaf.cer'));
  seeds['DER PKCS#7'] = readBytes(f('chain.p7b'));
  seeds['traditional encrypted RSA key'] = readBytes(f('trad.key'));
  seeds['DER CSR'] = readBytes(f('leaf.csr.der'));
  seeds['CRL'] = readBytes(ca.crl('fuzz'));
});

function readAndDescribe(bytes: Uint8Array): void {
  const content = readContent(bytes, 'x', { password: PASSWORD });
  const bundle: Bundle = { files: [{ path: 'x', format: content.format }], ...content };
  describeBundle(bundle, new Date());
}

describe('PEM/DER mutation fuzz', () => {
  it('every seed reads and describes before mutation', () => {
    for (const [name, seed] of Object.entries(seeds)) expect(() => readAndDescribe(seed), name).not.toThrow();
  });

  it.each(['pem bundle with Bag Attributes', 'DER certificate', 'DER PKCS#7', 'traditional encrypted RSA key', 'DER CSR', 'CRL'])(
    '%s: typed errors or results only, each < 200 ms',
    (name) => {
      const stats = fuzz([seeds[name]!], readAndDescribe, fuzzCount(), name.length);
      expect(stats.inputs).toBe(fuzzCount());
      expect(stats.typedErrors).toBeGreaterThan(0);
    },
  );
});
