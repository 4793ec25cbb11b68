import type { AppInfo } from '../../common/dto/app';
import type { OutputFormat } from '../../common/dto/inspect';
import type { Services } from '../../core';
import type { SettingsStore } from '../settings-store';
import { createCaHandlers, type CaDialogs } from './ca-handlers';
import type { IpcHandlers } from './gateway';
import { createProbeHandlers, type EventSink } from './probe-handlers';
import { createTrustStoreHandlers } from './truststore-handlers';
import { createInstallHandlers } from './install-handlers';
import { createTargetsHandlers } from './targets-handlers';
import { createLabHost, type LabHost } from '../lab-host';
import { createVaultHandlers } from './vault-handlers';

/** Native dialogs live in main; injected so handlers run (and are tested) without Electron. */
export interface Dialogs extends CaDialogs {
  pickFiles(): Promise<string[]>;
  chooseSavePath(suggestedName: string, format: OutputFormat): Promise<string | null>;
  /** where to save a probe report (Markdown or JSON); null when cancelled */
  chooseReportPath(suggestedName: string, format: 'markdown' | 'json'): Promise<string | null>;
}

export interface HandlerDeps {
  services: Services;
  dialogs: Dialogs;
  appInfo: AppInfo;
  /** files the OS handed over before the renderer listened (electron/main/opened-files.ts) */
  openedFiles: { take(): string[] };
  /** app settings in the data folder (electron/main/settings-store.ts) */
  settings: SettingsStore;
  /** main → renderer events (probe progress); without it no progress is sent */
  events?: EventSink;
  /** the identity an expiry notification click asked for (electron/main/expiry-watch.ts) */
  expiryRequests?: { take(): { id: string } | null };
  /** the local lab (electron/main/lab-host.ts); main passes its own to stop it on quit, tests get a fresh one */
  lab?: LabHost;
}

export function createIpcHandlers({ services, dialogs, appInfo, openedFiles, settings, events, lab, expiryRequests }: HandlerDeps): IpcHandlers {
  const { files } = services;
  return {
    'studio:app.info': async () => appInfo,
    'studio:app.takeOpenedFiles': async () => ({ paths: openedFiles.take() }),
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
    ...createVaultHandlers(services, dialogs),
    ...createProbeHandlers(services, dialogs, events ?? null),
    ...createCaHandlers(services, dialogs, events ?? null),
    ...createTrustStoreHandlers(services, dialogs),
    ...createInstallHandlers(services),
    'studio:expiry.takeOpenRequest': async () => expiryRequests?.take() ?? null,
    ...createTargetsHandlers(lab ?? createLabHost()),
    'studio:settings.get': async () => settings.read(),
    'studio:settings.update': async (change) => settings.update(change),
  };
}
