/** What the app's vault channels (studio:vault.*) take and return beyond the vault DTOs of ./vault. */
import type { IdentityExportFormat } from './vault';
import type { Pkcs12Profile } from './inspect';

export interface VaultExportRequest {
  /** identity id */
  id: string;
  format: IdentityExportFormat;
  profile?: Pkcs12Profile;
  /** p12: required; pem: encrypts the key */
  outPassword?: string;
  /**
   * Always explicit over IPC: true whenever the key leaves the vault. p12 and acm always hold the key (false is
   * refused); pem writes the key only when true.
   */
  includeKey: boolean;
}

export interface VaultExportResponse {
  /** false when the user dismissed the save dialog (nothing was written, nothing recorded) */
  saved: boolean;
  written: string[];
  warnings: string[];
  /** the private key left the vault, and the identity's history says so */
  keyExported: boolean;
}

export interface VaultRemoveRequest {
  id: string;
  /** the name as the user typed it to confirm; main refuses the removal when it is not the identity's name */
  confirmName: string;
}
