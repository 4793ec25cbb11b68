import { basename } from 'node:path';
import { StudioError } from '../../../common/errors';
import type {
  ClientSource,
  ClientVerdict,
  TrustStoreBuildResult,
  TrustStoreCheckResult,
  TrustStoreReport,
  TrustStoreSelection,
  TrustStoreTarget,
  VaultCaSummary,
} from '../../../common/dto/truststore';
import { readInputFile } from '../../io/input-files';
import { readContent, type CertificateItem, type ReadOptions } from '../../pki';
import { buildBundle, type BuildInputs, type BuiltBundle } from './build';
import { checkBundleBytes, clientVerdict, type ClientInput } from './check';
import { keyLabel, storeCert } from './store-cert';
import type { TrustStoreVault } from './vault-access';
import { writeBundleFile } from './write-bundle';

/**
 * Trust-store bundles for the cloud targets, shared by the CLI and the Trust stores screen. Stateless: every call
 * names its CA files and vault CAs again, so the screen can re-evaluate on each change. `password` (where taken)
 * opens every encrypted PKCS#12 among the files; without it such a file is PASSWORD_REQUIRED.
 */
export interface TrustStoreService {
  vaultCas(): Promise<VaultCaSummary[]>;
  /** what `build` would write, with every finding; nothing is written */
  preview(selection: TrustStoreSelection, read?: ReadOptions): Promise<TrustStoreReport>;
  /** writes the bundle only when it passes the target's rules (`written` is null otherwise) */
  build(
    selection: TrustStoreSelection,
    outPath: string,
    options?: { overwrite?: boolean } & ReadOptions,
  ): Promise<TrustStoreBuildResult>;
  /** checks an existing bundle file, and each client certificate against it */
  check(
    bundlePath: string,
    target: TrustStoreTarget,
    clients: ClientSource[],
    read?: ReadOptions,
  ): Promise<TrustStoreCheckResult>;
  /** would a client be accepted by a bundle built from this selection? */
  testClient(selection: TrustStoreSelection, client: ClientSource, read?: ReadOptions): Promise<ClientVerdict>;
  /** a file name for the save dialog */
  suggestedName(target: TrustStoreTarget): string;
}

export interface TrustStoreServiceOptions {
  now: () => Date;
  vault: TrustStoreVault;
}

export function createTrustStoreService({ now, vault }: TrustStoreServiceOptions): TrustStoreService {
  async function inputsOf(selection: TrustStoreSelection, read: ReadOptions): Promise<BuildInputs> {
    const inputs: BuildInputs = { certificates: [], crlCount: 0, privateKeyCount: 0 };
    for (const path of selection.files) {
      const file = await readInputFile(path);
      const content = readContent(file.bytes, basename(path), read);
      inputs.certificates.push(
        ...content.certificates.map((item) => ({ der: item.der, source: basename(path) })),
      );
      inputs.crlCount += content.crls.length;
      inputs.privateKeyCount += content.privateKeys.length;
    }
    if (selection.vaultCas.length > 0) {
      const available = vault.caCertificates();
      for (const sha256 of selection.vaultCas) {
        const found = available.find((ca) => ca.sha256 === sha256);
        if (!found) {
          throw new StudioError('NOT_FOUND', 'a CA chosen from the vault is no longer there', {
            hint: 'Reload the list of vault CAs and choose again.',
          });
        }
        inputs.certificates.push({ der: found.der, source: found.name });
      }
    }
    if (
      inputs.certificates.length === 0 &&
      selection.files.length + selection.vaultCas.length > 0 &&
      inputs.crlCount === 0
    ) {
      throw new StudioError('NO_CERTIFICATE', 'the files given hold no certificate', {
        hint: 'Give the CA certificate files (PEM, DER, PKCS#7 or PKCS#12).',
      });
    }
    return inputs;
  }

  const built = async (selection: TrustStoreSelection, read: ReadOptions): Promise<BuiltBundle> =>
    buildBundle(await inputsOf(selection, read), selection.target, now());

  async function clientInput(client: ClientSource, read: ReadOptions): Promise<ClientInput> {
    if (client.kind === 'vault') {
      const { name, certificates } = vault.identityCertificates(client.identity);
      return { source: name, certificates };
    }
    const file = await readInputFile(client.path);
    const name = basename(client.path);
    const certificates: CertificateItem[] = readContent(file.bytes, name, read).certificates.map((item) => ({
      der: item.der,
      source: name,
    }));
    return { source: name, certificates };
  }

  return {
    async vaultCas() {
      return vault.caCertificates().map((ca) => {
        const cert = storeCert(ca.der, ca.name);
        return {
          sha256: ca.sha256,
          name: ca.name,
          subject: cert.parsed.subject,
          notAfter: cert.parsed.notAfter.toISOString(),
          selfSigned: cert.parsed.selfSigned,
          key: keyLabel(cert.key),
          kind: ca.kind,
        };
      });
    },
    async preview(selection, read = {}) {
      return (await built(selection, read)).report;
    },
    async build(selection, outPath, options = {}) {
      const { report, text } = await built(selection, { password: options.password });
      if (!report.passes) return { ...report, written: null };
      return {
        ...report,
        written: writeBundleFile(outPath, text, { overwrite: options.overwrite ?? false }),
      };
    },
    async check(bundlePath, target, clients, read = {}) {
      const file = await readInputFile(bundlePath);
      const at = now();
      const { report, certs } = checkBundleBytes(file.bytes, basename(bundlePath), target, at, read);
      const verdicts: ClientVerdict[] = [];
      for (const client of clients)
        verdicts.push(await clientVerdict(await clientInput(client, read), certs, target, at));
      return { ...report, clients: verdicts };
    },
    async testClient(selection, client, read = {}) {
      const at = now();
      const inputs = await inputsOf(selection, read);
      const { text } = buildBundle(inputs, selection.target, at);
      const { certs } = checkBundleBytes(Buffer.from(text), 'bundle', selection.target, at);
      return clientVerdict(await clientInput(client, read), certs, selection.target, at);
    },
    suggestedName: (target) => `truststore-${target}.pem`,
  };
}
