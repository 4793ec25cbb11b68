import type { BrowserWindow, Dialog } from 'electron';
import type { OutputFormat } from '../common/dto/inspect';
import type { UiLanguage } from '../common/dto/settings';
import type { CaFileKind, CaSaveKind } from './ipc/ca-handlers';
import type { Dialogs } from './ipc/handlers';
import { MAIN_STRINGS, type MainStrings } from './main-strings';

type DialogTexts = MainStrings['dialogs'];
type FileFilter = { name: string; extensions: string[] };

/** First the combined filter (the default), then one per kind; the format is detected from content anyway. */
export function inputFilters({ filters: name }: DialogTexts): FileFilter[] {
  return [
    { name: name.certificatesAndKeys, extensions: ['p12', 'pfx', 'pem', 'crt', 'cer', 'der', 'key', 'p7b', 'p7c', 'csr', 'crl'] },
    { name: name.pkcs12Identities, extensions: ['p12', 'pfx'] },
    { name: name.certificates, extensions: ['pem', 'crt', 'cer', 'der', 'p7b', 'p7c'] },
    { name: name.privateKeys, extensions: ['key', 'pem'] },
    { name: name.requestsAndCrls, extensions: ['csr', 'crl'] },
    { name: name.allFiles, extensions: ['*'] },
  ];
}

function outputFilters(format: OutputFormat, { filters: name }: DialogTexts): FileFilter[] {
  const filters: Record<OutputFormat, FileFilter[]> = {
    p12: [{ name: 'PKCS#12', extensions: ['p12', 'pfx'] }],
    pem: [{ name: 'PEM', extensions: ['pem', 'crt'] }],
    der: [{ name: name.derCertificate, extensions: ['cer', 'der'] }],
    p7b: [{ name: 'PKCS#7', extensions: ['p7b'] }],
    acm: [],
  };
  return filters[format];
}

function caOpenOptions(kind: CaFileKind, text: DialogTexts): { title: string; filters: FileFilter[] } {
  const allFiles = { name: text.filters.allFiles, extensions: ['*'] };
  const options: Record<CaFileKind, { title: string; filters: FileFilter[] }> = {
    csv: { title: text.chooseCsv, filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }, allFiles] },
    csr: { title: text.chooseCsr, filters: [{ name: text.filters.certificateRequests, extensions: ['csr', 'req', 'pem', 'der'] }, allFiles] },
    certificate: { title: text.chooseSignedCertificate, filters: [{ name: text.filters.certificates, extensions: ['pem', 'crt', 'cer', 'der', 'p7b', 'p7c'] }, allFiles] },
  };
  return options[kind];
}

function caSaveFilters(kind: CaSaveKind, text: DialogTexts): FileFilter[] {
  const filters: Record<CaSaveKind, FileFilter[]> = {
    csv: [{ name: 'CSV', extensions: ['csv'] }],
    csr: [{ name: text.filters.certificateRequest, extensions: ['csr', 'pem'] }],
    'crl-pem': [{ name: 'CRL (PEM)', extensions: ['pem', 'crl'] }],
    'crl-der': [{ name: 'CRL (DER)', extensions: ['crl', 'der'] }],
    pem: [{ name: 'PEM', extensions: ['pem', 'crt'] }],
  };
  return filters[kind];
}

/** `language` is asked each time a dialog opens, so a dialog speaks the language the user has chosen by then. */
export function nativeDialogs(dialog: Dialog, window: () => BrowserWindow | null, language: () => UiLanguage = () => 'en'): Dialogs {
  const texts = () => MAIN_STRINGS[language()].dialogs;
  return {
    async pickFiles() {
      const parent = window();
      const text = texts();
      const options = { title: text.openCertificates, properties: ['openFile' as const, 'multiSelections' as const], filters: inputFilters(text) };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSavePath(suggestedName, format) {
      const parent = window();
      const text = texts();
      const options = {
        defaultPath: suggestedName,
        filters: outputFilters(format, text),
        // the ACM bundle is a folder of three PEM files; the chosen name becomes that folder
        buttonLabel: format === 'acm' ? text.createFolder : text.save,
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
      const options = { ...caOpenOptions(kind, texts()), properties: ['openFile' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileSavePath(suggestedName, kind) {
      const parent = window();
      const options = { defaultPath: suggestedName, filters: caSaveFilters(kind, texts()), properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseNewFolder(suggestedName) {
      const parent = window();
      // a save dialog: the chosen name becomes the folder (an open-directory dialog cannot name a new one everywhere)
      const options = { defaultPath: suggestedName, buttonLabel: texts().createFolder, properties: ['createDirectory' as const] };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
