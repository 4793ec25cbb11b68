import type { FileFormat } from '../../common/dto/inspect';

/** Raw artefacts found in input files. Key material stays in core; only descriptions leave it. */
export interface CertificateItem {
  der: Uint8Array;
  friendlyName?: string;
  localKeyId?: Uint8Array;
  source: string;
}

export interface PrivateKeyItem {
  /** unencrypted PKCS#8 PrivateKeyInfo DER (RSA/EC/Ed25519/Ed448 as read; traditional keys are converted) */
  pkcs8: Uint8Array;
  friendlyName?: string;
  localKeyId?: Uint8Array;
  source: string;
  wasEncrypted: boolean;
}

export interface DerItem {
  der: Uint8Array;
  source: string;
}

export interface ParsedContent {
  format: FileFormat;
  certificates: CertificateItem[];
  privateKeys: PrivateKeyItem[];
  crls: DerItem[];
  csrs: DerItem[];
}

/** Everything read from one or more files, merged in input order. */
export interface Bundle {
  files: { path: string; format: FileFormat }[];
  certificates: CertificateItem[];
  privateKeys: PrivateKeyItem[];
  crls: DerItem[];
  csrs: DerItem[];
}

export interface ReadOptions {
  /** password for PKCS#12, encrypted PKCS#8 and OpenSSL traditional encrypted keys; undefined = none given */
  password?: string;
}

export function emptyContent(format: FileFormat): ParsedContent {
  return { format, certificates: [], privateKeys: [], crls: [], csrs: [] };
}
