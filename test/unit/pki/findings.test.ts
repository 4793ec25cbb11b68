import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeBundle } from '../../../electron/core/pki/describe';
import { readFiles } from '../../../electron/core/pki/read';
import { FINDING_CODES, type Finding } from '../../../electron/common/dto/inspect';
import { makeTestPki, openssl, type TestPki } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { bytes, fingerprint, genKey, makeOpensslCa, selfSigned, text, type OpensslCa } from './pki-fixtures';

const dir = useTempDir();
let pki: TestPki;
let ca: OpensslCa;
const DAY = 86_400_000;
const report = (files: string[], now = new Date()) => describeBundle(readFiles(files.map((path) => ({ path, bytes: bytes(path) }))), now);
const codes = (findings: Finding[]) => findings.map((f) => f.code);
const find = (findings: Finding[], code: string) => findings.filter((f) => f.code === code);

beforeAll(() => {
  pki = makeTestPki(dir);
  ca = makeOpensslCa(join(dir, 'ca'));
});

describe('findings', () => {
  it('a complete, current client chain has none', () => {
    expect(report([pki.leafCert, pki.leafKey, pki.intermediateCert, pki.rootCert]).findings).toEqual([]);
  });

  it('CERT_EXPIRED and CERT_NOT_YET_VALID for certificates issued with past and future dates (openssl ca)', () => {
    const old = ca.issue('expired', '/CN=Expired Client', { startdate: '20200101000000Z', enddate: '20210101000000Z' });
    const future = ca.issue('future', '/CN=Future Client', { startdate: '20990101000000Z', enddate: '20991231000000Z' });
    const expired = find(report([old.cert, ca.cert]).findings, 'CERT_EXPIRED');
    expect(expired).toEqual([expect.objectContaining({ severity: 'error', certificateSha256: fingerprint(old.cert), message: "'Expired Client' expired on 2021-01-01" })]);
    expect(expired[0]!.hint).toBeTruthy();
    expect(find(report([future.cert, ca.cert]).findings, 'CERT_NOT_YET_VALID')).toEqual([expect.objectContaining({ severity: 'error', certificateSha256: fingerprint(future.cert) })]);
  });

  it('CERT_EXPIRES_SOON within 30 days, with the days as a parameter', () => {
    const leaf = report([pki.leafCert]).certificates[0]!;
    const notAfter = Date.parse(leaf.notAfter);
    const soon = find(report([pki.leafCert, pki.intermediateCert, pki.rootCert], new Date(notAfter - 10 * DAY - 1000)).findings, 'CERT_EXPIRES_SOON');
    expect(soon).toEqual([expect.objectContaining({ severity: 'warning', certificateSha256: leaf.sha256, params: expect.objectContaining({ days: 10 }) })]);
    expect(find(report([pki.leafCert], new Date(notAfter - 31 * DAY)).findings, 'CERT_EXPIRES_SOON')).toEqual([]);
  });

  it('WEAK_KEY for RSA 1024 and WEAK_SIGNATURE for MD5 (error on a leaf, warning on a self-signed root)', () => {
    const md5Root = selfSigned(dir, 'md5root', genKey(dir, 'md5root', 'rsa-2048'), '/CN=MD5 Root', ['-md5', '-addext', 'basicConstraints=critical,CA:TRUE']);
    const weakKey = genKey(dir, 'weak', 'rsa-1024');
    openssl(['req', '-new', '-key', weakKey, '-subj', '/CN=Seed 003 Client', '-out', join(dir, 'weak.csr')]);
    const rootKey = join(dir, 'md5root.key');
    openssl(['x509', '-req', '-md5', '-in', join(dir, 'weak.csr'), '-CA', md5Root, '-CAkey', rootKey, '-CAcreateserial', '-days', '30', '-out', join(dir, 'weak.crt')]);
    const findings = report([join(dir, 'weak.crt'), md5Root]).findings;
    expect(find(findings, 'WEAK_KEY')).toEqual([expect.objectContaining({ severity: 'error', certificateSha256: fingerprint(join(dir, 'weak.crt')), params: expect.objectContaining({ bits: 1024 }) })]);
    const weak = find(findings, 'WEAK_SIGNATURE');
    expect(weak.map((f) => [f.certificateSha256, f.severity])).toEqual([
      [fingerprint(join(dir, 'weak.crt')), 'error'],
      [fingerprint(md5Root), 'warning'],
    ]);
    expect(weak[0]!.message).toContain('md5WithRSAEncryption');
  });

  it('NO_CLIENT_AUTH_EKU for a server-only leaf, none when EKU is absent', () => {
    const server = ca.issue('server', '/CN=Server Only', { extensions: 'server' });
    expect(find(report([server.cert, ca.cert]).findings, 'NO_CLIENT_AUTH_EKU')).toEqual([expect.objectContaining({ certificateSha256: fingerprint(server.cert), params: expect.objectContaining({ eku: 'serverAuth' }) })]);
    expect(codes(report([pki.rootCert]).findings)).not.toContain('NO_CLIENT_AUTH_EKU');
  });

  it('CHAIN_INCOMPLETE for a leaf whose issuer is missing, naming the issuer', () => {
    const findings = find(report([pki.leafCert, pki.rootCert]).findings, 'CHAIN_INCOMPLETE');
    expect(findings).toEqual([expect.objectContaining({ certificateSha256: fingerprint(pki.leafCert), params: expect.objectContaining({ issuer: 'O=mTLS Studio Tests,CN=Test Intermediate CA' }) })]);
  });

  it('CHAIN_ORDER when a PEM file has the root first, not when the order is right', () => {
    writeFileSync(join(dir, 'reversed.pem'), text(pki.rootCert) + text(pki.intermediateCert) + text(pki.leafCert));
    writeFileSync(join(dir, 'ordered.pem'), text(pki.leafCert) + text(pki.intermediateCert) + text(pki.rootCert));
    const reversed = find(report([join(dir, 'reversed.pem')]).findings, 'CHAIN_ORDER');
    expect(reversed).toEqual([expect.objectContaining({ severity: 'warning', params: expect.objectContaining({ file: 'reversed.pem' }) })]);
    expect(codes(report([join(dir, 'ordered.pem')]).findings)).not.toContain('CHAIN_ORDER');
    // separate files in any order are not a CHAIN_ORDER problem
    expect(codes(report([pki.rootCert, pki.leafCert, pki.intermediateCert]).findings)).not.toContain('CHAIN_ORDER');
  });

  it('DUPLICATE_CERTIFICATE names the files', () => {
    const dup = find(report([pki.leafCert, join(dir, 'ordered.pem')]).findings, 'DUPLICATE_CERTIFICATE');
    expect(dup.map((f) => f.certificateSha256)).toEqual([fingerprint(pki.leafCert)]);
    expect(dup[0]!.message).toContain('leaf.crt, ordered.pem');
  });

  it('KEY_WITHOUT_CERTIFICATE for a key that matches nothing', () => {
    const findings = report([pki.leafCert, pki.rootKey]).findings;
    expect(find(findings, 'KEY_WITHOUT_CERTIFICATE')).toEqual([expect.objectContaining({ certificateSha256: null, params: expect.objectContaining({ file: 'root.key' }) })]);
  });

  it('SELF_SIGNED_LEAF for a self-signed end-entity certificate, not for a root CA', () => {
    const key = genKey(dir, 'selfleaf', 'p-256');
    const leaf = selfSigned(dir, 'selfleaf', key, '/CN=Self Client', ['-addext', 'basicConstraints=CA:FALSE']);
    expect(find(report([leaf]).findings, 'SELF_SIGNED_LEAF')).toEqual([expect.objectContaining({ certificateSha256: fingerprint(leaf) })]);
    expect(codes(report([pki.rootCert]).findings)).not.toContain('SELF_SIGNED_LEAF');
  });

  it('every finding uses a known code, a severity, an English message and a hint', () => {
    const all = report([join(dir, 'reversed.pem'), pki.leafCert, pki.rootKey, join(dir, 'weak.crt')]).findings;
    for (const f of all) {
      expect(FINDING_CODES).toContain(f.code);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.hint.length).toBeGreaterThan(10);
    }
  });
});
