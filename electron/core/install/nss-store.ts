import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { StudioError } from '../../common/errors';
import type { StoreDescription } from '../../common/dto/install';
import { writePkcs12 } from '../pki';
import { oneTimePassword, withPrivateFolder } from './private-folder';
import { fingerprints, pemCertificates, type CertificateStore, type IdentityMaterial, type StoreEntry } from './store';
import { commandFailed, type ToolRunner } from './tool-runner';

/** NSS trust flags for "trusted CA to issue client certificates" (SSL column 'T'), nothing for S/MIME or code signing. */
export const CLIENT_CA_TRUST = 'T,,';

/**
 * The database password the tools get: none. A database protected by a primary password then fails at once with
 * SEC_ERROR_BAD_PASSWORD instead of prompting on a terminal the app does not have.
 */
export const NO_DB_PASSWORD = '/dev/null';

/** The argv of every NSS command used here (`sql:` selects the SQLite cert9.db/key4.db format). */
export const nssCommands = {
  createDatabase: (db: string) => ['certutil', '-N', '-d', `sql:${db}`, '--empty-password'],
  importP12: (db: string, p12File: string, passwordFile: string) => ['pk12util', '-i', p12File, '-d', `sql:${db}`, '-w', passwordFile, '-k', NO_DB_PASSWORD],
  listCertificates: (db: string) => ['certutil', '-L', '-d', `sql:${db}`],
  exportCertificates: (db: string, nickname: string) => ['certutil', '-L', '-d', `sql:${db}`, '-n', nickname, '-a'],
  listKeys: (db: string) => ['certutil', '-K', '-d', `sql:${db}`, '-f', NO_DB_PASSWORD],
  trustCa: (db: string, nickname: string, derFile: string) => ['certutil', '-A', '-d', `sql:${db}`, '-n', nickname, '-t', CLIENT_CA_TRUST, '-i', derFile],
  deleteKey: (db: string, nickname: string) => ['certutil', '-F', '-d', `sql:${db}`, '-n', nickname, '-f', NO_DB_PASSWORD],
  deleteCertificate: (db: string, nickname: string) => ['certutil', '-D', '-d', `sql:${db}`, '-n', nickname],
};

/** `certutil -L`: "nickname<spaces>trust flags" rows under a two-line header. */
export function parseCertificateList(text: string): { nickname: string; trust: string }[] {
  const rows: { nickname: string; trust: string }[] = [];
  for (const line of text.split('\n')) {
    const match = /^(.*?\S)\s+([a-zA-Z]*,[a-zA-Z]*,[a-zA-Z]*)\s*$/.exec(line);
    if (match && !/^Certificate Nickname\b/.test(match[1]!)) rows.push({ nickname: match[1]!, trust: match[2]! });
  }
  return rows;
}

/** `certutil -K`: "< 0> rsa      <key id>   nickname" rows. */
export function parseKeyList(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^<\s*\d+>\s+\S+\s+[0-9a-fA-F]+\s+(.+?)\s*$/.exec(line);
    if (match) names.push(match[1]!);
  }
  return names;
}

const PRIMARY_PASSWORD_HINT = 'If this database has a primary password (Firefox: Settings → Privacy & Security), remove it or install the file from the browser.';

/**
 * One NSS database: the shared ~/.pki/nssdb or a Firefox profile. The identity goes in as a PKCS#12 file written
 * for this one call (modern profile: NSS 3.31+ reads PBES2/AES) under a one-time random password that pk12util reads
 * from a file (-w), never from argv; both sit in a private folder that is shredded afterwards.
 */
export function nssStore(description: StoreDescription, run: ToolRunner, options: { tempRoot?: string } = {}): CertificateStore {
  const db = description.location;
  const tool = async (argv: string[], what: string, hint?: string) => {
    const output = await run(argv);
    if (output.exitCode !== 0) throw commandFailed(what, argv[0]!, output, hint);
    return output;
  };

  const ensureDatabase = async () => {
    if (existsSync(join(db, 'cert9.db'))) return;
    mkdirSync(db, { recursive: true, mode: 0o700 });
    await tool(nssCommands.createDatabase(db), `cannot create the NSS database in '${db}'`);
  };

  const entries = async (): Promise<StoreEntry[]> => {
    if (!existsSync(join(db, 'cert9.db'))) return [];
    const rows = parseCertificateList((await tool(nssCommands.listCertificates(db), `cannot list '${db}'`)).stdout);
    // certutil -K exits 255 for "no keys found": an empty list, not a failure; a primary password is one
    const keyOutput = await run(nssCommands.listKeys(db));
    if (keyOutput.exitCode !== 0 && /could not authenticate|SEC_ERROR_BAD_PASSWORD/.test(keyOutput.stderr)) {
      throw commandFailed(`cannot read the keys in '${db}'`, 'certutil', keyOutput, PRIMARY_PASSWORD_HINT);
    }
    const keys = new Set(parseKeyList(keyOutput.stdout));
    const found: StoreEntry[] = [];
    const nicknames = new Set(rows.filter((row) => row.trust.includes('u') || row.nickname.includes('mTLS Studio')).map((row) => row.nickname));
    for (const nickname of nicknames) {
      const output = await run(nssCommands.exportCertificates(db, nickname));
      if (output.exitCode !== 0) continue;
      for (const der of pemCertificates(output.stdout)) found.push({ ...fingerprints(der), nickname, hasKey: keys.has(nickname) });
    }
    return found;
  };

  return {
    description,
    entries,
    async install(material: IdentityMaterial, { trustCa }) {
      const [leaf, ...chain] = material.certificates;
      if (!leaf) throw new StudioError('NO_CERTIFICATE', `'${material.name}' has no certificate`);
      const ca = chain.at(-1);
      if (trustCa && !ca) {
        throw new StudioError('INVALID_ARGUMENT', `'${material.name}' has no CA certificate stored with it to trust`, {
          hint: 'Import the identity together with its chain, or install without --trust-ca.',
        });
      }
      await ensureDatabase();
      return withPrivateFolder(async (folder) => {
        const password = oneTimePassword();
        const p12 = writePkcs12({
          key: { pkcs8: material.key, friendlyName: material.nickname },
          certificates: [{ der: leaf, friendlyName: material.nickname }, ...chain.map((der) => ({ der }))],
          password,
          profile: 'modern',
        });
        try {
          const p12File = folder.write('identity.p12', p12);
          const passwordFile = folder.write('p12-password', password);
          await tool(nssCommands.importP12(db, p12File, passwordFile), `cannot install '${material.name}' into '${db}'`, PRIMARY_PASSWORD_HINT);
        } finally {
          p12.fill(0);
        }
        if (trustCa && ca) {
          const caFile = folder.write('ca.der', ca);
          await tool(nssCommands.trustCa(db, `${material.nickname} CA`, caFile), `cannot trust the CA of '${material.name}' in '${db}'`);
        }
        return { nickname: material.nickname, caTrusted: trustCa };
      }, options.tempRoot);
    },
    async remove(entry) {
      if (entry.nickname === null) return;
      // -F deletes the private key together with its certificate; -D takes a certificate left without a key
      if (entry.hasKey) await tool(nssCommands.deleteKey(db, entry.nickname), `cannot remove the key of '${entry.nickname}' from '${db}'`, PRIMARY_PASSWORD_HINT);
      const left = (await entries()).filter((other) => other.nickname === entry.nickname && other.sha256 === entry.sha256);
      if (left.length > 0) await tool(nssCommands.deleteCertificate(db, entry.nickname), `cannot remove '${entry.nickname}' from '${db}'`);
    },
  };
}
