import type { BrowserWindow, Dialog } from 'electron';
import type { OutputFormat } from '../common/dto/inspect';
import type { CaFileKind, CaSaveKind } from './ipc/ca-handlers';
import type { Dialogs } from './ipc/handlers';

/** First the combined filter (the default), then one per kind; the format is detected from content anyway. */
export const INPUT_FILTERS = [
  { name: 'Certificates and keys', extensions: ['p12', 'pfx', 'pem', 'crt', 'cer', 'der', 'key', 'p7b', 'p7c', 'csr', 'crl'] },
  { name: 'PKCS#12 identities', extensions: ['p12', 'pfx'] },
  { name: 'Certificates', extensions: ['pem', 'crt', 'cer', 'der', 'p7b', 'p7c'] },
  { name: 'Private keys', extensions: ['key', 'pem'] },
  { name: 'Certificate requests and CRLs', extensions: ['csr', 'crl'] },
  { name: 'All files', extensions: ['*'] },
];

const OUTPUT_FILTERS: Record<OutputFormat, { name: string; extensions: string[] }[]> = {
  p12: [{ name: 'PKCS#12', extensions: ['p12', 'pfx'] }],
  pem: [{ name: 'PEM', extensions: ['pem', 'crt'] }],
  der: [{ name: 'DER certificate', extensions: ['cer', 'der'] }],
  p7b: [{ name: 'PKCS#7', extensions: ['p7b'] }],
  acm: [],
};

const CA_OPEN_FILTERS: Record<CaFileKind, { title: string; filters: { name: string; extensions: string[] }[] }> = {
  csv: { title: 'Choose the CSV of identities to issue', filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }, { name: 'All files', extensions: ['*'] }] },
  csr: { title: 'Choose the certificate request to sign', filters: [{ name: 'Certificate requests', extensions: ['csr', 'req', 'pem', 'der'] }, { name: 'All files', extensions: ['*'] }] },
  certificate: { title: 'Choose the signed certificate', filters: [{ name: 'Certificates', extensions: ['pem', 'crt', 'cer', 'der', 'p7b', 'p7c'] }, { name: 'All files', extensions: ['*'] }] },
};

const CA_SAVE_FILTERS: Record<CaSaveKind, { name: string; extensions: string[] }[]> = {
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  csr: [{ name: 'Certificate request', extensions: ['csr', 'pem'] }],
  'crl-pem': [{ name: 'CRL (PEM)', extensions: ['pem', 'crl'] }],
  'crl-der': [{ name: 'CRL (DER)', extensions: ['crl', 'der'] }],
  pem: [{ name: 'PEM', extensions: ['pem', 'crt'] }],
};

export function nativeDialogs(dialog: Dialog, window: () => BrowserWindow | null): Dialogs {
  return {
    async pickFiles() {
      const parent = window();
      const options = { title: 'Open certificates and keys', properties: ['openFile' as const, 'multiSelections' as const], filters: INPUT_FILTERS };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSavePath(suggestedName, format) {
      const parent = window();
      const options = {
        defaultPath: suggestedName,
        filters: OUTPUT_FILTERS[format],
        // the ACM bundle is a folder of three PEM files; the chosen name becomes that folder
        buttonLabel: format === 'acm' ? 'Create folder' : 'Save',
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseReportPath(suggestedName, format) {
      const parent = window();
      const filters = format === 'json' ? [{ name: 'JSON', extensions: ['json'] }] : [{ name: 'Markdown', extensions: ['md'] }];
      const options = { defaultPath: suggestedName, filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async pickFile(kind) {
      const parent = window();
      const options = { ...CA_OPEN_FILTERS[kind], properties: ['openFile' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileSavePath(suggestedName, kind) {
      const parent = window();
      const options = { defaultPath: suggestedName, filters: CA_SAVE_FILTERS[kind], properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseNewFolder(suggestedName) {
      const parent = window();
      // a save dialog: the chosen name becomes the folder (an open-directory dialog cannot name a new one everywhere)
      const options = { defaultPath: suggestedName, buttonLabel: 'Create folder', properties: ['createDirectory' as const] };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
