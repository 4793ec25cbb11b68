import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A folder only we can read (0700), whose files (0600) are overwritten and removed when the work is done. */
export interface PrivateFolder {
  path: string;
  /** writes a new file (0600, refuses to follow an existing name) and returns its path */
  write(name: string, bytes: Uint8Array | string): string;
}

/** A one-time password for a temporary PKCS#12 file: 32 random bytes, base64url (no characters tools trip over). */
export function oneTimePassword(): string {
  return randomBytes(32).toString('base64url');
}

function shred(path: string): void {
  try {
    const fd = openSync(path, 'r+');
    try {
      const size = fstatSync(fd).size;
      if (size > 0) writeSync(fd, Buffer.alloc(size), 0, size, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unlinkSync(path);
  } catch {
    // already gone; the folder removal below takes whatever is left
  }
}

/**
 * Runs `work` with a fresh private folder under `root` (default the OS temp folder) and, whatever happens, overwrites
 * every file it wrote with zeros, removes them and the folder. Temporary PKCS#12 files and their password files
 * for pk12util / security / PowerShell live here for the seconds an install takes.
 */
export async function withPrivateFolder<T>(work: (folder: PrivateFolder) => Promise<T>, root: string = tmpdir()): Promise<T> {
  const path = mkdtempSync(join(root, 'mtls-studio-install-'));
  const written: string[] = [];
  const folder: PrivateFolder = {
    path,
    write(name, bytes) {
      const file = join(path, name);
      // 'wx': create only, so a file planted under that name is never written through
      const fd = openSync(file, 'wx', 0o600);
      written.push(file);
      try {
        writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      return file;
    },
  };
  try {
    return await work(folder);
  } finally {
    for (const file of written) shred(file);
    rmSync(path, { recursive: true, force: true });
  }
}
