export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'harness' in the browser test harness */
  host: string;
  platform: string;
  versions: Record<string, string>;
}

export interface OpenedFiles {
  /** absolute paths of existing files, at most 64 */
  paths: string[];
}
