import { dataHome } from './data-home';
import { createFileService, type FileService } from './files/file-service';
import type { Keychain } from './vault/keychain';
import { createVaultContext, createVaultService, type VaultService } from './vault/vault-service';
import { createCaService, type CaService } from './ca-service';
import { createProbeService, type ProbeService } from './probe';
import { loadAuthorities } from './vault/authorities';
import { vaultLayout } from './vault/layout';
import { createInstallService, type InstallService, type InstallServiceOptions } from './install';
import { createTrustStoreService, trustStoreVault, type TrustStoreService } from './chain/truststore';

export interface ServicesOptions {
  /** data folder (MTLS_STUDIO_HOME); default dataHome() */
  home?: string;
  /** clock for validity checks; tests pin it */
  now?: () => Date;
  /** how long a vault writer waits for another (app or CLI) before VAULT_LOCKED; default 10 s */
  vaultLockTimeoutMs?: number;
  /** the OS keychain by default; tests and benchmarks may pass another implementation of the interface */
  keychain?: Keychain;
  /** OS/browser stores: the machine (platform, HOME, PATH), the app allowed to use keys on macOS; tests pass a temp HOME */
  install?: Omit<InstallServiceOptions, 'vault'>;
}

export interface Services {
  files: FileService;
  vault: VaultService;
  probe: ProbeService;
  /** putting identities into NSS / Firefox / macOS keychain / Windows stores, checked live */
  install: InstallService;
  /** the local CA: authorities, issuing, CSRs, revocation, partner kits */
  ca: CaService;
  /** trust-store bundles for the cloud targets: build, check, test a client certificate */
  truststore: TrustStoreService;
}

/** The one composition root, shared by the Electron main process, the CLI and the tests. */
export function createServices(options: ServicesOptions = {}): Services {
  const now = options.now ?? (() => new Date());
  const files = createFileService(now);
  const home = options.home ?? dataHome();
  const vaultOptions = {
    home,
    now,
    bundleOf: (inspectionId: string) => files.bundleOf(inspectionId),
    ...(options.keychain === undefined ? {} : { keychain: options.keychain }),
    ...(options.vaultLockTimeoutMs === undefined ? {} : { lockTimeoutMs: options.vaultLockTimeoutMs }),
  };
  // one context: the vault and the CA service queue on the same lock in this process
  const vaultContext = createVaultContext(vaultOptions);
  const vault = createVaultService(vaultOptions, vaultContext);
  const ca = createCaService(vaultContext, vaultOptions.bundleOf);
  const probe = createProbeService({
    now,
    vault: { clientCredentials: (identity) => vault.clientCredentials(identity), authorities: () => loadAuthorities(vaultLayout(home)).map((item) => item.der) },
  });
  const truststore = createTrustStoreService({ now, vault: trustStoreVault(vaultContext) });
  const install = createInstallService({ ...options.install, vault });
  return { files, vault, probe, install, ca, truststore };
}
