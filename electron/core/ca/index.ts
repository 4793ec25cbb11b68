/**
 * The certificate-authority engine: pure functions over plain inputs (keys as node:crypto KeyObject or PKCS#8
 * DER, certificates and requests as DER). The vault-backed service, the CLI and the UI are built on this.
 */
export { KEY_TYPES, DEFAULT_KEY_TYPE, generateKey, keyMaterial, keyTypeOf, keyTypeLabel, parseKeyType, isKeyType } from './keys';
export type { KeyType, KeyMaterial, GeneratedKey, PrivateKeyInput } from './keys';
export { parseSubject, subjectFromTemplate, encodeSubject, formatSubject, commonNameOf } from './subject';
export type { SubjectName, SubjectAttribute } from './subject';
export { parseSan, parseSans, formatSan, encodeSans } from './san';
export type { SanEntry, SanType } from './san';
export {
  validityWindow,
  randomSerial,
  normalizeSerial,
  DEFAULT_CLIENT_DAYS,
  DEFAULT_SERVER_DAYS,
  DEFAULT_ROOT_DAYS,
  DEFAULT_INTERMEDIATE_DAYS,
  MAX_DAYS,
} from './validity';
export type { ValidityWindow } from './validity';
export { loadIssuer } from './issuer';
export type { CaSigner, LoadedIssuer } from './issuer';
export type { IssuedCertificate } from './certificate-builder';
export { createRootCa, createIntermediateCa } from './authority';
export type { CreateCaOptions, CreatedCa } from './authority';
export { issueCertificate, issueIdentity, LEAF_PROFILES, PROFILE_EKU } from './issue';
export type { IssueRequest, IssuedIdentity, LeafProfile } from './issue';
export { createCsr } from './csr-create';
export type { CreateCsrOptions, CreatedCsr } from './csr-create';
export { readCsr, describeCsrDer } from './csr-read';
export type { CsrDetails } from './csr-read';
export { signCsr, checkPolicy, checkRequest, DEFAULT_POLICY } from './csr-sign';
export type { CaPolicy, SignCsrOptions, SignedCsr } from './csr-sign';
export { certificateMatchesKey, matchPendingKey } from './match';
export type { PublicKeyInput } from './match';
export { createCrl, parseRevocationReason, REVOCATION_REASONS, DEFAULT_CRL_DAYS } from './crl';
export type { CreateCrlOptions, CreatedCrl, RevocationReason, RevokedEntry } from './crl';
export { parseCsv } from './csv';
export type { CsvRecord } from './csv';
export { parseOnboardingCsv, onboardingSans, ONBOARDING_COLUMNS, DEFAULT_ONBOARDING_SUBJECT } from './onboarding-csv';
export type { OnboardingRow, OnboardingOptions } from './onboarding-csv';
export { issueForRow, issueOnboardingBatch } from './onboarding-issue';
export type { OnboardingIssueOptions, OnboardingResult } from './onboarding-issue';
export { generatePassword, passwordEntropyBits, PASSWORD_ALPHABET, DEFAULT_PASSWORD_LENGTH } from './password';
export { planPartnerKit, writePartnerKit, kitFileName, kitReadme, KIT_LANGUAGES } from './kit';
export type { PartnerKitInput, WrittenKit, KitLanguage, KitFacts } from './kit';
export { recordFor, revokeRecord, effectiveStatus, crlEntries, searchRecords, registryCsv, REGISTRY_CSV_COLUMNS } from './registry';
export type { IssuedRecord, IssuedKind, IssuedStatus, EffectiveStatus } from './registry';
