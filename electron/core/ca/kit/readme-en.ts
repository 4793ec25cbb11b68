import { CHAIN_FILE, displayFingerprint, kitCommands, URL_PLACEHOLDER, type KitFacts } from './facts';

/** The partner kit's README in English. */
export function readmeEn(facts: KitFacts): string {
  const c = kitCommands(facts);
  const p12 = facts.p12File;
  const cert = facts.certificate;
  const modern = facts.profile === 'modern';
  return `# Client certificate for ${facts.name}

This folder holds the client certificate that identifies **${facts.name}** when connecting over mutual TLS.

| File | What it is |
|---|---|
| \`${p12}\` | Your certificate **and its private key**, with the CA chain, in one password-protected PKCS#12 file. Keep it private: whoever has it (and the password) can connect as you. |
| \`${CHAIN_FILE}\` | The certificates of the CA that issued yours (issuing CA first, root last), for reference. You do not need to install or trust it. |
| \`README.md\` | This guide. |

**The password is not in this folder.** It was given to you separately. If you do not have it, ask your contact for a new file: the password cannot be recovered.
${cert === null ? '' : `
## Certificate

- Subject: \`${cert.subject}\`
- Issued by: \`${cert.issuer}\`
- Valid until: ${cert.notAfter.slice(0, 10)} (UTC)
- SHA-256 fingerprint: \`${displayFingerprint(cert.sha256)}\`

Check the fingerprint after installing, or with:

\`\`\`sh
${c.verifyFingerprint}
\`\`\`
`}
## File format

${modern
    ? 'This file uses the **modern** profile: AES-256 encryption with a SHA-256 integrity check. Windows 10 (1709) and later, OpenSSL 3, Java, Firefox and current Linux tools open it. **macOS Keychain and older Windows cannot**: they report a wrong password even when it is right. If you need it there, ask for the *compat* version of this kit.'
    : 'This file uses the **compat** profile (3DES encryption, SHA-1 integrity check): the format every system imports, including macOS Keychain, older Windows and network appliances.'}

## 1. Test it

With curl (Linux, macOS; the password is read without echo and stays out of your shell history):

\`\`\`sh
${c.curl}
\`\`\`

On Windows (PowerShell 7):

\`\`\`powershell
${c.curlWindows}
\`\`\`

With the mTLS Studio command line, which shows the whole handshake and explains a failure (server does not trust the CA, no certificate requested, expired certificate…):

\`\`\`sh
${c.probe}
\`\`\`
${facts.url === URL_PLACEHOLDER ? `\nReplace ${URL_PLACEHOLDER} with the address you were given.\n` : ''}
## 2. Install it

### Browsers
Chrome, Edge and Safari use the operating system's certificate store: install the file as described for your system below, then restart the browser. When a site asks for a certificate, choose **${facts.name}**.

Firefox has its own store: *Settings → Privacy & Security → Certificates → View Certificates → Your Certificates → Import…*, choose \`${p12}\` and enter the password.

### macOS (Keychain)
Double-click \`${p12}\`, choose the **login** keychain and enter the password. Or in Terminal (a dialog asks for the password):

\`\`\`sh
${c.macos}
\`\`\`
${modern ? '\nKeychain refuses the modern profile with a "wrong password" message: ask for the compat version.\n' : ''}
### Windows
Double-click \`${p12}\`: the Certificate Import Wizard opens. Choose **Current User**, enter the password, and let Windows choose the store. Or in PowerShell:

\`\`\`powershell
${c.windowsPowerShell}
\`\`\`

or in a Command Prompt (it asks for the password):

\`\`\`bat
${c.windowsCertutil}
\`\`\`

### Linux (NSS: Chrome, Chromium, Firefox)
Chrome and Chromium read the NSS database in your home folder (\`pk12util\` is in the package \`libnss3-tools\` on Debian/Ubuntu, \`nss-tools\` on Fedora/RHEL); it asks for the password:

\`\`\`sh
${c.nss}
\`\`\`

For Firefox use its Import button (above) or point \`pk12util\` at your Firefox profile:

\`\`\`sh
${c.nssFirefox}
\`\`\`

Tools that want PEM files (curl --cert/--key, Python requests, nginx) can get them with OpenSSL; the second command asks for the file's password and then for a new one to protect client.key:

\`\`\`sh
${c.pemSplit}
\`\`\`

## If it does not work

- **"Wrong password" / "MAC verification failed"** on macOS or older Windows: ${modern ? 'this is the modern profile; ask for the compat version.' : 'check the password (it is case-sensitive).'}
- **The handshake fails or the server answers 403**: the server must trust the CA in \`${CHAIN_FILE}\`. Run the mTLS Studio command above and send its report to your contact; it never contains your key or password.
- **"certificate expired"**: ask for a renewal${cert === null ? '' : ` (this certificate is valid until ${cert.notAfter.slice(0, 10)})`}.
`;
}
