import type { Result } from '../result';
import type { Channel, ChannelArgs, ChannelResults, EventName, EventPayload } from './contract';

export type Invoke = (channel: Channel, ...args: unknown[]) => Promise<unknown>;
/** Registers a listener for one main → renderer event; returns the function that removes it. */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the renderer's API from an invoke and a subscribe function. The preload passes ipcRenderer.invoke/on;
 * the browser test harness passes a Playwright binding to the same gateway. Every method resolves to a Result,
 * never throws; every `on…` function returns its unsubscribe function.
 */
export function buildStudioApi(invoke: Invoke, subscribe: Subscribe) {
  const call =
    <C extends Channel>(channel: C) =>
    (...args: ChannelArgs<C>) =>
      invoke(channel, ...args) as Promise<Result<ChannelResults[C]>>;
  const on =
    <E extends EventName>(event: E) =>
    (listener: (payload: EventPayload<E>) => void): (() => void) =>
      subscribe(event, (payload) => listener(payload as EventPayload<E>));
  return {
    app: {
      info: call('studio:app.info'),
      takeOpenedFiles: call('studio:app.takeOpenedFiles'),
      onFilesOpened: on('studio:app.filesOpened'),
    },
    files: {
      pick: call('studio:files.pick'),
      inspect: call('studio:files.inspect'),
      export: call('studio:files.export'),
      forget: call('studio:files.forget'),
    },
    vault: {
      list: call('studio:vault.list'),
      show: call('studio:vault.show'),
      import: call('studio:vault.import'),
      rename: call('studio:vault.rename'),
      label: call('studio:vault.label'),
      remove: call('studio:vault.remove'),
      export: call('studio:vault.export'),
      bind: call('studio:vault.bind'),
      unbind: call('studio:vault.unbind'),
      match: call('studio:vault.match'),
    },
    probe: {
      run: call('studio:probe.run'),
      cancel: call('studio:probe.cancel'),
      report: call('studio:probe.report'),
      saveReport: call('studio:probe.saveReport'),
      onProgress: on('studio:probe.progress'),
    },
    ca: {
      list: call('studio:ca.list'),
      create: call('studio:ca.create'),
      import: call('studio:ca.import'),
      issue: call('studio:ca.issue'),
      pickCsv: call('studio:ca.pickCsv'),
      issueBatch: call('studio:ca.issueBatch'),
      cancelBatch: call('studio:ca.cancelBatch'),
      onBatchProgress: on('studio:ca.batchProgress'),
      issued: call('studio:ca.issued'),
      exportIssued: call('studio:ca.exportIssued'),
      revoke: call('studio:ca.revoke'),
      publishCrl: call('studio:ca.publishCrl'),
      exportCertificate: call('studio:ca.exportCertificate'),
      pending: call('studio:ca.pending'),
      createRequest: call('studio:ca.createRequest'),
      removeRequest: call('studio:ca.removeRequest'),
      completeRequest: call('studio:ca.completeRequest'),
      reviewRequest: call('studio:ca.reviewRequest'),
      signRequest: call('studio:ca.signRequest'),
      kit: call('studio:ca.kit'),
    },
    truststore: {
      vaultCas: call('studio:truststore.vaultCas'),
      preview: call('studio:truststore.preview'),
      export: call('studio:truststore.export'),
      testClient: call('studio:truststore.testClient'),
    },
    expiry: {
      takeOpenRequest: call('studio:expiry.takeOpenRequest'),
      onOpenIdentity: on('studio:expiry.openIdentity'),
    },
    install: {
      stores: call('studio:install.stores'),
      where: call('studio:install.where'),
      install: call('studio:install.install'),
      uninstall: call('studio:install.uninstall'),
    },
    targets: {
      guide: call('studio:targets.guide'),
      decodeHeaders: call('studio:headers.decode'),
    },
    lab: {
      start: call('studio:lab.start'),
      stop: call('studio:lab.stop'),
      status: call('studio:lab.status'),
    },
    settings: {
      get: call('studio:settings.get'),
      update: call('studio:settings.update'),
    },
  };
}

export type StudioCoreApi = ReturnType<typeof buildStudioApi>;
