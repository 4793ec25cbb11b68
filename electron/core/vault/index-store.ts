import { statSync } from 'node:fs';
import { StudioError } from '../../common/errors';
import { readIfExists, writeFileAtomically } from './atomic-file';
import type { VaultLayout } from './layout';
import { emptyIndex, firstIssue, VAULT_VERSION, vaultIndexSchema, type VaultIndex } from './schema';

/**
 * vault.json: the metadata of every identity in one file, replaced atomically. Its rename is the commit point of
 * every change, so a reader sees the vault before a change or after it. Readers take no lock; a parsed copy is
 * reused while the file on disk is the same (a rename always gives a new inode).
 */
export interface IndexStore {
  /** shared with later reads: callers build changed copies and never mutate what they got */
  read(): VaultIndex;
  write(index: VaultIndex): void;
}

const corrupt = (why: string, cause?: unknown) =>
  new StudioError('VAULT_CORRUPT', `the vault metadata 'vault.json' is damaged: ${why}`, {
    hint: 'Restore vault.json from a backup of the data folder (MTLS_STUDIO_HOME), or move it aside to start an empty vault; `mtls-studio vault doctor` then lists the leftover keys and files.',
    cause,
  });

export function parseIndex(bytes: Buffer): VaultIndex {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw corrupt('it is not valid JSON', error);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > VAULT_VERSION) {
    throw new StudioError('VAULT_CORRUPT', `the vault was written by a newer mtls-studio (format ${version}; this one reads format ${VAULT_VERSION})`, {
      hint: 'Update mtls-studio (app and CLI) to the newest version.',
    });
  }
  const parsed = vaultIndexSchema.safeParse(json);
  if (!parsed.success) throw corrupt(firstIssue(parsed.error), parsed.error);
  const ids = new Set<string>();
  for (const identity of parsed.data.identities) {
    if (ids.has(identity.id)) throw corrupt(`identity ${identity.id} appears twice`);
    ids.add(identity.id);
  }
  return parsed.data;
}

export function createIndexStore(layout: VaultLayout): IndexStore {
  let cached: { key: string; index: VaultIndex } | undefined;

  return {
    read() {
      let key: string;
      try {
        const info = statSync(layout.index, { bigint: true });
        key = `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyIndex();
        throw corrupt('it cannot be read', error);
      }
      if (cached?.key === key) return cached.index;
      const bytes = readIfExists(layout.index);
      if (bytes === null) return emptyIndex();
      const index = parseIndex(bytes);
      cached = { key, index };
      return index;
    },

    write(index) {
      writeFileAtomically(layout.index, JSON.stringify(index));
      cached = undefined;
    },
  };
}
