import type { Pkcs12Profile } from '../../../common/dto/inspect';

/** What a partner kit's README says, and the commands it shows (identical in every language). */

export const KIT_LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type KitLanguage = (typeof KIT_LANGUAGES)[number];

export const CHAIN_FILE = 'ca-chain.pem';
export const README_FILE = 'README.md';
/** shown in the commands when no endpoint was given */
export const URL_PLACEHOLDER = 'https://api.example.com/';

export interface KitFacts {
  /** the identity's name as the user typed it (control characters removed) */
  name: string;
  /** `<name>.p12`, made safe for every file system and shell */
  p12File: string;
  profile: Pkcs12Profile;
  /** the endpoint to test, or URL_PLACEHOLDER */
  url: string;
  /** present when the leaf certificate was given */
  certificate: { subject: string; issuer: string; notAfter: string; sha256: string } | null;
}

export interface KitCommands {
  curl: string;
  curlWindows: string;
  probe: string;
  macos: string;
  windowsPowerShell: string;
  windowsCertutil: string;
  nss: string;
  nssFirefox: string;
  pemSplit: string;
  verifyFingerprint: string;
}

/** Colon-separated upper-case fingerprint, as browsers and Keychain Access show it. */
export const displayFingerprint = (sha256: string): string => sha256.toUpperCase().match(/.{2}/g)!.join(':');

export function kitCommands(facts: KitFacts): KitCommands {
  const p12 = facts.p12File;
  const url = `'${facts.url}'`;
  return {
    curl: `printf 'Password for ${p12}: '; read -rs P12_PASSWORD; echo\ncurl --cert-type P12 --cert "./${p12}:$P12_PASSWORD" ${url}`,
    curlWindows: `$P12_PASSWORD = Read-Host 'Password for ${p12}' -MaskInput   # PowerShell 7\ncurl.exe --cert-type P12 --cert "${p12}:$P12_PASSWORD" ${url}`,
    probe: `export P12_PASSWORD        # set by the read command above\nmtls-studio probe ${url} --p12 ./${p12} --password-env P12_PASSWORD`,
    macos: `security import ./${p12} -k ~/Library/Keychains/login.keychain-db`,
    windowsPowerShell: `Import-PfxCertificate -FilePath .\\${p12} -CertStoreLocation Cert:\\CurrentUser\\My -Password (Read-Host -AsSecureString 'Password')`,
    windowsCertutil: `certutil -user -importPFX ${p12}`,
    nss: `pk12util -i ./${p12} -d sql:$HOME/.pki/nssdb`,
    nssFirefox: `pk12util -i ./${p12} -d sql:$HOME/.mozilla/firefox/YOUR-PROFILE.default-release`,
    pemSplit: `openssl pkcs12 -in ./${p12} -clcerts -nokeys -out client.crt\nopenssl pkcs12 -in ./${p12} -nocerts -out client.key`,
    verifyFingerprint: `openssl pkcs12 -in ./${p12} -clcerts -nokeys | openssl x509 -noout -fingerprint -sha256`,
  };
}
