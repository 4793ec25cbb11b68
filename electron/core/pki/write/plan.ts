/** What an export will write, computed before anything touches the disk. */

export interface PlannedFile {
  /** suggested file name (baseName + extension), or the name inside the folder for 'folder' plans */
  name: string;
  bytes: Uint8Array;
  containsPrivateKey: boolean;
  /**
   * 'file' plans only, files after the first: written next to the output as
   * `<output path without its extension><suffix>` (e.g. `client.cer` → `client.key.der`).
   */
  suffix?: string;
}

export interface ExportPlan {
  /** 'file': the first file goes to the output path; 'folder': the output path is a folder holding all files */
  layout: 'file' | 'folder';
  files: PlannedFile[];
  /** English, for the CLI and the save dialog (e.g. a key written unencrypted) */
  warnings: string[];
}

export const textBytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
