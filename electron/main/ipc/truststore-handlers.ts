import type { Services } from '../../core';
import type { IpcHandlers } from './gateway';
import type { Dialogs } from './handlers';

type TrustStoreChannel = Extract<keyof IpcHandlers, `studio:truststore.${string}`>;

/**
 * Trust-store bundles over IPC: the renderer sends its selection with every call. Export asks for the path in the
 * native save dialog only when the bundle passes the target's rules, so a failing bundle is never written. The
 * selection's optional password opens encrypted PKCS#12 files (CA files and a client file) for that call only.
 */
export function createTrustStoreHandlers(
  services: Services,
  dialogs: Pick<Dialogs, 'chooseSavePath'>,
): Pick<IpcHandlers, TrustStoreChannel> {
  const { truststore } = services;
  return {
    'studio:truststore.vaultCas': async () => truststore.vaultCas(),
    'studio:truststore.preview': async ({ password, ...selection }) => truststore.preview(selection, { password }),
    'studio:truststore.export': async ({ password, ...selection }) => {
      const report = await truststore.preview(selection, { password });
      if (!report.passes) return { saved: false, written: null, report };
      const outPath = await dialogs.chooseSavePath(truststore.suggestedName(selection.target), 'pem');
      if (outPath === null) return { saved: false, written: null, report };
      // the save dialog already asked the user whether to replace an existing file
      const result = await truststore.build(selection, outPath, { overwrite: true, password });
      return { saved: result.written !== null, written: result.written, report: result };
    },
    'studio:truststore.testClient': async ({ password, ...selection }, client) =>
      truststore.testClient(selection, client, { password }),
  };
}
