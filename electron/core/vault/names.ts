import { StudioError } from '../../common/errors';
import type { IdentityRecord, VaultIndex } from './schema';

/** Identity names: what the user chose, trimmed and NFC-normalised; unique regardless of letter case. */
export const MAX_NAME_LENGTH = 200;
const CONTROL = /\p{Cc}/u;

export function validateName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) {
    throw new StudioError('INVALID_ARGUMENT', 'an identity name cannot be empty', { hint: 'Give a name such as "Partner A production".' });
  }
  if (name.length > MAX_NAME_LENGTH || CONTROL.test(name)) {
    throw new StudioError('INVALID_ARGUMENT', `'${name.slice(0, 40).replace(CONTROL, '?')}…' is not a usable identity name`, {
      hint: `Use at most ${MAX_NAME_LENGTH} characters and no control characters.`,
    });
  }
  return name;
}

export function validateLabel(raw: string): string {
  const label = raw.normalize('NFC').trim();
  if (label.length === 0 || label.length > 100 || CONTROL.test(label)) {
    throw new StudioError('INVALID_ARGUMENT', `'${label.slice(0, 40).replace(CONTROL, '?')}' is not a usable label`, {
      hint: 'A label has 1 to 100 characters and no control characters, e.g. "production".',
    });
  }
  return label;
}

const fold = (name: string) => name.normalize('NFC').toLocaleLowerCase('en-US');
export const sameName = (a: string, b: string): boolean => fold(a) === fold(b);

export function nameTaken(index: VaultIndex, name: string, exceptId?: string): IdentityRecord | undefined {
  return index.identities.find((identity) => identity.id !== exceptId && sameName(identity.name, name));
}

/** `base`, else `base (2)`, `base (3)`… — for names the user did not choose. */
export function uniqueName(index: VaultIndex, base: string): string {
  const taken = new Set(index.identities.map((identity) => fold(identity.name)));
  if (!taken.has(fold(base))) return base;
  // among taken.size + 1 candidates at least one is free
  for (let n = 2; n <= taken.size + 2; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.has(fold(candidate))) return candidate;
  }
  return `${base} (${taken.size + 2})`;
}

export function identityNotFound(ref: string): StudioError {
  return new StudioError('IDENTITY_NOT_FOUND', `no identity named '${ref}' in the vault`, {
    hint: 'Run `mtls-studio identity list` to see the names.',
    params: { name: ref },
  });
}

/** By id, else by exact name, else by name in any letter case. */
export function findIdentity(index: VaultIndex, ref: string): IdentityRecord {
  const wanted = ref.normalize('NFC').trim();
  const found =
    index.identities.find((identity) => identity.id === wanted) ??
    index.identities.find((identity) => identity.name === wanted) ??
    index.identities.find((identity) => sameName(identity.name, wanted));
  if (!found) throw identityNotFound(ref);
  return found;
}
