import { join } from 'node:path';
import { StudioError } from '../../common/errors';
import type { StoreDescription } from '../../common/dto/install';
import { writePkcs12 } from '../pki';
import { oneTimePassword, withPrivateFolder } from './private-folder';
import type { CertificateStore, IdentityMaterial, StoreEntry } from './store';
import { commandFailed, type ToolRunner } from './tool-runner';

export const SECURITY = '/usr/bin/security';
export const POWERSHELL = 'powershell.exe';
export const WINDOWS_STORE = 'CurrentUser\\My';

export function loginKeychain(home: string): string {
  return join(home, 'Library', 'Keychains', 'login.keychain-db');
}

/**
 * macOS `security`. `import` has no way to read the PKCS#12 password from a file or stdin except an interactive
 * prompt, so -P carries it in argv: it is a one-time random password for a temporary file that is 0600 in a 0700
 * folder and shredded right after, so a same-user process reading argv learns nothing it could not read from the
 * file itself. `-T app` makes the app the one program allowed to use the key without asking.
 */
export const macosCommands = {
  importP12: (keychain: string, p12File: string, password: string, appPath: string | null) => [
    SECURITY, 'import', p12File, '-k', keychain, '-f', 'pkcs12', '-P', password, ...(appPath === null ? [] : ['-T', appPath]),
  ],
  findIdentities: (keychain: string) => [SECURITY, 'find-identity', '-p', 'ssl-client', keychain],
  deleteIdentity: (keychain: string, sha1: string) => [SECURITY, 'delete-identity', '-Z', sha1.toUpperCase(), keychain],
};

const PS = [POWERSHELL, '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command'];

/**
 * Windows PowerShell scripts are constants: the file, password and thumbprint arrive in environment variables of
 * the child process (readable only by the same user, like the file), so nothing is quoted into a script and the
 * password never appears in argv. The password becomes a SecureString and its variable is cleared at once.
 */
export const WINDOWS_SCRIPTS = {
  import:
    "$ErrorActionPreference = 'Stop'; " +
    '$password = ConvertTo-SecureString -String $env:MTLS_STUDIO_PFX_PASSWORD -AsPlainText -Force; ' +
    'Remove-Item Env:MTLS_STUDIO_PFX_PASSWORD; ' +
    "Import-PfxCertificate -FilePath $env:MTLS_STUDIO_PFX_FILE -CertStoreLocation 'Cert:\\CurrentUser\\My' -Password $password | Out-Null",
  list:
    "$ErrorActionPreference = 'Stop'; " +
    "Get-ChildItem -Path 'Cert:\\CurrentUser\\My' | ForEach-Object { '{0} {1} {2}' -f $_.Thumbprint, $_.HasPrivateKey, $_.FriendlyName }",
  remove:
    "$ErrorActionPreference = 'Stop'; " +
    "Remove-Item -Path ('Cert:\\CurrentUser\\My\\' + $env:MTLS_STUDIO_THUMBPRINT) -DeleteKey",
};

export const windowsCommands = {
  importPfx: (p12File: string, password: string) => ({ argv: [...PS, WINDOWS_SCRIPTS.import], env: { MTLS_STUDIO_PFX_FILE: p12File, MTLS_STUDIO_PFX_PASSWORD: password } }),
  list: () => ({ argv: [...PS, WINDOWS_SCRIPTS.list], env: {} }),
  /** `Remove-Item -DeleteKey` rather than `certutil -delstore`, which leaves the key container behind */
  remove: (sha1: string) => ({ argv: [...PS, WINDOWS_SCRIPTS.remove], env: { MTLS_STUDIO_THUMBPRINT: checkedThumbprint(sha1) } }),
};

function checkedThumbprint(sha1: string): string {
  const upper = sha1.toUpperCase();
  if (!/^[0-9A-F]{40}$/.test(upper)) throw new StudioError('INVALID_ARGUMENT', `'${sha1}' is not a SHA-1 thumbprint`);
  return upper;
}

/** `security find-identity`: `  1) 4E5C…(40 hex) "label"` rows, listed once per policy section. */
export function parseMacIdentities(text: string): StoreEntry[] {
  const seen = new Map<string, StoreEntry>();
  for (const line of text.split('\n')) {
    const match = /^\s*\d+\)\s+([0-9A-Fa-f]{40})\s+"(.*)"/.exec(line);
    if (match) seen.set(match[1]!.toLowerCase(), { sha256: null, sha1: match[1]!.toLowerCase(), nickname: match[2]!, hasKey: true });
  }
  return [...seen.values()];
}

/** The list script's rows: `THUMBPRINT True|False friendly name`. */
export function parseWindowsList(text: string): StoreEntry[] {
  const entries: StoreEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9A-Fa-f]{40}) (True|False) ?(.*)$/.exec(line.trim());
    if (match) entries.push({ sha256: null, sha1: match[1]!.toLowerCase(), nickname: match[3] || null, hasKey: match[2] === 'True' });
  }
  return entries;
}

function noCaTrust(store: string): StudioError {
  return new StudioError('INVALID_ARGUMENT', `trusting a CA is offered for NSS stores only, not for ${store}`, {
    hint: 'Install without --trust-ca; add the CA with the system tools if servers here must trust it.',
  });
}

/** The compat profile (3DES + SHA-1 MAC): the login keychain and Windows before 10 1709 reject the modern one. */
function compatP12(material: IdentityMaterial, password: string): Uint8Array {
  const [leaf, ...chain] = material.certificates;
  if (!leaf) throw new StudioError('NO_CERTIFICATE', `'${material.name}' has no certificate`);
  return writePkcs12({
    key: { pkcs8: material.key, friendlyName: material.nickname },
    certificates: [{ der: leaf, friendlyName: material.nickname }, ...chain.map((der) => ({ der }))],
    password,
    profile: 'compat',
  });
}

export function macosStore(description: StoreDescription, run: ToolRunner, options: { appPath: string | null; tempRoot?: string }): CertificateStore {
  const keychain = description.location;
  return {
    description,
    async entries() {
      const output = await run(macosCommands.findIdentities(keychain));
      if (output.exitCode !== 0) throw commandFailed(`cannot list '${keychain}'`, 'security', output);
      return parseMacIdentities(output.stdout);
    },
    async install(material, { trustCa }) {
      if (trustCa) throw noCaTrust('the macOS keychain');
      return withPrivateFolder(async (folder) => {
        const password = oneTimePassword();
        const p12 = compatP12(material, password);
        try {
          const output = await run(macosCommands.importP12(keychain, folder.write('identity.p12', p12), password, options.appPath));
          if (output.exitCode !== 0) throw commandFailed(`cannot install '${material.name}' into the login keychain`, 'security', output, 'Unlock the login keychain and try again.');
        } finally {
          p12.fill(0);
        }
        return { nickname: material.nickname, caTrusted: false };
      }, options.tempRoot);
    },
    async remove(entry) {
      const output = await run(macosCommands.deleteIdentity(keychain, entry.sha1));
      if (output.exitCode !== 0) throw commandFailed(`cannot remove '${entry.nickname ?? entry.sha1}' from the login keychain`, 'security', output);
    },
  };
}

export function windowsStore(description: StoreDescription, run: ToolRunner, options: { tempRoot?: string } = {}): CertificateStore {
  const call = async (command: { argv: string[]; env: Record<string, string> }, what: string) => {
    const output = await run(command.argv, { env: command.env });
    if (output.exitCode !== 0) throw commandFailed(what, 'PowerShell', output);
    return output;
  };
  return {
    description,
    async entries() {
      return parseWindowsList((await call(windowsCommands.list(), `cannot list ${WINDOWS_STORE}`)).stdout);
    },
    async install(material, { trustCa }) {
      if (trustCa) throw noCaTrust('the Windows certificate store');
      return withPrivateFolder(async (folder) => {
        const password = oneTimePassword();
        const p12 = compatP12(material, password);
        try {
          await call(windowsCommands.importPfx(folder.write('identity.pfx', p12), password), `cannot install '${material.name}' into ${WINDOWS_STORE}`);
        } finally {
          p12.fill(0);
        }
        return { nickname: material.nickname, caTrusted: false };
      }, options.tempRoot);
    },
    async remove(entry) {
      await call(windowsCommands.remove(entry.sha1), `cannot remove '${entry.nickname ?? entry.sha1}' from ${WINDOWS_STORE}`);
    },
  };
}
