import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudioError } from '../../electron/common/errors';
import { createServices } from '../../electron/core';
import { createFileLogger, redact, secretsIn } from '../../electron/main/logger';
import { makeTestPki, openssl, type TestPki } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';

const dir = useTempDir();
const PASSWORD = 'Corr3ct-horse-p12!';
const WRONG = 'wr0ng-but-still-secret';
let pki: TestPki;
let p12: string;

beforeAll(() => {
  pki = makeTestPki(join(dir, '.'));
  p12 = join(dir, 'client.p12');
  openssl(['pkcs12', '-export', '-inkey', pki.leafKey, '-in', pki.leafCert, '-out', p12, '-passout', `pass:${PASSWORD}`]);
});

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('log file', () => {
  it('writes one JSON object per line under logs/, private to the user', () => {
    const logs = join(dir, 'plain', 'logs');
    const logger = createFileLogger(logs, { now: () => new Date('2026-03-01T10:00:00Z') });
    logger.info('app.start', { version: '0.1.0', packaged: false });
    logger.warn('files.too-many', { dropped: 3 });
    expect(logger.file).toBe(join(logs, 'main.log'));
    expect(lines(logger.file)).toEqual([
      { time: '2026-03-01T10:00:00.000Z', level: 'info', event: 'app.start', version: '0.1.0', packaged: false },
      { time: '2026-03-01T10:00:00.000Z', level: 'warn', event: 'files.too-many', dropped: 3 },
    ]);
    expect(statSync(logger.file).mode & 0o777).toBe(0o600);
    expect(statSync(logs).mode & 0o777).toBe(0o700);
  });

  it('never contains the password of a StudioError from a real wrong-password read', async () => {
    const logger = createFileLogger(join(dir, 'wrong-password'));
    const error = await createServices({ home: join(dir, 'home') })
      .files.inspect({ paths: [p12], password: WRONG })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('WRONG_PASSWORD');
    logger.error('ipc.failed', error, { channel: 'studio:files.inspect' }, [WRONG]);
    const text = readFileSync(logger.file, 'utf8');
    expect(text).toContain('WRONG_PASSWORD');
    expect(text).not.toContain(WRONG);
    expect(text).not.toContain(PASSWORD);
  });

  it('keeps passwords out even when an error, its cause or a field quotes them', () => {
    const logger = createFileLogger(join(dir, 'quoting'));
    const leakyCause = new Error(`mac check failed for password "${PASSWORD}"`);
    logger.error('x.studio', new StudioError('CORRUPT_INPUT', `cannot read 'client.p12'`, { cause: leakyCause, params: { file: 'client.p12' } }));
    logger.error('x.unexpected', new TypeError(`unexpected token in ${PASSWORD}`), {}, [PASSWORD]);
    logger.error('x.fields', new Error('boom'), { password: PASSWORD, outPassword: 'other-secret', passphrase: 'open-sesame-42', file: `/tmp/${PASSWORD}.p12` }, [PASSWORD]);
    logger.warn('x.warn', { privateKey: 'MIIEvQIBADANBg', token: 't0k3n' });
    const text = readFileSync(logger.file, 'utf8');
    for (const secret of [PASSWORD, 'other-secret', 'open-sesame-42', 'MIIEvQIBADANBg', 't0k3n']) expect(text).not.toContain(secret);
    const [studio, unexpected] = lines(logger.file);
    // the StudioError keeps what a user saw; its cause is reduced to its class
    expect(studio!.error).toEqual({ code: 'CORRUPT_INPUT', message: "cannot read 'client.p12'", params: ['file'], cause: 'Error' });
    expect(unexpected!.error).toMatchObject({ name: 'TypeError', message: 'unexpected token in [redacted]', stack: expect.any(Array) });
  });

  it('finds the passwords of an IPC request at any depth', () => {
    expect(secretsIn([{ paths: ['/a'], password: 'p1', nested: { outPassword: 'p2', list: [{ keyPassword: 'p3' }] } }]).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(secretsIn(['plain', 42, null])).toEqual([]);
    expect(redact('abcabc-ab', ['ab', 'abc'])).toBe('[redacted][redacted]-[redacted]');
  });

  it('rotates past its size limit, keeping one previous file', () => {
    const logs = join(dir, 'rotate');
    const logger = createFileLogger(logs, { maxBytes: 2_000 });
    for (let i = 0; i < 60; i++) logger.info('tick', { i, padding: 'x'.repeat(40) });
    expect(existsSync(join(logs, 'main.1.log'))).toBe(true);
    expect(statSync(logger.file).size).toBeLessThanOrEqual(2_000);
    expect(lines(logger.file).at(-1)).toMatchObject({ event: 'tick', i: 59 });
  });

  it('never throws when the log cannot be written', () => {
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, 'x');
    chmodSync(blocked, 0o400);
    const logger = createFileLogger(join(blocked, 'logs'));
    expect(() => logger.info('app.start')).not.toThrow();
    expect(() => logger.error('x', new Error('y'))).not.toThrow();
  });
});
