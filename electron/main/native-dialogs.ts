import type { BrowserWindow, Dialog } from 'electron';
import type { OutputFormat } from '../common/dto/inspect';
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
  };
}
