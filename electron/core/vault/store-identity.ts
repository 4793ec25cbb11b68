import type { HistoryEntry } from '../../common/dto/vault';
import { storeAuthorities } from './authorities';
import type { VaultContext } from './context';
import { newDataKey, sealPrivateKey, wipe } from './envelope';
import { removeIdentityFolder, writeIdentityFolder } from './identity-files';

export interface IdentityToStore {
  id: string;
  name: string;
  /** unencrypted PKCS#8 DER; wiped by the caller */
  pkcs8: Uint8Array;
  certificate: Uint8Array;
  /** parent first */
  chain: Uint8Array[];
  history: HistoryEntry[];
}

/**
 * Must run under the vault lock. Write-ahead order, so a crash at any instant leaves a loadable vault: (1) the data
 * key into the keychain — an unavailable keychain fails before anything is written; (2) CA certificates, the
 * identity folder (sealed key, certificate, chain, history); (3) `commit` (vault.json, or a record the caller
 * commits). If (2) or `commit` throws, the folder and the keychain entry are removed again.
 */
export async function storeIdentity<T>(ctx: VaultContext, item: IdentityToStore, commit: () => T): Promise<T> {
  const dataKey = newDataKey();
  try {
    await ctx.keychain.setDataKey(item.id, dataKey, `store the key of '${item.name}'`);
    try {
      storeAuthorities(ctx.layout, item.chain);
      writeIdentityFolder(ctx.layout, item.id, {
        sealedKey: sealPrivateKey(item.pkcs8, dataKey, item.id),
        certificate: item.certificate,
        chain: item.chain,
        history: item.history,
      });
      return commit();
    } catch (error) {
      removeIdentityFolder(ctx.layout, item.id);
      await ctx.keychain.deleteDataKey(item.id, `remove the key of '${item.name}'`).catch(() => false);
      throw error;
    }
  } finally {
    wipe(dataKey);
  }
}
