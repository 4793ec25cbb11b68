import type {
  BindResult,
  DoctorReport,
  HostMatch,
  IdentityDetails,
  IdentityExportFormat,
  IdentityExportRequest,
  IdentityExportResult,
  IdentityList,
  IdentityListQuery,
  IdentitySummary,
  ImportedIdentity,
  VaultImportRequest,
} from '../../common/dto/vault';
import type { Bundle } from '../pki';
import { baseNameFor, OUTPUT_EXTENSIONS } from '../files/file-service';
import type { VaultContext } from './context';
import { runDoctor } from './doctor';
import { bindHost, labelIdentity, removeIdentity, renameIdentity, unbindHost } from './edits';
import { exportIdentity } from './export';
import { importIdentity } from './import';
import { createIndexStore } from './index-store';
import { unsealPrivateKey } from './key-access';
import { createOsKeychain, type Keychain } from './keychain';
import { vaultLayout } from './layout';
import { createVaultLock, DEFAULT_LOCK_TIMEOUT_MS } from './lock';
import { findIdentity } from './names';
import { certificatesOf, listIdentities, matchUrl, showIdentity } from './queries';
import { summarize } from './summaries';

/**
 * The identity vault. Every method takes and returns plain DTOs (electron/common/dto/vault.ts), so the IPC layer
 * can expose them as they are — except `clientCredentials`, which returns key bytes and stays in the main process.
 * Identities are addressed by id or name.
 */
export interface VaultService {
  list(query?: IdentityListQuery): Promise<IdentityList>;
  /** the list row of one identity (metadata only: works even when its files are damaged) */
  get(identity: string): Promise<IdentitySummary>;
  show(identity: string): Promise<IdentityDetails>;
  import(request: VaultImportRequest): Promise<ImportedIdentity>;
  rename(identity: string, newName: string): Promise<IdentitySummary>;
  label(identity: string, change: { add?: string[]; remove?: string[] }): Promise<IdentitySummary>;
  remove(identity: string): Promise<{ id: string; name: string }>;
  export(request: IdentityExportRequest, outPath: string, options?: { overwrite?: boolean }): Promise<IdentityExportResult>;
  /** a file name for the save dialog: the identity's name, made safe, with the format's extension */
  suggestedExportName(identity: string, format: IdentityExportFormat): Promise<string>;
  bind(identity: string, pattern: string): Promise<BindResult>;
  unbind(identity: string, pattern: string): Promise<IdentitySummary>;
  match(url: string): Promise<HostMatch>;
  doctor(options?: { repair?: boolean }): Promise<DoctorReport>;
  /** core-only, never over IPC: the PKCS#8 DER key (wipe it after use) and the certificates, leaf first */
  clientCredentials(identity: string): Promise<{ id: string; name: string; key: Uint8Array; certificates: Uint8Array[] }>;
}

export interface VaultOptions {
  home: string;
  now: () => Date;
  /** reads what `files.inspect` parsed, for import */
  bundleOf: (inspectionId: string) => { bundle: Bundle };
  keychain?: Keychain;
  /** how long a writer waits for another one before VAULT_LOCKED */
  lockTimeoutMs?: number;
}

/** The files, keychain and lock every vault operation works with; shared by the vault and the CA service. */
export function createVaultContext(options: Omit<VaultOptions, 'bundleOf'>): VaultContext {
  const layout = vaultLayout(options.home);
  return {
    layout,
    index: createIndexStore(layout),
    keychain: options.keychain ?? createOsKeychain(),
    lock: createVaultLock(layout, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS),
    now: options.now,
  };
}

/** `context`: share one with other services (the CA service) so they queue on the same lock in this process. */
export function createVaultService(options: VaultOptions, context?: VaultContext): VaultService {
  const ctx: VaultContext = context ?? createVaultContext(options);

  return {
    list: async (query) => listIdentities(ctx, query),
    get: async (identity) => summarize(findIdentity(ctx.index.read(), identity), ctx.now()),
    show: async (identity) => showIdentity(ctx, identity),
    import: (request) => {
      const { bundle } = options.bundleOf(request.inspectionId);
      return importIdentity(ctx, bundle, { ...(request.select === undefined ? {} : { select: request.select }), ...(request.name === undefined ? {} : { name: request.name }) });
    },
    rename: (identity, newName) => renameIdentity(ctx, identity, newName),
    label: (identity, change) => labelIdentity(ctx, identity, change),
    remove: (identity) => removeIdentity(ctx, identity),
    export: (request, outPath, exportOptions = {}) => exportIdentity(ctx, request, outPath, { overwrite: exportOptions.overwrite ?? false }),
    suggestedExportName: async (identity, format) => {
      const record = findIdentity(ctx.index.read(), identity);
      return `${baseNameFor(record.name, record.name)}${OUTPUT_EXTENSIONS[format]}`;
    },
    bind: (identity, pattern) => bindHost(ctx, identity, pattern),
    unbind: (identity, pattern) => unbindHost(ctx, identity, pattern),
    match: async (url) => matchUrl(ctx, url),
    doctor: (doctorOptions = {}) => runDoctor(ctx, { repair: doctorOptions.repair ?? false }),
    clientCredentials: async (identity) => {
      const record = findIdentity(ctx.index.read(), identity);
      const { leaf, chain } = certificatesOf(ctx, record);
      return { id: record.id, name: record.name, key: await unsealPrivateKey(ctx, record), certificates: [leaf, ...chain] };
    },
  };
}
