import type { AppInfo } from '../../common/dto/app';
import type { OutputFormat } from '../../common/dto/inspect';
import type { Services } from '../../core';
import type { IpcHandlers } from './gateway';

/** Native dialogs live in main; injected so handlers run (and are tested) without Electron. */
export interface Dialogs {
  pickFiles(): Promise<string[]>;
  chooseSavePath(suggestedName: string, format: OutputFormat): Promise<string | null>;
}

export interface HandlerDeps {
  services: Services;
  dialogs: Dialogs;
  appInfo: AppInfo;
}

export function createIpcHandlers({ services, dialogs, appInfo }: HandlerDeps): IpcHandlers {
  const { files } = services;
  return {
    'studio:app.info': async () => appInfo,
    'studio:files.pick': async () => ({ paths: await dialogs.pickFiles() }),
    'studio:files.inspect': async (request) => files.inspect(request),
    'studio:files.export': async (request) => {
      const outPath = await dialogs.chooseSavePath(files.suggestedName(request.inspectionId, request.format), request.format);
      if (outPath === null) return { saved: false, written: [], warnings: [] };
      // the save dialog already asked the user whether to replace an existing file
      const { written, warnings } = await files.export(request, outPath, { overwrite: true });
      return { saved: true, written, warnings };
    },
    'studio:files.forget': async (inspectionId) => {
      files.forget(inspectionId);
      return null;
    },
  };
}
