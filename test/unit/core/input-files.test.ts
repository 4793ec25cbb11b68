import { chmodSync, closeSync, ftruncateSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readInputFile } from '../../../electron/core/io/input-files';
import { dataHome } from '../../../electron/core/data-home';
import { useTempDir } from '../../helpers/tmp';

const dir = useTempDir();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('reading input files', () => {
  it('returns the bytes of a regular file', async () => {
    writeFileSync(join(dir, 'a.pem'), 'hello');
    const file = await readInputFile(join(dir, 'a.pem'));
    expect(Buffer.from(file.bytes).toString()).toBe('hello');
  });

  it('refuses a file over 10 MB before reading it', async () => {
    const big = join(dir, 'big.p12');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    await expect(readInputFile(big)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining("'big.p12'") });
    const limit = join(dir, 'limit.bin');
    writeFileSync(limit, Buffer.alloc(MAX_INPUT_BYTES));
    expect(await codeOf(readInputFile(limit))).toBe('resolved');
  });

  it('names missing files, folders and unreadable files', async () => {
    expect(await codeOf(readInputFile(join(dir, 'missing.p12')))).toBe('FILE_NOT_FOUND');
    mkdirSync(join(dir, 'folder.p12'));
    expect(await codeOf(readInputFile(join(dir, 'folder.p12')))).toBe('FILE_UNREADABLE');
    if (process.getuid?.() !== 0) {
      writeFileSync(join(dir, 'locked.pem'), 'x');
      chmodSync(join(dir, 'locked.pem'), 0);
      expect(await codeOf(readInputFile(join(dir, 'locked.pem')))).toBe('FILE_UNREADABLE');
    }
  });
});

describe('data folder', () => {
  it('is MTLS_STUDIO_HOME when set', () => {
    expect(dataHome({ MTLS_STUDIO_HOME: '/srv/studio' }, 'linux')).toBe('/srv/studio');
  });
  it('matches Electron userData per platform otherwise', () => {
    expect(dataHome({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/mtls-studio');
    expect(dataHome({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.mtls-studio$/);
    expect(dataHome({}, 'darwin')).toMatch(/Library\/Application Support\/mtls-studio$/);
  });
});
