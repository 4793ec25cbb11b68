/** The public face of core: what main and the CLI may use. */
import 'reflect-metadata';

export { createServices } from './services';
export type { Services, ServicesOptions } from './services';
export type { FileService, ExportResult } from './files/file-service';
export { OUTPUT_EXTENSIONS } from './files/file-service';
export { MAX_INPUT_BYTES } from './io/input-files';
export { dataHome, APP_FOLDER_NAME } from './data-home';
export type { VaultService } from './vault/vault-service';
export type { CaService, CreatedKit } from './ca-service';
export type { InstallService, InstallServiceOptions } from './install';
export type { TrustStoreService } from './chain/truststore';
export { KEY_TYPES, KIT_LANGUAGES, REVOCATION_REASONS, LEAF_PROFILES } from './ca';
export type { Keychain } from './vault/keychain';
export { DEFAULT_LOCK_TIMEOUT_MS } from './vault/lock';
export type { ProbeService, ProbeRunOptions } from './probe';
export { DEFAULT_TIMEOUT_MS as PROBE_DEFAULT_TIMEOUT_MS } from './probe';
export { decodeMtlsHeaders, targetGuide } from './targets';
export { verifyChain, loadChainFiles, certificateLabels, MAX_PATH_CERTIFICATES } from './chain';
export type { CertificateInput, CrlInput, VerifyChainInput, ChainFiles, CertificateLabel } from './chain';
export { startLab, labEndpointCatalogue, labEndpointFacts, LAB_ENDPOINT_IDS } from './lab';
export type { LabEndpoint, LabEndpointId, LabFiles, RunningLab, StartLabOptions } from './lab';
