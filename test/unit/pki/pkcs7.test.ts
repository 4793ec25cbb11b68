import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePkcs7, readPkcs7 } from '../../../electron/core/pki/pkcs7';
import { parseCertificate } from '../../../electron/core/pki/certificate';
import { readContent } from '../../../electron/core/pki/read';
import { pkcs7Pem } from '../../../electron/core/pki/write/pkcs7';
import { makeTestPki, openssl, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { bytes, fingerprint, makeOpensslCa, text } from './pki-fixtures';

const dir = useTempDir();
let pki: TestPki;
let chainPem: string;
const out = (name: string) => join(dir, name);

beforeAll(() => {
  pki = makeTestPki(dir);
  chainPem = out('chain.pem');
  writeFileSync(chainPem, text(pki.leafCert) + text(pki.intermediateCert) + text(pki.rootCert));
  openssl(['crl2pkcs7', '-nocrl', '-certfile', chainPem, '-outform', 'DER', '-out', out('chain.p7b')]);
  openssl(['crl2pkcs7', '-nocrl', '-certfile', chainPem, '-out', out('chain.p7b.pem')]);
});

const fingerprints = () => [pki.leafCert, pki.intermediateCert, pki.rootCert].map((f) => fingerprint(f));

describe('PKCS#7 reading', () => {
  it('takes certificates from openssl crl2pkcs7 output (DER and PEM) in order, with their exact bytes', () => {
    for (const file of ['chain.p7b', 'chain.p7b.pem']) {
      const content = readContent(bytes(out(file)), file);
      expect(content.format).toBe(file.endsWith('.pem') ? 'pem' : 'der-pkcs7');
      expect(content.certificates.map((c) => parseCertificate(c.der, file).sha256)).toEqual(fingerprints());
    }
  });

  it('reads the CMS label and CRLs inside the SignedData', () => {
    const ca = makeOpensslCa(join(dir, 'ca'));
    const crl = ca.crl('list');
    openssl(['crl2pkcs7', '-in', crl, '-certfile', ca.cert, '-out', out('with-crl.p7b')]);
    const cms = text(out('with-crl.p7b')).replace(/PKCS7/g, 'CMS');
    const content = readContent(new Uint8Array(Buffer.from(cms)), 'with-crl.p7b');
    expect(content.certificates).toHaveLength(1);
    expect(content.crls).toHaveLength(1);
    openssl(['crl', '-in', crl, '-outform', 'DER', '-out', out('list.crl.der')]);
    expect(Buffer.from(content.crls[0]!.der).equals(Buffer.from(bytes(out('list.crl.der'))))).toBe(true);
  });

  it('refuses PKCS#7 that is not signedData, naming its type', () => {
    const data = Uint8Array.from([0x30, 0x0f, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x03, 0xa0, 0x02, 0x30, 0x00]);
    expect(() => readContent(data, 'env.p7m')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('envelopedData') }));
  });
});

describe('PKCS#7 writing', () => {
  it('writes the same bytes as openssl crl2pkcs7 -nocrl', () => {
    const certs = readPkcs7(bytes(out('chain.p7b'))).certificates;
    expect(Buffer.from(encodePkcs7(certs)).equals(Buffer.from(bytes(out('chain.p7b'))))).toBe(true);
  });

  it('labels the PEM PKCS7 and openssl pkcs7 -print_certs lists the certificates in order', () => {
    const certs = readPkcs7(bytes(out('chain.p7b'))).certificates;
    const pem = pkcs7Pem(certs);
    expect(pem.startsWith('-----BEGIN PKCS7-----\n')).toBe(true);
    writeFileSync(out('ours.p7b'), pem);
    const printed = openssl(['pkcs7', '-in', out('ours.p7b'), '-print_certs']);
    expect([...printed.matchAll(/subject=.*CN = ([^,\n]+)/g)].map((m) => m[1])).toEqual(['Test Client', 'Test Intermediate CA', 'Test Root CA']);
  });
});
