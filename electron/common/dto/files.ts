import type { InspectReport, OutputFormat, Pkcs12Profile } from './inspect';

export interface InspectRequest {
  /** absolute paths chosen in a native dialog or dropped on the window */
  paths: string[];
  password?: string;
}

export interface InspectResponse {
  /** handle for later exports; the parsed key material stays in the main process */
  inspectionId: string;
  report: InspectReport;
}

export interface ExportRequest {
  inspectionId: string;
  format: OutputFormat;
  profile?: Pkcs12Profile;
  /** protects the written key (p12: required; pem: optional, encrypts the PKCS#8 key) */
  outPassword?: string;
  /** pem/der: also write the private key (explicit, never the default) */
  includeKey?: boolean;
  /** sha256 of the certificate whose identity to export when the input holds several */
  select?: string;
}

export interface ExportResponse {
  /** false when the user dismissed the save dialog */
  saved: boolean;
  written: string[];
  warnings: string[];
}

export interface PickResponse {
  paths: string[];
}
