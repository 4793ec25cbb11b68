/** Trust-store bundles per cloud target: build, check, and test client certificates against them. */
export { createTrustStoreService, type TrustStoreService } from './service';
export { trustStoreVault, type TrustStoreVault } from './vault-access';
