import { randomUUID } from 'node:crypto';
import { basename, extname } from 'node:path';
import { StudioError } from '../../common/errors';
import type { CertificateInfo } from '../../common/dto/inspect';
import type { ImportedIdentity } from '../../common/dto/vault';
import { selectIdentity, type Bundle, type Identity } from '../pki';
import { loadAuthorities } from './authorities';
import type { VaultContext } from './context';
import { nameTaken, uniqueName, validateName } from './names';
import { describeLeaf, identityRecord } from './records';
import { storeIdentity } from './store-identity';

interface PreparedImport {
  identity: Identity;
  leaf: CertificateInfo;
  chain: Uint8Array[];
  files: string[];
}

/**
 * Chooses the key + certificate (`select` when the input holds several) and completes the chain from the input
 * and from the CA certificates already in the vault. Runs before the lock is taken: it may be slow, writes nothing.
 */
function prepare(ctx: VaultContext, bundle: Bundle, select: string | undefined): PreparedImport {
  const withAuthorities: Bundle = { ...bundle, certificates: [...bundle.certificates, ...loadAuthorities(ctx.layout)] };
  const identity = selectIdentity(withAuthorities, select);
  const chain = identity.chain.map((item) => item.der);
  const leaf = describeLeaf([identity.leaf, ...identity.chain], identity.leaf.der, ctx.now());
  return { identity, leaf, chain, files: bundle.files.map((file) => basename(file.path)) };
}

function defaultName(prepared: PreparedImport): string {
  const candidates = [prepared.leaf.commonName, prepared.files[0] && basename(prepared.files[0], extname(prepared.files[0])), 'identity'];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return validateName(candidate.slice(0, 180));
    } catch {
      // not usable as a name (control characters…): try the next
    }
  }
  return 'identity';
}

/**
 * Write-ahead order, so a crash at any instant leaves a loadable vault: (1) the data key into the keychain — an
 * unavailable keychain fails before anything is written; (2) CA certificates, the identity folder (sealed key,
 * certificate, chain, history); (3) vault.json, the commit. Before (3) the identity does not exist; what (1) and
 * (2) left behind is an orphan that `vault doctor` reports and removes.
 */
export async function importIdentity(ctx: VaultContext, bundle: Bundle, request: { select?: string; name?: string }): Promise<ImportedIdentity> {
  const chosenName = request.name === undefined ? undefined : validateName(request.name);
  const prepared = prepare(ctx, bundle, request.select);

  return ctx.lock.run(async () => {
    const index = ctx.index.read();
    const duplicate = index.identities.find((identity) => identity.certificate.sha256 === prepared.leaf.sha256);
    if (duplicate) {
      throw new StudioError('IDENTITY_EXISTS', `this certificate and key are already in the vault as '${duplicate.name}'`, {
        hint: `Use the existing identity '${duplicate.name}' (rename it if needed), or remove it first to import again.`,
        params: { name: duplicate.name },
      });
    }
    if (chosenName !== undefined && nameTaken(index, chosenName)) {
      throw new StudioError('IDENTITY_EXISTS', `an identity named '${chosenName}' already exists`, {
        hint: 'Choose another name with --name (in the app: the name field).',
        params: { name: chosenName },
      });
    }
    const name = chosenName ?? uniqueName(index, defaultName(prepared));
    const id = randomUUID();
    const now = ctx.now();
    const item = {
      id,
      name,
      pkcs8: prepared.identity.key.pkcs8,
      certificate: prepared.identity.leaf.der,
      chain: prepared.chain,
      history: [{ at: now.toISOString(), action: 'imported' as const, details: { files: prepared.files } }],
    };
    return storeIdentity(ctx, item, () => {
      const record = identityRecord({ id, name, createdAt: now, source: prepared.files, leaf: prepared.leaf, chain: prepared.chain });
      ctx.index.write({ ...index, identities: [...index.identities, record] });
      return { id, name, subject: record.certificate.subject, issuer: record.certificate.issuer, notAfter: record.certificate.notAfter, certificateSha256: record.certificate.sha256, chain: record.chain };
    });
  });
}
