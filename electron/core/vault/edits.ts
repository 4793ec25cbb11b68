import { StudioError } from '../../common/errors';
import type { BindResult, IdentitySummary } from '../../common/dto/vault';
import type { VaultContext } from './context';
import { wipe } from './envelope';
import { findConflicts, parseHostPattern } from './host-rules';
import { appendHistory, removeIdentityFolder } from './identity-files';
import { findIdentity, nameTaken, validateLabel, validateName } from './names';
import type { IdentityRecord, VaultIndex } from './schema';
import { summarize } from './summaries';

/** Changes to one identity's metadata: under the lock, read fresh, build a changed copy, commit it atomically. */
async function update(ctx: VaultContext, ref: string, change: (record: IdentityRecord, index: VaultIndex) => IdentityRecord): Promise<IdentityRecord> {
  return ctx.lock.run(async () => {
    const index = ctx.index.read();
    const record = findIdentity(index, ref);
    const changed = change(record, index);
    if (changed !== record) ctx.index.write({ ...index, identities: index.identities.map((other) => (other.id === record.id ? changed : other)) });
    return changed;
  });
}

export async function renameIdentity(ctx: VaultContext, ref: string, newName: string): Promise<IdentitySummary> {
  const name = validateName(newName);
  const record = await update(ctx, ref, (current, index) => {
    if (current.name === name) return current;
    const clash = nameTaken(index, name, current.id);
    if (clash) {
      throw new StudioError('IDENTITY_EXISTS', `an identity named '${clash.name}' already exists`, { hint: 'Choose another name.', params: { name: clash.name } });
    }
    // the history entry is written first: an interrupted rename at worst logs a rename that did not happen
    appendHistory(ctx.layout, current.id, { at: ctx.now().toISOString(), action: 'renamed', details: { from: current.name, to: name } });
    return { ...current, name };
  });
  return summarize(record, ctx.now());
}

export async function labelIdentity(ctx: VaultContext, ref: string, change: { add?: string[]; remove?: string[] }): Promise<IdentitySummary> {
  const add = (change.add ?? []).map(validateLabel);
  const remove = new Set((change.remove ?? []).map(validateLabel));
  const record = await update(ctx, ref, (current) => {
    const labels = [...current.labels.filter((label) => !remove.has(label)), ...add.filter((label) => !current.labels.includes(label))];
    const unique = [...new Set(labels)];
    if (unique.length > 64) throw new StudioError('INVALID_ARGUMENT', `'${current.name}' would have more than 64 labels`, { hint: 'Remove labels you no longer need.' });
    return unique.join('\u0000') === current.labels.join('\u0000') ? current : { ...current, labels: unique };
  });
  return summarize(record, ctx.now());
}

export async function bindHost(ctx: VaultContext, ref: string, input: string): Promise<BindResult> {
  const pattern = parseHostPattern(input).text;
  let conflicts: BindResult['conflicts'] = [];
  const record = await update(ctx, ref, (current, index) => {
    const next = current.hosts.includes(pattern) ? current : { ...current, hosts: [...current.hosts, pattern] };
    if (next.hosts.length > 256) throw new StudioError('INVALID_ARGUMENT', `'${current.name}' would have more than 256 host rules`, { hint: 'Use a wildcard pattern instead of many names.' });
    const owners = index.identities.map((other) => (other.id === current.id ? next : other));
    conflicts = findConflicts(owners).filter((conflict) => conflict.pattern === pattern);
    return next;
  });
  return { identity: summarize(record, ctx.now()), pattern, conflicts };
}

export async function unbindHost(ctx: VaultContext, ref: string, input: string): Promise<IdentitySummary> {
  const pattern = parseHostPattern(input).text;
  const record = await update(ctx, ref, (current) => {
    if (!current.hosts.includes(pattern)) {
      const bound = current.hosts.length === 0 ? 'it has no host rules' : `its rules are ${current.hosts.join(', ')}`;
      throw new StudioError('INVALID_ARGUMENT', `'${current.name}' is not bound to '${pattern}' (${bound})`, {
        hint: 'Run `mtls-studio identity show NAME` to see its host rules.',
        params: { name: current.name, pattern },
      });
    }
    return { ...current, hosts: current.hosts.filter((host) => host !== pattern) };
  });
  return summarize(record, ctx.now());
}

/**
 * Order: the keychain must answer first (nothing changes when it cannot); then vault.json without the identity
 * (the commit); then the keychain entry and the folder, sealed key first. A crash after the commit leaves orphans
 * that `vault doctor` reports and removes; the identity never half-exists.
 */
export async function removeIdentity(ctx: VaultContext, ref: string): Promise<{ id: string; name: string }> {
  return ctx.lock.run(async () => {
    const index = ctx.index.read();
    const record = findIdentity(index, ref);
    const what = `remove the key of '${record.name}'`;
    wipe(await ctx.keychain.getDataKey(record.id, what));
    ctx.index.write({ ...index, identities: index.identities.filter((other) => other.id !== record.id) });
    try {
      await ctx.keychain.deleteDataKey(record.id, what);
    } finally {
      removeIdentityFolder(ctx.layout, record.id);
    }
    return { id: record.id, name: record.name };
  });
}
