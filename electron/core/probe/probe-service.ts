import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StudioError } from '../../common/errors';
import type { ProbeRequest, ProbeResult } from '../../common/dto/probe';
import { parseCertificate } from '../pki/certificate';
import type { VaultIdentityProvider } from './identity/load-identity';
import { jsonReport, markdownReport } from './report/markdown';
import { runProbe, type ProbeRunOptions } from './run/run-probe';

/**
 * The probe as a service: plain DTOs in and out (electron/common/dto/probe.ts), so IPC can expose it as it is.
 * Key material is read inside `run` and never returned.
 */
export interface ProbeService {
  /** makes the request(s) and explains the outcome; bad input throws a StudioError (INVALID_ARGUMENT, FILE_NOT_FOUND, WRONG_PASSWORD, …) */
  run(request: ProbeRequest, options?: ProbeRunOptions): Promise<ProbeResult>;
  /** the ticket-ready report: Markdown or JSON, redacted */
  report(result: ProbeResult, format: 'markdown' | 'json'): string;
  /** writes the report atomically (replacing an existing file); returns the absolute path */
  writeReport(result: ProbeResult, path: string, format?: 'markdown' | 'json'): string;
}

/** What the probe needs from the vault, when there is one. */
export interface ProbeVault {
  clientCredentials(identity: string): Promise<{ name: string; key: Uint8Array; certificates: Uint8Array[] }>;
  /** the CA certificates the vault holds (DER), to say whether a missing intermediate is available */
  authorities(): Uint8Array[];
}

export interface ProbeServiceOptions {
  now: () => Date;
  vault: ProbeVault | null;
}

function vaultProvider(vault: ProbeVault): VaultIdentityProvider {
  return {
    async materialFor(nameOrId) {
      const credentials = await vault.clientCredentials(nameOrId);
      return { name: credentials.name, keyPkcs8: credentials.key, certificates: credentials.certificates };
    },
  };
}

function caSubjects(vault: ProbeVault): Set<string> {
  const subjects = new Set<string>();
  for (const der of vault.authorities()) {
    try {
      subjects.add(parseCertificate(der, 'the vault').subjectKey);
    } catch {
      // a damaged stored CA only means it cannot be offered
    }
  }
  return subjects;
}

export function createProbeService(options: ProbeServiceOptions): ProbeService {
  const vault = options.vault;
  return {
    run: (request, runOptions = {}) =>
      runProbe(request, { now: options.now, vault: vault ? vaultProvider(vault) : null, vaultCaSubjects: vault ? () => caSubjects(vault) : null }, runOptions),
    report: (result, format) => (format === 'json' ? jsonReport(result) : markdownReport(result)),
    writeReport(result, target, format) {
      const path = resolve(target);
      const chosen = format ?? (/\.json$/i.test(path) ? 'json' : 'markdown');
      const text = chosen === 'json' ? jsonReport(result) : markdownReport(result);
      const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
        renameSync(temp, path);
      } catch (cause) {
        rmSync(temp, { force: true });
        const code = (cause as NodeJS.ErrnoException).code ?? 'EIO';
        throw new StudioError('WRITE_FAILED', `cannot write the report '${basename(path)}': ${code === 'ENOENT' ? 'the folder does not exist' : code === 'EACCES' ? 'permission denied' : code}`, {
          hint: 'Choose a folder that exists and that you may write to.',
          params: { file: basename(path) },
          cause,
        });
      }
      return path;
    },
  };
}
