import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describePrivateKey, traditionalToPkcs8 } from '../../../electron/core/pki/keys';
import { bytesToKey, readTraditionalKey } from '../../../electron/core/pki/traditional-key';
import { parsePem } from '../../../electron/core/pki/pem';
import { readContent } from '../../../electron/core/pki/read';
import { encodePem } from '../../../electron/core/pki/pem';
import { openssl } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { bytes, genKey, KEY_ALGS, pubkeyOf, text } from './pki-fixtures';

const dir = useTempDir();
const keys: Record<string, string> = {};

beforeAll(() => {
  for (const alg of Object.keys(KEY_ALGS)) keys[alg] = genKey(dir, alg, alg);
});

const EXPECTED: Record<string, { algorithm: string; bits: number; curve: string | null }> = {
  'rsa-1024': { algorithm: 'RSA', bits: 1024, curve: null },
  'rsa-2048': { algorithm: 'RSA', bits: 2048, curve: null },
  'rsa-4096': { algorithm: 'RSA', bits: 4096, curve: null },
  'p-256': { algorithm: 'EC', bits: 256, curve: 'P-256' },
  'p-384': { algorithm: 'EC', bits: 384, curve: 'P-384' },
  'p-521': { algorithm: 'EC', bits: 521, curve: 'P-521' },
  secp256k1: { algorithm: 'EC', bits: 256, curve: 'secp256k1' },
  ed25519: { algorithm: 'Ed25519', bits: 256, curve: null },
  ed448: { algorithm: 'Ed448', bits: 456, curve: null },
};

describe('describePrivateKey', () => {
  it.each(Object.keys(EXPECTED))('describes %s like openssl and derives its public key', (alg) => {
    const pkcs8 = parsePem(text(keys[alg]!))[0]!.der;
    const details = describePrivateKey(pkcs8, `${alg}.key`);
    expect({ algorithm: details.algorithm, bits: details.bits, curve: details.curve }).toEqual(EXPECTED[alg]);
    const bitsLine = openssl(['pkey', '-in', keys[alg]!, '-noout', '-text']).split('\n')[0]!;
    const opensslBits = /\((\d+) bit/.exec(bitsLine)?.[1];
    if (opensslBits !== undefined) expect(details.bits).toBe(Number(opensslBits));
    expect(encodePem('PUBLIC KEY', details.spki)).toBe(pubkeyOf(keys[alg]!));
  });

  it('names the OID of an algorithm it cannot load', () => {
    // PKCS#8 with a made-up algorithm 1.2.3.4
    const der = Uint8Array.from([0x30, 0x0e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x04, 0x02, 0x01, 0x02]);
    expect(() => describePrivateKey(der, 'odd.key')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_ALGORITHM', message: expect.stringContaining('1.2.3.4') }));
  });
});

describe('traditional keys', () => {
  it('converts RSA PRIVATE KEY (PKCS#1) and EC PRIVATE KEY (SEC1) to the PKCS#8 openssl makes', () => {
    for (const [alg, command] of [['rsa-2048', 'rsa'], ['p-384', 'ec']] as const) {
      const traditional = join(dir, `${alg}.trad.pem`);
      openssl([command, '-in', keys[alg]!, ...(command === 'rsa' ? ['-traditional'] : []), '-out', traditional]);
      const block = parsePem(text(traditional))[0]!;
      expect(block.label).toBe(alg.startsWith('rsa') ? 'RSA PRIVATE KEY' : 'EC PRIVATE KEY');
      const pkcs8 = traditionalToPkcs8(block.der, alg.startsWith('rsa') ? 'pkcs1' : 'sec1', 'k');
      expect(encodePem('PRIVATE KEY', pkcs8)).toBe(text(keys[alg]!));
    }
  });

  it('derives keys like OpenSSL EVP_BytesToKey (MD5, 1 iteration)', () => {
    const out = openssl(['enc', '-aes-256-cbc', '-md', 'md5', '-S', '0102030405060708', '-pass', 'pass:pässword', '-P']);
    const key = /key=([0-9A-F]+)/.exec(out)![1]!.toLowerCase();
    expect(bytesToKey(Buffer.from('pässword'), Buffer.from('0102030405060708', 'hex'), 32).toString('hex')).toBe(key);
  });

  it.each([
    ['rsa', '-des3', 'DES-EDE3-CBC'],
    ['rsa', '-aes128', 'AES-128-CBC'],
    ['rsa', '-aes192', 'AES-192-CBC'],
    ['ec', '-aes256', 'AES-256-CBC'],
  ])('decrypts `openssl %s %s` keys (%s), and tells a wrong or missing password apart', (command, cipher, dekName) => {
    const source = command === 'rsa' ? keys['rsa-1024']! : keys['p-256']!;
    const file = join(dir, `enc-${command}${cipher}.pem`);
    openssl([command, '-in', source, ...(command === 'rsa' ? ['-traditional'] : []), cipher, '-passout', 'pass:s3cret-密码', '-out', file]);
    const block = parsePem(text(file))[0]!;
    expect(block.headers['DEK-Info']).toMatch(new RegExp(`^${dekName},`));
    const type = command === 'rsa' ? 'pkcs1' : 'sec1';
    const { pkcs8, wasEncrypted } = readTraditionalKey(block.der, block.headers, type, 's3cret-密码', 'enc.pem');
    expect(wasEncrypted).toBe(true);
    expect(encodePem('PRIVATE KEY', pkcs8)).toBe(text(source));
    expect(() => readTraditionalKey(block.der, block.headers, type, 'wrong', 'enc.pem')).toThrow(expect.objectContaining({ code: 'WRONG_PASSWORD', message: "cannot read 'enc.pem': wrong password" }));
    expect(() => readTraditionalKey(block.der, block.headers, type, undefined, 'enc.pem')).toThrow(expect.objectContaining({ code: 'PASSWORD_REQUIRED' }));
  });

  it('reads the seed 003 recipe: openssl genrsa -traditional -des3 1024', () => {
    const file = join(dir, 'seed003.key');
    openssl(['genrsa', '-traditional', '-des3', '-passout', 'pass:test', '-out', file, '1024']);
    expect(text(file)).toContain('Proc-Type: 4,ENCRYPTED');
    const content = readContent(bytes(file), 'seed003.key', { password: 'test' });
    expect(content.privateKeys).toHaveLength(1);
    expect(content.privateKeys[0]!.wasEncrypted).toBe(true);
    expect(describePrivateKey(content.privateKeys[0]!.pkcs8, 'k').bits).toBe(1024);
    expect(encodePem('PUBLIC KEY', describePrivateKey(content.privateKeys[0]!.pkcs8, 'k').spki)).toBe(pubkeyOf(file, ['-passin', 'pass:test']));
  });

  it('names single DES (legacy provider only in OpenSSL 3) as UNSUPPORTED_ALGORITHM', () => {
    const file = join(dir, 'des.pem');
    openssl(['rsa', '-in', keys['rsa-1024']!, '-traditional', '-des', '-passout', 'pass:test', '-out', file, '-provider', 'legacy', '-provider', 'default']);
    expect(text(file)).toContain('DEK-Info: DES-CBC,');
    expect(() => readContent(bytes(file), 'des.pem', { password: 'test' })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_ALGORITHM', message: expect.stringContaining('DES-CBC') }));
  });

  it('calls a damaged ciphertext or IV corrupt, not a wrong password', () => {
    const file = join(dir, 'enc-rsa-des3.pem');
    const good = text(join(dir, 'enc-rsa-des3.pem'));
    writeFileSync(file + '.iv', good.replace(/DEK-Info: DES-EDE3-CBC,[0-9A-F]+/, 'DEK-Info: DES-EDE3-CBC,00'));
    expect(() => readContent(bytes(file + '.iv'), 'k.pem', { password: 's3cret-密码' })).toThrow(expect.objectContaining({ code: 'CORRUPT_INPUT' }));
  });
});
