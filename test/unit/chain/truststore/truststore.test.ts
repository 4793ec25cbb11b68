import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TRUSTSTORE_FINDING_CODES,
  TRUSTSTORE_TARGETS,
  type TrustStoreReport,
  type TrustStoreSelection,
  type TrustStoreTarget,
} from '../../../../electron/common/dto/truststore';
import { createServices } from '../../../../electron/core';
import type { TrustStoreService } from '../../../../electron/core/chain/truststore';
import { openssl } from '../../../helpers/openssl';
import { useTempDir } from '../../../helpers/tmp';
import { expectStudioError } from '../../ca/ca-fixtures';
import { DAY_MS, makeCert, type MadeCert } from './truststore-fixtures';

const dir = useTempDir('truststore-unit-');
const file = (name: string) => join(dir, name);
const write = (name: string, content: string | Uint8Array) => {
  writeFileSync(file(name), content);
  return file(name);
};
const pem = (made: MadeCert) => readFileSync(made.cert, 'utf8');
const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

/** every finding code any test saw: the last test checks that each public code is produced somewhere */
const seen = new Set<string>();
const note = <T extends { findings: { code: string }[] }>(result: T): T => {
  for (const code of codes(result.findings)) seen.add(code);
  return result;
};

let root: MadeCert;
let intermediate: MadeCert;
let client: MadeCert;
let service: TrustStoreService;
/** null: the real time (certificates are made during the tests) */
let clock: Date | null = null;

const selection = (target: TrustStoreTarget, files: string[]): TrustStoreSelection => ({
  target,
  files,
  vaultCas: [],
});
const check = async (bundle: string, target: TrustStoreTarget, clients: string[] = []) => {
  const result = note(
    await service.check(
      bundle,
      target,
      clients.map((path) => ({ kind: 'file' as const, path })),
    ),
  );
  for (const verdict of result.clients) note(verdict);
  return result;
};
const errors = (report: TrustStoreReport) =>
  report.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.code);

beforeAll(() => {
  root = makeCert(dir, 'Unit Root CA');
  intermediate = makeCert(dir, 'Unit Issuing CA', { issuer: root });
  client = makeCert(dir, 'Unit Partner Client', { issuer: intermediate, leaf: true });
  service = createServices({ home: join(dir, 'home'), now: () => clock ?? new Date() }).truststore;
});

afterAll(() => {
  clock = null;
});

describe('build', () => {
  it.each(TRUSTSTORE_TARGETS)(
    'writes a %s bundle that passes its rules and that openssl verify accepts a client chain with',
    async (target) => {
      // the leaf and a duplicate root are in the input on purpose: build drops both, with a finding each
      const inputs =
        target === 'clb-alibaba'
          ? [client.cert, root.cert, root.cert]
          : [client.cert, intermediate.cert, root.cert, root.cert];
      const out = file(`bundle-${target}.pem`);
      const result = note(await service.build(selection(target, inputs), out));
      expect(result.passes, JSON.stringify(result.findings)).toBe(true);
      expect(result.written).toBe(out);
      expect(codes(result.findings)).toEqual(
        expect.arrayContaining(['TRUSTSTORE_NOT_A_CA', 'TRUSTSTORE_DUPLICATE']),
      );
      const text = readFileSync(out, 'utf8');
      expect(text).not.toMatch(/\r/);
      expect(text).not.toMatch(/\n\n/);
      expect(text.endsWith('-----END CERTIFICATE-----\n')).toBe(true);
      expect(statSync(out).mode & 0o777).toBe(0o644);
      // roots first, then what they issued
      expect(result.certificates.map((cert) => cert.commonName)).toEqual(
        target === 'clb-alibaba' ? ['Unit Root CA'] : ['Unit Root CA', 'Unit Issuing CA'],
      );
      const verify = target === 'clb-alibaba' ? ['-untrusted', intermediate.cert] : [];
      expect(openssl(['verify', '-CAfile', out, ...verify, client.cert])).toContain(': OK');
      // Alibaba CLB holds the root only: the client sends its intermediate, as nginx-family servers expect
      const clientFile =
        target === 'clb-alibaba' ? write('client-chain.pem', pem(client) + pem(intermediate)) : client.cert;
      const checked = await check(out, target, [clientFile]);
      expect(checked.passes).toBe(true);
      expect(checked.findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
      expect(checked.clients[0]!.accepted).toBe(true);
    },
  );

  it('orders children after their parents whatever the input order, and keeps an existing file unless told to replace it', async () => {
    const out = file('ordered.pem');
    const first = await service.build(selection('alb', [intermediate.cert, root.cert]), out);
    expect(first.certificates.map((cert) => cert.level)).toEqual([1, 2]);
    const before = readFileSync(out, 'utf8');
    const error = await expectStudioError(
      () => service.build(selection('alb', [root.cert]), out),
      'OUTPUT_EXISTS',
    );
    expect(error.hint).toMatch(/--force/);
    expect(readFileSync(out, 'utf8')).toBe(before);
    const replaced = await service.build(selection('alb', [root.cert]), out, { overwrite: true });
    expect(replaced.written).toBe(out);
    expect(readFileSync(out, 'utf8').match(/BEGIN CERTIFICATE/g)).toHaveLength(1);
  });

  it('writes nothing when the result would still break the target’s rules', async () => {
    const weak = makeCert(dir, 'Weak RSA1024 Root', { key: 'rsa1024' });
    const out = file('weak-apigw.pem');
    const result = note(await service.build(selection('apigw', [weak.cert]), out));
    expect(result.passes).toBe(false);
    expect(result.written).toBeNull();
    expect(errors(result)).toContain('TRUSTSTORE_WEAK_KEY');
    expect(() => statSync(out)).toThrow();
  });

  it('reads DER and PKCS#7 inputs, reports private keys left out, and says where CRLs go for each target', async () => {
    const der = file('root.der');
    openssl(['x509', '-in', root.cert, '-outform', 'DER', '-out', der]);
    const p7b = file('chain.p7b');
    openssl(['crl2pkcs7', '-nocrl', '-certfile', intermediate.cert, '-certfile', root.cert, '-out', p7b]);
    const withKey = write('ca-with-key.pem', pem(root) + readFileSync(root.key, 'utf8'));
    const crl = makeCrl(root);
    const alb = note(await service.preview(selection('alb', [der, p7b, withKey, crl])));
    expect(alb.certificates).toHaveLength(2);
    expect(codes(alb.findings)).toEqual(
      expect.arrayContaining(['TRUSTSTORE_NON_CERTIFICATE_BLOCK', 'TRUSTSTORE_CRL_SEPARATE']),
    );
    expect(alb.passes).toBe(true);
    const many = note(
      await service.preview(selection('alb', [root.cert, ...Array.from({ length: 31 }, () => crl)])),
    );
    expect(errors(many)).toEqual(['TRUSTSTORE_TOO_MANY_CRLS']);
    const apigw = note(await service.preview(selection('apigw', [root.cert, crl])));
    expect(
      apigw.findings.find((finding) => finding.code === 'TRUSTSTORE_REVOCATION_UNSUPPORTED')?.message,
    ).toMatch(/does not check revocation/);
    const clb = note(await service.preview(selection('clb-alibaba', [root.cert, crl])));
    expect(
      clb.findings.find((finding) => finding.code === 'TRUSTSTORE_REVOCATION_UNSUPPORTED')?.message,
    ).toMatch(/likely/);
  });
});

function makeCrl(ca: MadeCert): string {
  writeFileSync(file('index.txt'), '');
  writeFileSync(
    file('crl.cnf'),
    `[ca]\ndefault_ca=x\n[x]\ndatabase=${file('index.txt')}\ndefault_md=sha256\ndefault_crl_days=30\n`,
  );
  const out = file('root.crl');
  openssl(['ca', '-gencrl', '-config', file('crl.cnf'), '-keyfile', ca.key, '-cert', ca.cert, '-out', out]);
  return out;
}

describe('check: text rules', () => {
  it('reports blank lines, comments with "-", stray text and CRLF for ALB, with line numbers', async () => {
    const body = `${pem(root)}\n# issuing CA - partner A\n${pem(intermediate)}Bag Attributes\n`.replace(
      /\n/g,
      '\r\n',
    );
    const result = await check(write('messy.pem', body), 'alb');
    expect(errors(result)).toEqual(
      expect.arrayContaining(['TRUSTSTORE_BLANK_LINE', 'TRUSTSTORE_BAD_COMMENT', 'TRUSTSTORE_STRAY_TEXT']),
    );
    expect(codes(result.findings)).toContain('TRUSTSTORE_LINE_ENDINGS');
    const blank = result.findings.find((finding) => finding.code === 'TRUSTSTORE_BLANK_LINE')!;
    expect(blank.params?.lines).toBe(String(pem(root).split('\n').length));
    // a comment without '-' is fine for ALB
    const commented = await check(write('commented.pem', `# Unit Root CA\n${pem(root)}`), 'alb');
    expect(commented.passes).toBe(true);
  });

  it('calls undocumented text rules "likely" on other targets, refuses keys and binary bundles everywhere', async () => {
    const cloudfront = await check(write('comment-cf.pem', `# note\n${pem(root)}`), 'cloudfront');
    const stray = cloudfront.findings.find((finding) => finding.code === 'TRUSTSTORE_STRAY_TEXT')!;
    expect(stray.severity).toBe('warning');
    expect(stray.message).toMatch(/likely/);
    const withKey = await check(
      write('key-in-bundle.pem', pem(root) + readFileSync(root.key, 'utf8')),
      'apigw',
    );
    expect(errors(withKey)).toContain('TRUSTSTORE_NON_CERTIFICATE_BLOCK');
    expect(
      withKey.findings.find((finding) => finding.code === 'TRUSTSTORE_NON_CERTIFICATE_BLOCK')!.message,
    ).toMatch(/private key/);
    const der = file('bundle.der');
    openssl(['x509', '-in', root.cert, '-outform', 'DER', '-out', der]);
    const binary = await check(der, 'alb');
    expect(errors(binary)).toEqual(['TRUSTSTORE_NOT_PEM']);
    expect(binary.certificates).toHaveLength(1);
    const empty = await check(write('empty.pem', '# nothing here\n'), 'alb');
    expect(errors(empty)).toEqual(['TRUSTSTORE_EMPTY']);
  });
});

describe('check: certificate rules', () => {
  it('flags end-entity certificates and duplicates', async () => {
    const result = await check(write('leaf-dup.pem', pem(root) + pem(root) + pem(client)), 'alb');
    expect(errors(result)).toEqual(['TRUSTSTORE_NOT_A_CA']);
    expect(result.findings.find((finding) => finding.code === 'TRUSTSTORE_DUPLICATE')?.severity).toBe(
      'warning',
    );
  });

  it('counts certificates against the 25-certificate limit of ALB and CloudFront', async () => {
    const roots = Array.from({ length: 26 }, (_, i) => pem(makeCert(dir, `Many Root ${i}`))).join('');
    const bundle = write('many.pem', roots);
    for (const target of ['alb', 'cloudfront'] as const) {
      const result = await check(bundle, target);
      expect(errors(result)).toEqual(['TRUSTSTORE_TOO_MANY_CERTS']);
      expect(result.findings[0]!.params).toMatchObject({ count: 26, limit: 25 });
    }
    expect((await check(bundle, 'apigw')).passes).toBe(true);
  });

  it('enforces ALB’s 16 KB per CA and CloudFront’s 64 KB per bundle', async () => {
    const big = Array.from({ length: 4 }, (_, i) => makeCert(dir, `Big Root ${i}`, { bigSan: 420 }));
    expect(pem(big[0]!).length).toBeGreaterThan(16 * 1024);
    const one = await check(write('big-one.pem', pem(big[0]!)), 'alb');
    expect(errors(one)).toEqual(['TRUSTSTORE_CERT_TOO_LARGE']);
    const all = await check(write('big-all.pem', big.map(pem).join('')), 'cloudfront');
    expect(errors(all)).toEqual(['TRUSTSTORE_TOO_LARGE']);
  });

  it('finds CAs too deep for a depth of 4, and a client chain that is too deep', async () => {
    const level3 = makeCert(dir, 'Deep Level 3 CA', { issuer: intermediate });
    const level4 = makeCert(dir, 'Deep Level 4 CA', { issuer: level3 });
    const deepClient = makeCert(dir, 'Deep Client', { issuer: level4, leaf: true });
    const bundle = write('deep.pem', [root, intermediate, level3, level4].map(pem).join(''));
    const result = await check(bundle, 'alb', [deepClient.cert, client.cert]);
    expect(errors(result)).toEqual(['TRUSTSTORE_CHAIN_TOO_DEEP']);
    expect(result.findings[0]!.params).toMatchObject({ level: 4, depth: 5, limit: 4 });
    const [deep, fine] = result.clients;
    expect(deep!.accepted).toBe(false);
    expect(codes(deep!.findings)).toEqual(['TRUSTSTORE_CLIENT_CHAIN_TOO_DEEP']);
    expect(deep!.path).toHaveLength(5);
    expect(fine!.accepted).toBe(true);
  });

  it('needs every intermediate’s issuer for API Gateway; elsewhere a missing issuer is a likely problem', async () => {
    const bundle = write('intermediate-only.pem', pem(intermediate));
    const apigw = await check(bundle, 'apigw', [client.cert]);
    expect(errors(apigw)).toEqual(['TRUSTSTORE_MISSING_ISSUER']);
    expect(apigw.findings[0]!.hint).toContain('Unit Root CA');
    expect(apigw.clients[0]!.accepted).toBe(false);
    const alb = await check(bundle, 'alb');
    expect(alb.findings[0]).toMatchObject({ code: 'TRUSTSTORE_MISSING_ISSUER', severity: 'warning' });
    expect(alb.findings[0]!.message).toMatch(/likely/);
  });

  it('applies the key and signature rules of API Gateway, CloudFront and (as "likely") Alibaba CLB', async () => {
    const sha1 = makeCert(dir, 'SHA1 Root', { md: 'sha1', key: 'rsa2048' });
    const p521 = makeCert(dir, 'P521 Root', { key: 'ec521' });
    const p384 = makeCert(dir, 'P384 Root', { key: 'ec384' });
    // seed 003: a v1 self-signed root, RSA 1024, MD5
    const seed = makeCert(dir, 'Seed003 CLB Root', { key: 'rsa1024', md: 'md5', v1: true });
    expect(errors(await check(write('sha1.pem', pem(sha1)), 'apigw'))).toEqual(['TRUSTSTORE_WEAK_SIGNATURE']);
    expect(errors(await check(write('sha1.pem', pem(sha1)), 'cloudfront'))).toEqual([
      'TRUSTSTORE_WEAK_SIGNATURE',
    ]);
    expect((await check(write('sha1.pem', pem(sha1)), 'alb')).passes).toBe(true);
    expect(errors(await check(write('p521.pem', pem(p521)), 'cloudfront'))).toEqual([
      'TRUSTSTORE_UNSUPPORTED_KEY',
    ]);
    expect((await check(write('p521.pem', pem(p521)), 'apigw')).passes).toBe(true);
    expect((await check(write('p384.pem', pem(p384)), 'cloudfront')).passes).toBe(true);
    const seedApigw = await check(write('seed.pem', pem(seed)), 'apigw');
    expect(errors(seedApigw).sort()).toEqual(['TRUSTSTORE_WEAK_KEY', 'TRUSTSTORE_WEAK_SIGNATURE']);
    const seedClb = await check(write('seed.pem', pem(seed)), 'clb-alibaba');
    expect(seedClb.passes).toBe(true);
    expect(seedClb.findings.map((finding) => [finding.code, finding.severity])).toEqual([
      ['TRUSTSTORE_WEAK_SIGNATURE', 'warning'],
      ['TRUSTSTORE_WEAK_KEY', 'warning'],
    ]);
    expect(seedClb.findings.every((finding) => /likely/.test(finding.message))).toBe(true);
  });

  it('warns about expired and not-yet-valid CAs at the time of the check', async () => {
    const shortLived = makeCert(dir, 'Short Root', { days: 1 });
    const bundle = write('short.pem', pem(shortLived));
    clock = new Date(Date.now() + 3 * DAY_MS);
    const later = await check(bundle, 'alb');
    clock = new Date(Date.now() - 3 * DAY_MS);
    const earlier = await check(bundle, 'alb');
    clock = null;
    expect(later.findings.map((finding) => [finding.code, finding.severity])).toEqual([
      ['TRUSTSTORE_CA_EXPIRED', 'warning'],
    ]);
    expect(earlier.findings.map((finding) => finding.code)).toEqual(['TRUSTSTORE_CA_NOT_YET_VALID']);
  });

  it('expects one client CA for Alibaba CLB', async () => {
    const result = await check(write('two.pem', pem(root) + pem(intermediate)), 'clb-alibaba');
    expect(result.findings.map((finding) => [finding.code, finding.severity])).toEqual([
      ['TRUSTSTORE_SINGLE_CA_EXPECTED', 'warning'],
    ]);
  });
});

describe('check: client certificates', () => {
  it('says why a client is rejected: unknown CA, expired, weak algorithm on API Gateway, or no certificate at all', async () => {
    const stranger = makeCert(dir, 'Stranger Root');
    const strangerClient = makeCert(dir, 'Stranger Client', { issuer: stranger, leaf: true });
    const sha1Client = makeCert(dir, 'SHA1 Client', { issuer: intermediate, leaf: true, md: 'sha1' });
    const expiring = makeCert(dir, 'Expiring Client', { issuer: intermediate, leaf: true, days: 1 });
    const keyOnly = client.key;
    const bundle = write('apigw-client.pem', pem(root) + pem(intermediate));
    clock = new Date(Date.now() + 3 * DAY_MS);
    const result = await check(bundle, 'apigw', [
      strangerClient.cert,
      sha1Client.cert,
      expiring.cert,
      keyOnly,
      client.cert,
    ]);
    clock = null;
    const [unknown, weak, expired, none, good] = result.clients;
    expect(unknown!.accepted).toBe(false);
    expect(codes(unknown!.findings)).toContain('PATH_NOT_FOUND');
    expect(unknown!.findings.find((finding) => finding.code === 'PATH_NOT_FOUND')!.hint).toMatch(
      /to the bundle/,
    );
    expect(weak!.accepted).toBe(false);
    expect(codes(weak!.findings)).toEqual(['TRUSTSTORE_CLIENT_WEAK_ALGORITHM']);
    expect(expired!.accepted).toBe(false);
    expect(codes(expired!.findings)).toContain('CERT_EXPIRED');
    expect(none!).toMatchObject({ accepted: false, certificateSha256: null });
    expect(codes(none!.findings)).toEqual(['TRUSTSTORE_CLIENT_NO_CERTIFICATE']);
    expect(good!.accepted).toBe(true);
    expect(codes(good!.findings)).toEqual(['TRUSTSTORE_CLIENT_ACCEPTED']);
    // the same SHA-1 client passes where the target does not refuse weak client algorithms
    expect((await check(bundle, 'alb', [sha1Client.cert])).clients[0]!.accepted).toBe(true);
  });

  it('tests a client against the bundle a selection would build, using the chain the client sends', async () => {
    const chainFile = write('client-with-chain.pem', pem(client) + pem(intermediate));
    const rootOnly = selection('alb', [root.cert]);
    expect(note(await service.testClient(rootOnly, { kind: 'file', path: chainFile })).accepted).toBe(true);
    const bare = note(await service.testClient(rootOnly, { kind: 'file', path: client.cert }));
    expect(bare.accepted).toBe(false);
    expect(codes(bare.findings)).toContain('PATH_NOT_FOUND');
  });
});

it('produces every public trust-store finding code somewhere in these tests', () => {
  expect(TRUSTSTORE_FINDING_CODES.filter((code) => !seen.has(code))).toEqual([]);
});
