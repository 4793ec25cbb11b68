import { CHAIN_FILE, displayFingerprint, kitCommands, URL_PLACEHOLDER, type KitFacts } from './facts';

/** 合作方证书包的说明文件（简体中文）。 */
export function readmeZhCn(facts: KitFacts): string {
  const c = kitCommands(facts);
  const p12 = facts.p12File;
  const cert = facts.certificate;
  const modern = facts.profile === 'modern';
  return `# ${facts.name} 的客户端证书

本文件夹中的客户端证书用于在双向 TLS（mTLS）连接中证明 **${facts.name}** 的身份。

| 文件 | 说明 |
|---|---|
| \`${p12}\` | 您的证书**及其私钥**，连同 CA 证书链，保存在一个受密码保护的 PKCS#12 文件中。请妥善保管：任何拿到此文件和密码的人都能以您的身份连接。 |
| \`${CHAIN_FILE}\` | 签发您证书的 CA 的证书（签发 CA 在前，根证书在后），仅供核对，无需安装或信任。 |
| \`README.md\` | 本说明。 |

**密码不在本文件夹中**，已另行告知您。如果没有收到密码，请联系对接人重新生成文件：密码无法找回。
${cert === null ? '' : `
## 证书信息

- 主题：\`${cert.subject}\`
- 签发者：\`${cert.issuer}\`
- 有效期至：${cert.notAfter.slice(0, 10)}（UTC）
- SHA-256 指纹：\`${displayFingerprint(cert.sha256)}\`

安装后请核对指纹，也可以用以下命令查看：

\`\`\`sh
${c.verifyFingerprint}
\`\`\`
`}
## 文件格式

${modern
    ? '此文件采用**现代**格式：AES-256 加密，SHA-256 完整性校验。Windows 10（1709）及以上、OpenSSL 3、Java、Firefox 和当前的 Linux 工具都能打开。**macOS 钥匙串和旧版 Windows 无法打开**：即使密码正确也会提示密码错误。如需在这些系统上使用，请索取本证书包的*兼容*（compat）版本。'
    : '此文件采用**兼容**格式（3DES 加密，SHA-1 完整性校验）：所有系统都能导入，包括 macOS 钥匙串、旧版 Windows 和网络设备。'}

## 1. 测试

使用 curl（Linux、macOS；输入密码时不回显，也不会留在 shell 历史记录中）：

\`\`\`sh
${c.curl}
\`\`\`

在 Windows 上（PowerShell 7）：

\`\`\`powershell
${c.curlWindows}
\`\`\`

使用 mTLS Studio 命令行，它会展示完整的握手过程并解释失败原因（服务器不信任该 CA、服务器未请求证书、证书已过期等）：

\`\`\`sh
${c.probe}
\`\`\`
${facts.url === URL_PLACEHOLDER ? `\n请把 ${URL_PLACEHOLDER} 换成对方提供给您的地址。\n` : ''}
## 2. 安装

### 浏览器
Chrome、Edge 和 Safari 使用操作系统的证书存储：请按下文对应系统的步骤安装，然后重启浏览器。网站要求提供证书时，选择 **${facts.name}**。

Firefox 有自己的证书存储：*设置 → 隐私与安全 → 证书 → 查看证书 → 您的证书 → 导入…*，选择 \`${p12}\` 并输入密码。

### macOS（钥匙串）
双击 \`${p12}\`，选择**登录**钥匙串并输入密码。也可以在终端中执行（会弹出对话框询问密码）：

\`\`\`sh
${c.macos}
\`\`\`
${modern ? '\n钥匙串会以"密码错误"拒绝现代格式的文件：请索取兼容版本。\n' : ''}
### Windows
双击 \`${p12}\`，打开证书导入向导。选择**当前用户**，输入密码，让 Windows 自动选择证书存储。也可以在 PowerShell 中执行：

\`\`\`powershell
${c.windowsPowerShell}
\`\`\`

或在命令提示符中执行（会询问密码）：

\`\`\`bat
${c.windowsCertutil}
\`\`\`

### Linux（NSS：Chrome、Chromium、Firefox）
Chrome 和 Chromium 读取主目录中的 NSS 数据库（\`pk12util\` 在 Debian/Ubuntu 的 \`libnss3-tools\` 包、Fedora/RHEL 的 \`nss-tools\` 包中）；执行时会询问密码：

\`\`\`sh
${c.nss}
\`\`\`

Firefox 请使用上面的导入按钮，或让 \`pk12util\` 指向您的 Firefox 配置目录：

\`\`\`sh
${c.nssFirefox}
\`\`\`

需要 PEM 文件的工具（curl --cert/--key、Python requests、nginx）可以用 OpenSSL 导出；第二条命令会先询问文件密码，再要求设置一个新密码来保护 client.key：

\`\`\`sh
${c.pemSplit}
\`\`\`

## 常见问题

- 在 macOS 或旧版 Windows 上提示**"密码错误"或"MAC verification failed"**：${modern ? '这是现代格式的文件，请索取兼容版本。' : '请检查密码（区分大小写）。'}
- **握手失败或服务器返回 403**：服务器必须信任 \`${CHAIN_FILE}\` 中的 CA。请运行上面的 mTLS Studio 命令，并把报告发给对接人；报告中不会包含您的私钥或密码。
- **"certificate expired"（证书已过期）**：请申请续期${cert === null ? '' : `（此证书有效期至 ${cert.notAfter.slice(0, 10)}）`}。
`;
}
