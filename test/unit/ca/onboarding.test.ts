import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueOnboardingBatch, parseOnboardingCsv } from '../../../electron/core/ca';
import { openssl } from '../../helpers/openssl';
import { useTempDir } from '../../helpers/tmp';
import { expectStudioError, makeHierarchy, writeText, x509Text } from './ca-fixtures';

describe('bulk onboarding: CSV → identities', async () => {
  const dir = useTempDir('mtls-ca-batch-');
  const hierarchy = await makeHierarchy(dir);

  it('issues 500 client identities from a CSV with progress; every one verifies with the chain', async () => {
    const lines = ['name,email,o,days'];
    for (let i = 1; i <= 500; i++) lines.push(`partner-${i},ops${i}@partner${i}.example,Partner ${i} Ltd,${i % 2 ? '' : '90'}`);
    const rows = parseOnboardingCsv(lines.join('\r\n'));
    const progress: number[] = [];
    const results = await issueOnboardingBatch(hierarchy.issuer, rows, { onProgress: (done, total) => progress.push(done / total) });
    expect(results).toHaveLength(500);
    expect(results.every((result) => result.error === null)).toBe(true);
    expect(progress).toHaveLength(500);
    expect(progress[499]).toBe(1);
    const certs = join(dir, 'batch');
    mkdirSync(certs);
    const files = results.map((result, i) => writeText(certs, `${i}.pem`, result.identity!.pem));
    const verified = openssl(['verify', '-CAfile', hierarchy.rootPem, '-untrusted', hierarchy.issuingPem, '-purpose', 'sslclient', ...files]);
    expect(verified.match(/: OK$/gm)).toHaveLength(500);
    expect(new Set(results.map((result) => result.identity!.serial)).size).toBe(500);
    const second = x509Text(files[1]!);
    expect(second).toContain('Subject: CN=partner-2,O=Partner 2 Ltd');
    expect(second).toContain('email:ops2@partner2.example');
    const days = (i: number) => (results[i]!.identity!.notAfter.getTime() - results[i]!.identity!.notBefore.getTime()) / 86_400_000;
    expect([days(0), days(1)]).toEqual([397, 90]);
  });

  it('caps long rows at the CA, reports failing rows and goes on, stops when aborted, refuses an unusable CA up front', async () => {
    const rows = parseOnboardingCsv('name,email,days\na,a@example.com,\nb,b@example.com,36500\nc,c@example.com,\n');
    const results = await issueOnboardingBatch(hierarchy.issuer, rows, { keyType: 'ec-p384' });
    expect(results.map((result) => result.error === null)).toEqual([true, true, true]);
    expect(results[1]!.identity!.validityCapped).toBe(true);
    const controller = new AbortController();
    const partial = await issueOnboardingBatch(hierarchy.issuer, rows, { signal: controller.signal, onProgress: (done) => done === 1 && controller.abort() });
    expect(partial).toHaveLength(1);
    const later = new Date(hierarchy.issuing.notAfter.getTime() + 86_400_000);
    await expectStudioError(() => issueOnboardingBatch(hierarchy.issuer, rows, { now: later }), 'CA_EXPIRED');
    const bad = await issueOnboardingBatch(hierarchy.issuer, rows, { keyType: 'dsa-1024' as never });
    expect(bad.map((result) => result.error?.code)).toEqual(['INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'INVALID_ARGUMENT']);
  });
});
