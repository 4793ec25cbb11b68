/** The public face of pki: read files, describe them, pick an identity, plan and write exports. */
export { readContent, readFiles } from './read';
export { describeBundle } from './describe';
export { selectIdentity, type Identity } from './select';
export { planExport, type ExportRequest } from './export';
export { writeExport } from './write/write-export';
export type { ExportPlan, PlannedFile } from './write/plan';
export type { Bundle, CertificateItem, DerItem, ParsedContent, PrivateKeyItem, ReadOptions } from './model';
export { encodePem } from './pem';
export { isPkcs12, readPkcs12, writePkcs12, type Pkcs12WriteOptions } from './pkcs12';
export { decryptPrivateKeyInfo, encryptPrivateKeyInfo, type Pkcs8EncryptionScheme } from './pbe';
