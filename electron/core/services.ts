import { createFileService, type FileService } from './files/file-service';

export interface ServicesOptions {
  /** data folder (MTLS_STUDIO_HOME); used by the vault once it exists */
  home?: string;
  /** clock for validity checks; tests pin it */
  now?: () => Date;
}

export interface Services {
  files: FileService;
}

/** The one composition root, shared by the Electron main process, the CLI and the tests. */
export function createServices(options: ServicesOptions = {}): Services {
  const now = options.now ?? (() => new Date());
  return { files: createFileService(now) };
}
