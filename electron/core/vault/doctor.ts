import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DoctorProblem, DoctorReport } from '../../common/dto/vault';
import { readIfExists, TEMPORARY_FILE } from './atomic-file';
import type { VaultContext } from './context';
import { openPrivateKey, wipe } from './envelope';
import { removeIdentityFolder } from './identity-files';
import { keychainName } from './keychain-errors';
import type { IdentityRecord } from './schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const entries = (folder: string) => {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
};

function temporaryFiles(ctx: VaultContext): string[] {
  const { layout } = ctx;
  const identityFolders = entries(layout.identities).filter((entry) => entry.isDirectory()).map((entry) => join(layout.identities, entry.name));
  const folders = [layout.root, layout.authorities, layout.identities, ...identityFolders];
  return folders.flatMap((folder) => entries(folder).filter((entry) => entry.isFile() && TEMPORARY_FILE.test(entry.name)).map((entry) => join(folder, entry.name)));
}

const REMOVE_IDENTITY = 'remove the identity from the vault (import it again from its original file)';

async function checkIdentity(ctx: VaultContext, record: IdentityRecord, accounts: Set<string>): Promise<Omit<DoctorProblem, 'repaired'> | null> {
  const base = { id: record.id, name: record.name, repair: REMOVE_IDENTITY };
  const missingFiles = [ctx.layout.keyFile(record.id), ctx.layout.certificateFile(record.id)].filter((file) => !existsSync(file));
  if (missingFiles.length > 0) {
    const names = missingFiles.map((file) => relative(ctx.layout.root, file)).join(', ');
    return { ...base, kind: 'identity-without-files', message: `the files of '${record.name}' are missing (${names})` };
  }
  if (!accounts.has(record.id)) {
    return { ...base, kind: 'identity-without-keychain-entry', message: `the private key of '${record.name}' cannot be recovered: its entry in ${keychainName()} is gone` };
  }
  const dataKey = await ctx.keychain.getDataKey(record.id, `check the key of '${record.name}'`);
  const sealed = readIfExists(ctx.layout.keyFile(record.id));
  const pkcs8 = dataKey && sealed ? openPrivateKey(new Uint8Array(sealed), dataKey, record.id) : null;
  wipe(dataKey, pkcs8);
  if (pkcs8 === null) {
    return { ...base, kind: 'key-does-not-decrypt', message: `the private key of '${record.name}' does not decrypt with its keychain entry (key.enc altered or entry replaced)` };
  }
  return null;
}

/**
 * Compares the three places an identity lives — vault.json, its folder, its keychain entry — and lists what does
 * not fit: leftovers of interrupted imports and removals (orphans both ways), identities whose key is gone or
 * damaged, and temporary files of interrupted writes. Runs under the writers' lock, so an import in progress in
 * another process is never mistaken for an orphan. With `repair`, removes orphans and unusable identities.
 */
export async function runDoctor(ctx: VaultContext, options: { repair: boolean }): Promise<DoctorReport> {
  return ctx.lock.run(async () => {
    const index = ctx.index.read();
    const accounts = new Set(await ctx.keychain.listAccounts('check the keychain entries of the vault'));
    // pending requests (csr create) own a folder and a keychain entry too
    const known = new Set([...index.identities, ...(index.pending ?? [])].map((record) => record.id));
    const problems: Omit<DoctorProblem, 'repaired'>[] = [];

    for (const record of index.identities) {
      const problem = await checkIdentity(ctx, record, accounts);
      if (problem) problems.push(problem);
    }
    for (const entry of entries(ctx.layout.identities)) {
      if (entry.isDirectory() && !known.has(entry.name)) {
        problems.push({ kind: 'files-without-identity', id: entry.name, name: null, message: `the folder identities/${entry.name} belongs to no identity (left by an interrupted import or removal)`, repair: 'delete the folder' });
      }
    }
    for (const account of accounts) {
      if (!known.has(account)) {
        problems.push({ kind: 'keychain-entry-without-identity', id: account, name: null, message: `the keychain entry '${account}' belongs to no identity (left by an interrupted import or removal)`, repair: 'delete the keychain entry' });
      }
    }
    for (const file of temporaryFiles(ctx)) {
      problems.push({ kind: 'temporary-file', id: relative(ctx.layout.root, file), name: null, message: `${relative(ctx.layout.root, file)} is a temporary file left by an interrupted write`, repair: 'delete it' });
    }

    if (!options.repair || problems.length === 0) {
      return { ok: problems.length === 0, identities: index.identities.length, problems: problems.map((problem) => ({ ...problem, repaired: false })) };
    }

    const unusable = new Set(problems.filter((problem) => problem.name !== null).map((problem) => problem.id));
    if (unusable.size > 0) ctx.index.write({ ...index, identities: index.identities.filter((record) => !unusable.has(record.id)) });
    for (const problem of problems) {
      if (problem.kind === 'temporary-file') rmSync(join(ctx.layout.root, problem.id), { force: true });
      else if (problem.kind === 'keychain-entry-without-identity') await ctx.keychain.deleteDataKey(problem.id, `delete the orphaned keychain entry '${problem.id}'`);
      else if (problem.kind === 'files-without-identity' && UUID.test(problem.id)) removeIdentityFolder(ctx.layout, problem.id);
      else if (problem.kind === 'files-without-identity') rmSync(join(ctx.layout.identities, problem.id), { recursive: true, force: true });
      else {
        await ctx.keychain.deleteDataKey(problem.id, `delete the keychain entry of '${problem.name}'`);
        removeIdentityFolder(ctx.layout, problem.id);
      }
    }
    return { ok: true, identities: index.identities.length - unusable.size, problems: problems.map((problem) => ({ ...problem, repaired: true })) };
  });
}
