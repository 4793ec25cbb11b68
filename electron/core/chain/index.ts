/**
 * The public face of chain/: path building over every candidate issuer, then RFC 5280 checks with one
 * finding per failure. Certificates and CRLs are accepted as @peculiar/x509 objects or as DER items (the
 * `{ der, source }` pki's readers return), so callers pass whatever they already hold. Malformed input throws
 * StudioError CORRUPT_INPUT naming its source; everything else is a verdict with findings.
 */
export { verifyChain } from './verify-chain';
export type { CertificateInput, CrlInput, VerifyChainInput } from './inputs';
export { loadChainFiles, type ChainFiles } from './load-files';
export { certificateLabels, type CertificateLabel } from './labels';
export { MAX_PATH_CERTIFICATES } from './build-paths';
export type { ChainFinding, ChainFindingCode, ChainPurpose, ChainVerification } from '../../common/dto/chain';
