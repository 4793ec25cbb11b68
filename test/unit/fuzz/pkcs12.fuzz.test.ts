/**
 * Mutation fuzz of the PKCS#12 reader: truncations, bit flips, byte overwrites and DER length edits of real
 * files, each read with its correct password. Every input must end in a result or a StudioError within
 * 200 ms. fuzzCount() inputs per format (20,000 by default; `npm run fuzz` raises it).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPkcs12, writePkcs12 } from '../../../electron/core/pki/pkcs12';
import { fuzz, fuzzCount } from '../../helpers/fuzz';
import { openssl, readBytes } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';

const dir = useTempDir('mtls-p12-fuzz-');
const seeds: Record<string, { bytes: Uint8Array; password: string }> = {};

beforeAll(() => {
  const f = (n: string) => join(dir, n);
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    f('k.pem'),
    '-out',
    f('c.pem'),
    '-subj',
    '/CN=fuzz',
    '-days',
    '30',
  ]);
  const exp = (out: string, password: string, options: string[]) => {
    openssl([
      'pkcs12',
      '-export',
      '-in',
      f('c.pem'),
      '-inkey',
      f('k.pem'),
      '-name',
      'fuzz 测试',
      '-out',
      f(out),
      '-passout',
      `pass:${password}`,
      ...options,
    ]);
    return readBytes(f(out));
  };
  seeds['openssl modern'] = { bytes: exp('modern.p12', 'pw-modern', []), password: 'pw-modern' };
  seeds['openssl -legacy'] = { bytes: exp('legacy.p12', 'pw-legacy', ['-legacy']), password: 'pw-legacy' };
  seeds['openssl -nomac'] = {
    bytes: exp('nomac.p12', 'pw-nomac', ['-nomac', '-legacy']),
    password: 'pw-nomac',
  };
  openssl(['pkcs8', '-topk8', '-nocrypt', '-in', f('k.pem'), '-outform', 'DER', '-out', f('k.p8')]);
  openssl(['x509', '-in', f('c.pem'), '-outform', 'DER', '-out', f('c.der')]);
  const compat = writePkcs12({
    key: { pkcs8: readBytes(f('k.p8')), friendlyName: 'fuzz' },
    certificates: [{ der: readBytes(f('c.der')) }],
    password: 'pw-compat',
    profile: 'compat',
  });
  seeds['our compat'] = { bytes: compat, password: 'pw-compat' };
});

describe('PKCS#12 reader under mutation', () => {
  it.each(['openssl modern', 'openssl -legacy', 'openssl -nomac', 'our compat'])(
    '%s: every input ends typed and fast',
    (name) => {
      const seed = seeds[name]!;
      // the unmutated seed reads
      expect(readPkcs12(seed.bytes, seed.password, 'f.p12').privateKeys).toHaveLength(1);
      const stats = fuzz(
        [seed.bytes],
        (b) => readPkcs12(b, seed.password, 'f.p12'),
        fuzzCount(),
        name.length,
      );
      expect(stats.inputs).toBe(fuzzCount());
      expect(stats.typedErrors).toBeGreaterThan(0);
    },
    180_000,
  );
});
