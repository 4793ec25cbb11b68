import { CHAIN_FILE, displayFingerprint, kitCommands, URL_PLACEHOLDER, type KitFacts } from './facts';

/** 合作夥伴憑證包的說明檔（繁體中文）。 */
export function readmeZhTw(facts: KitFacts): string {
  const c = kitCommands(facts);
  const p12 = facts.p12File;
  const cert = facts.certificate;
  const modern = facts.profile === 'modern';
  return `# ${facts.name} 的用戶端憑證

這個資料夾裡的用戶端憑證，用於在雙向 TLS（mTLS）連線中證明 **${facts.name}** 的身分。

| 檔案 | 說明 |
|---|---|
| \`${p12}\` | 您的憑證**及其私密金鑰**，連同 CA 憑證鏈，存放在一個受密碼保護的 PKCS#12 檔案中。請妥善保管：任何取得此檔案與密碼的人都能以您的身分連線。 |
| \`${CHAIN_FILE}\` | 簽發您憑證的 CA 之憑證（簽發 CA 在前，根憑證在後），僅供核對，不需要安裝或信任。 |
| \`README.md\` | 本說明。 |

**密碼不在這個資料夾中**，已另外提供給您。若您沒有收到密碼，請聯絡窗口重新產生檔案：密碼無法找回。
${cert === null ? '' : `
## 憑證資訊

- 主體：\`${cert.subject}\`
- 簽發者：\`${cert.issuer}\`
- 有效期限至：${cert.notAfter.slice(0, 10)}（UTC）
- SHA-256 指紋：\`${displayFingerprint(cert.sha256)}\`

安裝後請核對指紋，也可以用下列指令查看：

\`\`\`sh
${c.verifyFingerprint}
\`\`\`
`}
## 檔案格式

${modern
    ? '此檔案採用**新式**格式：AES-256 加密，SHA-256 完整性檢查。Windows 10（1709）以上、OpenSSL 3、Java、Firefox 與目前的 Linux 工具都能開啟。**macOS 鑰匙圈與舊版 Windows 無法開啟**：即使密碼正確也會顯示密碼錯誤。若需要在這些系統上使用，請索取本憑證包的*相容*（compat）版本。'
    : '此檔案採用**相容**格式（3DES 加密，SHA-1 完整性檢查）：所有系統都能匯入，包括 macOS 鑰匙圈、舊版 Windows 與網路設備。'}

## 1. 測試

使用 curl（Linux、macOS；輸入密碼時不會顯示，也不會留在 shell 歷史紀錄裡）：

\`\`\`sh
${c.curl}
\`\`\`

在 Windows 上（PowerShell 7）：

\`\`\`powershell
${c.curlWindows}
\`\`\`

使用 mTLS Studio 命令列，它會顯示完整的交握過程並說明失敗原因（伺服器不信任該 CA、伺服器沒有要求憑證、憑證已過期等）：

\`\`\`sh
${c.probe}
\`\`\`
${facts.url === URL_PLACEHOLDER ? `\n請將 ${URL_PLACEHOLDER} 換成對方提供給您的網址。\n` : ''}
## 2. 安裝

### 瀏覽器
Chrome、Edge 與 Safari 使用作業系統的憑證存放區：請依下方對應系統的步驟安裝，然後重新啟動瀏覽器。網站要求提供憑證時，請選擇 **${facts.name}**。

Firefox 有自己的憑證存放區：*設定 → 隱私權與安全性 → 憑證 → 檢視憑證 → 您的憑證 → 匯入…*，選擇 \`${p12}\` 並輸入密碼。

### macOS（鑰匙圈）
按兩下 \`${p12}\`，選擇**登入**鑰匙圈並輸入密碼。也可以在「終端機」中執行（會跳出對話框詢問密碼）：

\`\`\`sh
${c.macos}
\`\`\`
${modern ? '\n鑰匙圈會以「密碼錯誤」拒絕新式格式的檔案：請索取相容版本。\n' : ''}
### Windows
按兩下 \`${p12}\`，開啟憑證匯入精靈。選擇**目前使用者**，輸入密碼，讓 Windows 自動選擇憑證存放區。也可以在 PowerShell 中執行：

\`\`\`powershell
${c.windowsPowerShell}
\`\`\`

或在命令提示字元中執行（會詢問密碼）：

\`\`\`bat
${c.windowsCertutil}
\`\`\`

### Linux（NSS：Chrome、Chromium、Firefox）
Chrome 與 Chromium 讀取家目錄中的 NSS 資料庫（\`pk12util\` 位於 Debian/Ubuntu 的 \`libnss3-tools\` 套件、Fedora/RHEL 的 \`nss-tools\` 套件）；執行時會詢問密碼：

\`\`\`sh
${c.nss}
\`\`\`

Firefox 請使用上方的匯入按鈕，或讓 \`pk12util\` 指向您的 Firefox 設定檔目錄：

\`\`\`sh
${c.nssFirefox}
\`\`\`

需要 PEM 檔案的工具（curl --cert/--key、Python requests、nginx）可以用 OpenSSL 匯出；第二個指令會先詢問檔案密碼，再要求設定一組新密碼來保護 client.key：

\`\`\`sh
${c.pemSplit}
\`\`\`

## 疑難排解

- 在 macOS 或舊版 Windows 上出現**「密碼錯誤」或「MAC verification failed」**：${modern ? '這是新式格式的檔案，請索取相容版本。' : '請檢查密碼（大小寫有別）。'}
- **交握失敗或伺服器回應 403**：伺服器必須信任 \`${CHAIN_FILE}\` 中的 CA。請執行上方的 mTLS Studio 指令，並將報告寄給窗口；報告中不會包含您的私密金鑰或密碼。
- **「certificate expired」（憑證已過期）**：請申請續約${cert === null ? '' : `（此憑證有效期限至 ${cert.notAfter.slice(0, 10)}）`}。
`;
}
