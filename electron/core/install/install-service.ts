import { homedir } from 'node:os';
import { StudioError } from '../../common/errors';
import type {
  IdentityPlacement,
  InstalledIdentity,
  InstallRequest,
  InstallResult,
  StoreDescription,
  StoreInventory,
  UninstallRequest,
  UninstallResult,
} from '../../common/dto/install';
import { STORE_KINDS } from '../../common/dto/install';
import type { VaultService } from '../vault/vault-service';
import { discoverStores, selectStores, type Machine } from './discovery';
import { nssStore } from './nss-store';
import { macosStore, windowsStore } from './os-stores';
import { fingerprints, sameCertificate, storeNickname, type CertificateStore, type StoreEntry } from './store';
import { runTool, toolMissing, type ToolRunner } from './tool-runner';

/**
 * Putting vault identities into the stores browsers and tools read, and taking them out again. What is installed
 * where is always read from the stores themselves (matched by certificate fingerprint), never remembered.
 */
export interface InstallService {
  /** the stores on this machine, without reading them */
  discover(): StoreDescription[];
  /** the stores on this machine and the identities of ours in each */
  stores(): Promise<StoreInventory[]>;
  /** for one identity: every store here, and whether it is in it */
  whereInstalled(identity: string): Promise<IdentityPlacement[]>;
  install(request: InstallRequest): Promise<InstallResult>;
  uninstall(request: UninstallRequest): Promise<UninstallResult>;
}

export interface InstallServiceOptions {
  vault: Pick<VaultService, 'list' | 'get' | 'show' | 'clientCredentials'>;
  /** default: this process's platform, os.homedir() and PATH */
  machine?: Partial<Machine>;
  run?: ToolRunner;
  /** macOS: the program allowed to use the imported key (`security import -T`); default none */
  appPath?: string | null;
  /** where the private temporary folders go (default the OS temp folder); tests check nothing is left there */
  tempRoot?: string;
}

interface Fingerprinted {
  id: string;
  name: string;
  sha256: string;
  sha1: string;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createInstallService(options: InstallServiceOptions): InstallService {
  const machine: Machine = {
    platform: options.machine?.platform ?? process.platform,
    home: options.machine?.home ?? homedir(),
    path: options.machine?.path ?? process.env.PATH ?? '',
  };
  const run = options.run ?? runTool;
  const tempRoot = options.tempRoot === undefined ? {} : { tempRoot: options.tempRoot };

  const open = (description: StoreDescription): CertificateStore => {
    if (description.kind === 'macos') return macosStore(description, run, { appPath: options.appPath ?? null, ...tempRoot });
    if (description.kind === 'windows') return windowsStore(description, run, tempRoot);
    return nssStore(description, run, tempRoot);
  };

  /** SHA-1 is only needed where stores report nothing else (macOS, Windows): read from the certificate files then */
  const needsSha1 = machine.platform === 'darwin' || machine.platform === 'win32';
  const fingerprinted = async (identity: string): Promise<Fingerprinted> => {
    const summary = await options.vault.get(identity);
    const sha1 = needsSha1 ? ((await options.vault.show(summary.id)).certificates[0]?.sha1 ?? '') : '';
    return { id: summary.id, name: summary.name, sha256: summary.certificateSha256, sha1 };
  };

  const requireUsable = (description: StoreDescription) => {
    if (description.usable) return;
    const tool = description.kind === 'macos' ? 'security' : 'certutil';
    throw toolMissing(tool);
  };

  const checkKind = (kind: string) => {
    if (!(STORE_KINDS as readonly string[]).includes(kind)) {
      throw new StudioError('USAGE', `unknown store '${kind}'`, { hint: `Use one of: ${STORE_KINDS.join(', ')}.` });
    }
  };

  const installedEntries = (entries: StoreEntry[], identity: Fingerprinted) => entries.filter((entry) => sameCertificate(entry, identity));

  return {
    discover: () => discoverStores(machine),
    async stores() {
      const { identities } = await options.vault.list();
      const ours: Fingerprinted[] = [];
      for (const summary of identities) ours.push(needsSha1 ? await fingerprinted(summary.id) : { id: summary.id, name: summary.name, sha256: summary.certificateSha256, sha1: '' });
      const inventories: StoreInventory[] = [];
      for (const description of discoverStores(machine)) {
        if (!description.usable) {
          inventories.push({ store: description, identities: [], error: null });
          continue;
        }
        try {
          const entries = await open(description).entries();
          const found: InstalledIdentity[] = [];
          for (const identity of ours) {
            const match = installedEntries(entries, identity)[0];
            if (match) found.push({ id: identity.id, name: identity.name, certificateSha256: identity.sha256, nickname: match.nickname, hasKey: match.hasKey });
          }
          inventories.push({ store: description, identities: found, error: null });
        } catch (error) {
          inventories.push({ store: description, identities: [], error: message(error) });
        }
      }
      return inventories;
    },

    async whereInstalled(identityName) {
      const identity = await fingerprinted(identityName);
      const placements: IdentityPlacement[] = [];
      for (const description of discoverStores(machine)) {
        if (!description.usable) {
          placements.push({ store: description, installed: false, nickname: null, hasKey: false, error: null });
          continue;
        }
        try {
          const match = installedEntries(await open(description).entries(), identity)[0];
          placements.push({ store: description, installed: match !== undefined, nickname: match?.nickname ?? null, hasKey: match?.hasKey ?? false, error: null });
        } catch (error) {
          placements.push({ store: description, installed: false, nickname: null, hasKey: false, error: message(error) });
        }
      }
      return placements;
    },

    async install(request) {
      checkKind(request.store);
      const targets = selectStores(machine, request.store, request.profile);
      targets.forEach(requireUsable);
      const identity = await fingerprinted(request.identity);
      const credentials = await options.vault.clientCredentials(identity.id);
      const nickname = storeNickname(credentials.name, identity.sha256);
      const done: InstallResult['stores'] = [];
      try {
        for (const description of targets) {
          const store = open(description);
          const result = await store.install({ name: credentials.name, nickname, key: credentials.key, certificates: credentials.certificates }, { trustCa: request.trustCa === true });
          // proof, not trust: the store must now list the certificate together with its key
          const check = { ...fingerprints(credentials.certificates[0]!), id: identity.id, name: identity.name };
          const placed = installedEntries(await store.entries(), check);
          if (!placed.some((entry) => entry.hasKey)) {
            throw new StudioError('STORE_COMMAND_FAILED', `'${identity.name}' was imported into ${description.label} but the store does not list it with its key`, {
              hint: 'Check the store with its own tools (certutil -L / -K), then try again.',
              params: { store: description.kind },
            });
          }
          done.push({ store: description, nickname: placed[0]?.nickname ?? result.nickname, caTrusted: result.caTrusted });
        }
      } finally {
        credentials.key.fill(0);
      }
      return { identity: { id: identity.id, name: identity.name, certificateSha256: identity.sha256 }, stores: done };
    },

    async uninstall(request) {
      checkKind(request.store);
      const targets = selectStores(machine, request.store, request.profile);
      targets.forEach(requireUsable);
      const identity = await fingerprinted(request.identity);
      const stores: UninstallResult['stores'] = [];
      for (const description of targets) {
        const store = open(description);
        const present = installedEntries(await store.entries(), identity);
        for (const entry of present) await store.remove(entry);
        if (installedEntries(await store.entries(), identity).length > 0) {
          throw new StudioError('STORE_COMMAND_FAILED', `'${identity.name}' is still in ${description.label} after removing it`, {
            hint: 'Remove it with the store’s own tools (certutil -D / -F), then check again.',
            params: { store: description.kind },
          });
        }
        stores.push({ store: description, removed: present.length > 0 });
      }
      return { identity: { id: identity.id, name: identity.name, certificateSha256: identity.sha256 }, stores };
    },
  };
}
