import type { UiLanguage } from '../common/dto/settings';

/**
 * Every user-visible string main builds itself (menu, About, native dialogs, error boxes, the expiry notification), one table per
 * language. Typed as `Record<UiLanguage, MainStrings>` so a language missing a key does not compile.
 * Technical tokens (Electron, Chrome, PKCS#12, PEM, file extensions…) stay as they are in every language.
 */
export interface MainStrings {
  menu: {
    file: string;
    view: string;
    openFiles: string;
    showLogs: string;
    openDataFolder: string;
    about(productName: string): string;
  };
  about: {
    title(productName: string): string;
    version: string;
    ok: string;
    copyVersions: string;
  };
  dialogs: {
    openCertificates: string;
    save: string;
    createFolder: string;
    chooseCsv: string;
    chooseCsr: string;
    chooseSignedCertificate: string;
    filters: {
      certificatesAndKeys: string;
      pkcs12Identities: string;
      certificates: string;
      privateKeys: string;
      requestsAndCrls: string;
      allFiles: string;
      derCertificate: string;
      certificateRequests: string;
      certificateRequest: string;
    };
  };
  /** the last words before the app exits */
  errors: {
    stopped(productName: string): string;
    unexpected(logFile: string): string;
    couldNotStart(productName: string): string;
  };
  expiry: {
    title(count: number, days: number): string;
    line(name: string, daysLeft: number): string;
    more(count: number): string;
  };
}

export const MAIN_STRINGS: Record<UiLanguage, MainStrings> = {
  en: {
    menu: {
      file: 'File',
      view: 'View',
      openFiles: 'Open Files…',
      showLogs: 'Show Logs',
      openDataFolder: 'Open Data Folder',
      about: (productName) => `About ${productName}`,
    },
    about: { title: (productName) => `About ${productName}`, version: 'Version', ok: 'OK', copyVersions: 'Copy Versions' },
    dialogs: {
      openCertificates: 'Open certificates and keys',
      save: 'Save',
      createFolder: 'Create folder',
      chooseCsv: 'Choose the CSV of identities to issue',
      chooseCsr: 'Choose the certificate request to sign',
      chooseSignedCertificate: 'Choose the signed certificate',
      filters: {
        certificatesAndKeys: 'Certificates and keys',
        pkcs12Identities: 'PKCS#12 identities',
        certificates: 'Certificates',
        privateKeys: 'Private keys',
        requestsAndCrls: 'Certificate requests and CRLs',
        allFiles: 'All files',
        derCertificate: 'DER certificate',
        certificateRequests: 'Certificate requests',
        certificateRequest: 'Certificate request',
      },
    },
    errors: {
      stopped: (productName) => `${productName} stopped`,
      unexpected: (logFile) => `An unexpected error occurred. Details are in the log file:\n${logFile}`,
      couldNotStart: (productName) => `${productName} could not start`,
    },
    expiry: {
      title: (count, days) => `${count === 1 ? '1 identity expires' : `${count} identities expire`} within ${days} days`,
      line: (name, daysLeft) =>
        `${name}: ${daysLeft < 0 ? 'expired' : daysLeft === 0 ? 'expires today' : daysLeft === 1 ? '1 day left' : `${daysLeft} days left`}`,
      more: (count) => `and ${count} more`,
    },
  },
  'zh-CN': {
    menu: {
      file: '文件',
      view: '视图',
      openFiles: '打开文件…',
      showLogs: '显示日志',
      openDataFolder: '打开数据文件夹',
      about: (productName) => `关于 ${productName}`,
    },
    about: { title: (productName) => `关于 ${productName}`, version: '版本', ok: '确定', copyVersions: '复制版本信息' },
    dialogs: {
      openCertificates: '打开证书和密钥',
      save: '保存',
      createFolder: '创建文件夹',
      chooseCsv: '选择要签发的身份 CSV 文件',
      chooseCsr: '选择要签名的证书请求',
      chooseSignedCertificate: '选择已签名的证书',
      filters: {
        certificatesAndKeys: '证书和密钥',
        pkcs12Identities: 'PKCS#12 身份',
        certificates: '证书',
        privateKeys: '私钥',
        requestsAndCrls: '证书请求和 CRL',
        allFiles: '所有文件',
        derCertificate: 'DER 证书',
        certificateRequests: '证书请求',
        certificateRequest: '证书请求',
      },
    },
    errors: {
      stopped: (productName) => `${productName} 已停止运行`,
      unexpected: (logFile) => `发生意外错误。详细信息见日志文件：\n${logFile}`,
      couldNotStart: (productName) => `${productName} 无法启动`,
    },
    expiry: {
      title: (count, days) => `${count} 个身份将在 ${days} 天内过期`,
      line: (name, daysLeft) => `${name}：${daysLeft < 0 ? '已过期' : daysLeft === 0 ? '今天过期' : `还剩 ${daysLeft} 天`}`,
      more: (count) => `另有 ${count} 个`,
    },
  },
  'zh-TW': {
    menu: {
      file: '檔案',
      view: '檢視',
      openFiles: '開啟檔案…',
      showLogs: '顯示記錄檔',
      openDataFolder: '開啟資料存放資料夾',
      about: (productName) => `關於 ${productName}`,
    },
    about: { title: (productName) => `關於 ${productName}`, version: '版本', ok: '確定', copyVersions: '複製版本資訊' },
    dialogs: {
      openCertificates: '開啟憑證與金鑰',
      save: '儲存',
      createFolder: '建立資料夾',
      chooseCsv: '選擇要簽發的身分 CSV 檔案',
      chooseCsr: '選擇要簽署的憑證要求',
      chooseSignedCertificate: '選擇已簽署的憑證',
      filters: {
        certificatesAndKeys: '憑證與金鑰',
        pkcs12Identities: 'PKCS#12 身分',
        certificates: '憑證',
        privateKeys: '私密金鑰',
        requestsAndCrls: '憑證要求與 CRL',
        allFiles: '所有檔案',
        derCertificate: 'DER 憑證',
        certificateRequests: '憑證要求',
        certificateRequest: '憑證要求',
      },
    },
    errors: {
      stopped: (productName) => `${productName} 已停止運作`,
      unexpected: (logFile) => `發生未預期的錯誤。詳細資訊請見記錄檔：\n${logFile}`,
      couldNotStart: (productName) => `${productName} 無法啟動`,
    },
    expiry: {
      title: (count, days) => `${count} 個身分將在 ${days} 天內到期`,
      line: (name, daysLeft) => `${name}：${daysLeft < 0 ? '已過期' : daysLeft === 0 ? '今天到期' : `剩餘 ${daysLeft} 天`}`,
      more: (count) => `另有 ${count} 個`,
    },
  },
};

/** zh-TW/HK/MO and Hant → Traditional, other zh → Simplified, everything else English (as the renderer decides). */
export function languageForLocale(locale: string): UiLanguage {
  const parts = locale.toLowerCase().replace(/_/g, '-').split('-');
  if (parts[0] !== 'zh') return 'en';
  return parts.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)) ? 'zh-TW' : 'zh-CN';
}

/** The language main speaks: the one the renderer last reported, else the OS locale's. */
export function resolveLanguage(setting: UiLanguage | null, systemLocale: string): UiLanguage {
  return setting ?? languageForLocale(systemLocale);
}
