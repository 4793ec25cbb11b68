import { StudioError } from '../../common/errors';
import type { VaultContext } from './context';
import { openPrivateKey, wipe } from './envelope';
import { readSealedKey } from './identity-files';
import { keychainName } from './keychain-errors';
import type { IdentityRecord } from './schema';

export function keyUnrecoverable(name: string): StudioError {
  return new StudioError('VAULT_CORRUPT', `the private key of '${name}' cannot be recovered: its entry in ${keychainName()} is gone`, {
    hint: 'Only the keychain entry could decrypt the key, so it is lost for good. Remove the identity (`mtls-studio identity remove`, or `mtls-studio vault doctor --repair`) and import it again from its original file.',
    params: { name },
  });
}

export function keyDoesNotDecrypt(name: string): StudioError {
  return new StudioError('VAULT_CORRUPT', `the private key of '${name}' does not decrypt: its key.enc was altered or its keychain entry was replaced`, {
    hint: 'Remove the identity and import it again from its original file; `mtls-studio vault doctor` checks every identity.',
    params: { name },
  });
}

/**
 * The PKCS#8 DER of an identity (or a pending request), decrypted with the data key from the keychain. The caller
 * wipes it after use.
 * KEYCHAIN_UNAVAILABLE when the keychain does not answer; VAULT_CORRUPT when the entry is gone or does not fit.
 */
export async function unsealPrivateKey(ctx: VaultContext, record: Pick<IdentityRecord, 'id' | 'name'>): Promise<Uint8Array> {
  const sealed = readSealedKey(ctx.layout, record.id, record.name);
  const dataKey = await ctx.keychain.getDataKey(record.id, `read the key of '${record.name}'`);
  if (dataKey === null) throw keyUnrecoverable(record.name);
  try {
    const pkcs8 = openPrivateKey(sealed, dataKey, record.id);
    if (pkcs8 === null) throw keyDoesNotDecrypt(record.name);
    return pkcs8;
  } finally {
    wipe(dataKey);
  }
}
