/**
 * The install channels in main: a store location from the renderer must be one main found itself, so a
 * compromised renderer cannot make certutil create or change an NSS database in any other folder.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/core';
import { createInstallHandlers } from '../../electron/main/ipc/install-handlers';
import { useTempDir } from '../helpers/tmp';

const dir = useTempDir('mtls-studio-install-handlers-');
const userHome = join(dir, 'user');
const profile = join(userHome, '.mozilla', 'firefox', 'p1.default');
mkdirSync(profile, { recursive: true });
writeFileSync(join(userHome, '.mozilla', 'firefox', 'profiles.ini'), '[Profile0]\nName=default\nIsRelative=1\nPath=p1.default\n');
const handlers = createInstallHandlers(createServices({ home: join(dir, 'data'), install: { machine: { home: userHome, platform: 'linux' } } }));
const ID = '3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f708192';

describe('studio:install.*', () => {
  it('refuses a location main did not discover, before touching the vault or any tool', async () => {
    const elsewhere = join(dir, 'elsewhere');
    for (const channel of ['studio:install.install', 'studio:install.uninstall'] as const) {
      await expect(handlers[channel]({ identity: ID, store: 'nss', profile: elsewhere })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      // a real Firefox profile, but named as the wrong kind of store
      await expect(handlers[channel]({ identity: ID, store: 'nss', profile })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('accepts the discovered locations (then the vault answers: no such identity)', async () => {
    await expect(handlers['studio:install.install']({ identity: ID, store: 'firefox', profile })).rejects.toMatchObject({ code: 'IDENTITY_NOT_FOUND' });
    await expect(handlers['studio:install.uninstall']({ identity: ID, store: 'nss', profile: join(userHome, '.pki', 'nssdb') })).rejects.toMatchObject({ code: 'IDENTITY_NOT_FOUND' });
  });

  it('lists the stores found here', async () => {
    const stores = await handlers['studio:install.stores']();
    expect(stores.map((item) => [item.store.kind, item.store.location])).toEqual([
      ['nss', join(userHome, '.pki', 'nssdb')],
      ['firefox', profile],
    ]);
  });
});
