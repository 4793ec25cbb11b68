/**
 * Main's own strings (menu, About, native dialogs) in each UI language: no English left in Chinese except technical
 * tokens, the language read when a dialog opens, and the settings store telling main when the language changes.
 */
import type { Dialog, MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../electron/common/dto/app';
import type { UiLanguage } from '../../electron/common/dto/settings';
import { aboutDialogOptions } from '../../electron/main/about';
import { notifyLanguageChanges } from '../../electron/main/language-settings';
import { MAIN_STRINGS, resolveLanguage } from '../../electron/main/main-strings';
import { applicationMenuTemplate } from '../../electron/main/menu';
import { nativeDialogs } from '../../electron/main/native-dialogs';
import { createSettingsStore } from '../../electron/main/settings-store';

const LANGUAGES: UiLanguage[] = ['en', 'zh-CN', 'zh-TW'];
const TECHNICAL = ['mTLS Studio', 'Electron', 'Chrome', 'Node.js', 'V8', 'OS', 'PKCS#12', 'PKCS#7', 'PEM', 'DER', 'CSV', 'CRL', 'JSON', 'Markdown'];

/** the text with technical tokens and version numbers removed: in Chinese no Latin letter may remain */
function latinLeft(text: string): string {
  const stripped = TECHNICAL.reduce((rest, token) => rest.split(token).join(''), text);
  return (stripped.match(/[A-Za-z]+/g) ?? []).join(' ');
}

const noop = () => undefined;
const actions = { openFiles: noop, showLogs: noop, openDataFolder: noop, showAbout: noop };
const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
const labels = (language: UiLanguage, platform: NodeJS.Platform) =>
  items(applicationMenuTemplate({ platform, productName: 'mTLS Studio', language, devTools: true, actions }))
    .map((item) => item.label)
    .filter((label): label is string => label !== undefined);

describe('menu labels per language', () => {
  it.each([
    ['en', ['File', 'Open Files…', 'View', 'Show Logs', 'Open Data Folder', 'About mTLS Studio']],
    ['zh-CN', ['文件', '打开文件…', '视图', '显示日志', '打开数据文件夹', '关于 mTLS Studio']],
    ['zh-TW', ['檔案', '開啟檔案…', '檢視', '顯示記錄檔', '開啟資料存放資料夾', '關於 mTLS Studio']],
  ] as const)('%s: every label of the Windows/Linux menu', (language, expected) => {
    expect(labels(language, 'linux')).toEqual(expected);
    expect(labels(language, 'win32')).toEqual(expected);
  });

  it.each(['zh-CN', 'zh-TW'] as const)('%s: no English label on any platform; roles stay unlabelled for Electron', (language) => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      for (const label of labels(language, platform)) expect(latinLeft(label), label).toBe('');
      const template = applicationMenuTemplate({ platform, productName: 'mTLS Studio', language, devTools: true, actions });
      for (const item of items(template).filter((entry) => entry.role)) expect(item.label).toBeUndefined();
    }
  });

  it('darwin: the app menu keeps the product name and translates About', () => {
    const template = applicationMenuTemplate({ platform: 'darwin', productName: 'mTLS Studio', language: 'zh-TW', devTools: false, actions });
    expect(template[0]!.label).toBe('mTLS Studio');
    expect((template[0]!.submenu as MenuItemConstructorOptions[])[0]!.label).toBe('關於 mTLS Studio');
    expect(template[1]!.label).toBe('檔案');
  });
});

describe('About dialog per language', () => {
  const info: AppInfo = { name: 'mTLS Studio', version: '0.1.0', host: 'electron', platform: 'linux', versions: { electron: '45.4.1', chrome: '142.0.7444.59', node: '22.20.0', v8: '14.2.231.9' } };

  it.each([
    ['en', 'About mTLS Studio', ['OK', 'Copy Versions'], 'Version 0.1.0'],
    ['zh-CN', '关于 mTLS Studio', ['确定', '复制版本信息'], '版本 0.1.0'],
    ['zh-TW', '關於 mTLS Studio', ['確定', '複製版本資訊'], '版本 0.1.0'],
  ] as const)('%s: title, buttons and the version line; runtime names stay technical', (language, title, buttons, versionLine) => {
    const options: MessageBoxOptions = aboutDialogOptions(info, language);
    expect(options).toMatchObject({ title, message: 'mTLS Studio', buttons });
    const lines = options.detail!.split('\n');
    expect(lines[0]).toBe(versionLine);
    expect(lines.slice(1)).toEqual(['Electron 45.4.1', 'Chrome 142.0.7444.59', 'Node.js 22.20.0', 'V8 14.2.231.9', `OS linux ${process.arch}`]);
    if (language !== 'en') for (const text of [options.title!, ...options.buttons!]) expect(latinLeft(text), text).toBe('');
  });
});

/** opens every native dialog once and returns the options each received */
async function openEveryDialog(language: () => UiLanguage) {
  const showOpenDialog = vi.fn().mockResolvedValue({ canceled: true, filePaths: [] });
  const showSaveDialog = vi.fn().mockResolvedValue({ canceled: true, filePath: '' });
  const dialogs = nativeDialogs({ showOpenDialog, showSaveDialog } as unknown as Dialog, () => null, language);
  await dialogs.pickFiles();
  for (const kind of ['csv', 'csr', 'certificate'] as const) await dialogs.pickFile(kind);
  for (const format of ['p12', 'pem', 'der', 'p7b', 'acm'] as const) await dialogs.chooseSavePath('out', format);
  for (const kind of ['csv', 'csr', 'crl-pem', 'crl-der', 'pem'] as const) await dialogs.chooseFileSavePath('out', kind);
  await dialogs.chooseReportPath('report', 'json');
  await dialogs.chooseNewFolder('kit');
  type Options = { title?: string; buttonLabel?: string; filters?: { name: string }[] };
  return [...showOpenDialog.mock.calls, ...showSaveDialog.mock.calls].map(([options]) => options as Options);
}

describe('native dialogs per language', () => {
  it.each([
    ['en', 'Open certificates and keys', 'Choose the certificate request to sign', 'Save', 'Create folder', 'All files'],
    ['zh-CN', '打开证书和密钥', '选择要签名的证书请求', '保存', '创建文件夹', '所有文件'],
    ['zh-TW', '開啟憑證與金鑰', '選擇要簽署的憑證要求', '儲存', '建立資料夾', '所有檔案'],
  ] as const)('%s: titles, button labels and filter names', async (language, openTitle, csrTitle, save, createFolder, allFiles) => {
    const options = await openEveryDialog(() => language);
    expect(options[0]!.title).toBe(openTitle);
    expect(options[0]!.filters!.at(-1)!.name).toBe(allFiles);
    expect(options[2]!.title).toBe(csrTitle);
    const buttons = options.map((entry) => entry.buttonLabel).filter(Boolean);
    expect(buttons).toEqual([save, save, save, save, createFolder, createFolder]);
    if (language === 'en') return;
    const texts = options.flatMap((entry) => [entry.title, entry.buttonLabel, ...(entry.filters ?? []).map((filter) => filter.name)]).filter((text): text is string => Boolean(text));
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) expect(latinLeft(text), text).toBe('');
  });

  it('reads the language each time a dialog opens', async () => {
    let language: UiLanguage = 'en';
    const showOpenDialog = vi.fn().mockResolvedValue({ canceled: true, filePaths: [] });
    const dialogs = nativeDialogs({ showOpenDialog } as unknown as Dialog, () => null, () => language);
    await dialogs.pickFiles();
    language = 'zh-TW';
    await dialogs.pickFiles();
    expect(showOpenDialog.mock.calls.map(([options]) => (options as { title: string }).title)).toEqual(['Open certificates and keys', '開啟憑證與金鑰']);
  });
});

describe('the language main speaks', () => {
  it('is the reported setting, else the OS locale', () => {
    expect(resolveLanguage('zh-CN', 'zh-TW')).toBe('zh-CN');
    expect(resolveLanguage(null, 'zh-Hant-HK')).toBe('zh-TW');
    expect(resolveLanguage(null, 'de-DE')).toBe('en');
  });

  it('the settings store tells main when an update changes the language, and only then', () => {
    const changed = vi.fn();
    const store = notifyLanguageChanges(createSettingsStore(join(mkdtempSync(join(tmpdir(), 'main-i18n-')), 'settings.json')), changed);
    store.update({ expiryThresholdDays: 10 });
    expect(changed).not.toHaveBeenCalled();
    store.update({ language: 'zh-TW' });
    store.update({ language: 'zh-TW' });
    store.update({ expiryNotify: false });
    expect(changed.mock.calls).toEqual([['zh-TW']]);
    store.update({ language: 'en' });
    expect(changed.mock.calls).toEqual([['zh-TW'], ['en']]);
    expect(store.read()).toMatchObject({ language: 'en', expiry: { notify: false, thresholdDays: 10 } });
  });

  it.each(['zh-CN', 'zh-TW'] as const)('%s: the error boxes have no English left', (language) => {
    const errors = MAIN_STRINGS[language].errors;
    for (const text of [errors.stopped('mTLS Studio'), errors.unexpected('/日志/main.log'), errors.couldNotStart('mTLS Studio')]) {
      expect(latinLeft(text.replace('/日志/main.log', '')), text).toBe('');
    }
    expect(errors.unexpected('/x/main.log').endsWith('\n/x/main.log')).toBe(true);
  });

  it('every language has the same shape of table (the type enforces it; this guards a cast)', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)])) : typeof value;
    for (const language of LANGUAGES) expect(shape(MAIN_STRINGS[language])).toEqual(shape(MAIN_STRINGS.en));
  });
});
