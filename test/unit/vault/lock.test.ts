import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureVaultFolders, vaultLayout } from '../../../electron/core/vault/layout';
import { createVaultLock } from '../../../electron/core/vault/lock';
import { useTempDir } from '../../helpers/tmp';

const dir = useTempDir();
let n = 0;
const freshLayout = () => {
  const layout = vaultLayout(join(dir, `home-${n++}`));
  ensureVaultFolders(layout);
  return layout;
};
/** the pid of a process that has exited */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;
const lockContent = (pid: number, host = hostname()) => JSON.stringify({ pid, host, since: '2026-01-01T00:00:00.000Z', nonce: 'x' });

describe('the vault writers lock', () => {
  it('serialises writers in one process and removes the lock file afterwards', async () => {
    const layout = freshLayout();
    const lock = createVaultLock(layout, 1000);
    const order: string[] = [];
    const slow = (name: string) => lock.run(async () => {
      order.push(`${name}:start`);
      expect(JSON.parse(readFileSync(layout.lock, 'utf8')).pid).toBe(process.pid);
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push(`${name}:end`);
    });
    await Promise.all([slow('a'), slow('b'), slow('c')]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
    expect(existsSync(layout.lock)).toBe(false);
  });

  it('releases the lock when the work throws', async () => {
    const layout = freshLayout();
    const lock = createVaultLock(layout, 1000);
    await expect(lock.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(existsSync(layout.lock)).toBe(false);
    await expect(lock.run(async () => 42)).resolves.toBe(42);
  });

  it('takes over a lock whose process is gone (kill -9)', async () => {
    const layout = freshLayout();
    writeFileSync(layout.lock, lockContent(deadPid()));
    const started = Date.now();
    await expect(createVaultLock(layout, 5000).run(async () => 'ran')).resolves.toBe('ran');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('waits for a live holder and fails with VAULT_LOCKED after the timeout, naming the holder', async () => {
    const layout = freshLayout();
    writeFileSync(layout.lock, lockContent(process.ppid));
    const started = Date.now();
    await expect(createVaultLock(layout, 300).run(async () => 'ran')).rejects.toMatchObject({
      code: 'VAULT_LOCKED',
      message: expect.stringContaining(`process ${process.ppid}`),
      hint: expect.stringContaining(layout.lock),
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(existsSync(layout.lock)).toBe(true);
  });

  it('gets the lock as soon as a live holder releases it', async () => {
    const layout = freshLayout();
    writeFileSync(layout.lock, lockContent(process.ppid));
    setTimeout(() => spawnSync('rm', [layout.lock]), 100);
    await expect(createVaultLock(layout, 3000).run(async () => 'ran')).resolves.toBe('ran');
  });

  it('respects a lock taken on another host until the timeout', async () => {
    const layout = freshLayout();
    writeFileSync(layout.lock, lockContent(deadPid(), 'some-other-host'));
    await expect(createVaultLock(layout, 200).run(async () => 'ran')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });

  it('treats an empty lock file (writer killed between create and write) as stale once it is old', async () => {
    const layout = freshLayout();
    writeFileSync(layout.lock, '');
    await expect(createVaultLock(layout, 200).run(async () => 'ran')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    const old = new Date(Date.now() - 10_000);
    utimesSync(layout.lock, old, old);
    await expect(createVaultLock(layout, 2000).run(async () => 'ran')).resolves.toBe('ran');
  });

  it('two waiters on one stale lock: exactly one breaks it, both then run one after the other', async () => {
    const layout = freshLayout();
    writeFileSync(layout.lock, lockContent(deadPid()));
    let inside = 0;
    let overlap = false;
    const work = async () => {
      inside++;
      if (inside > 1) overlap = true;
      await new Promise((resolve) => setTimeout(resolve, 30));
      inside--;
    };
    // two separate lock objects behave like two processes as far as the file is concerned
    await Promise.all([createVaultLock(layout, 3000).run(work), createVaultLock(layout, 3000).run(work)]);
    expect(overlap).toBe(false);
  });
});
