import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { StudioError } from '../../common/errors';
import type { IdentityExportRequest, IdentityExportResult } from '../../common/dto/vault';
import { planExport, writeExport, type Bundle, type CertificateItem } from '../pki';
import type { VaultContext } from './context';
import { wipe } from './envelope';
import { appendHistory } from './identity-files';
import { unsealPrivateKey } from './key-access';
import { findIdentity } from './names';
import { certificatesOf } from './queries';
import type { IdentityRecord } from './schema';

const FORMATS = ['p12', 'pem', 'acm'] as const;

function certificateItems(ctx: VaultContext, record: IdentityRecord): CertificateItem[] {
  const { leaf, chain } = certificatesOf(ctx, record);
  return [{ der: leaf, source: record.name, friendlyName: record.name }, ...chain.map((der) => ({ der, source: record.name }))];
}

function refuseExisting(outPath: string): void {
  if (existsSync(outPath)) {
    throw new StudioError('OUTPUT_EXISTS', `'${basename(outPath)}' already exists`, {
      hint: 'Choose another name, or allow replacing it (in the CLI: --force).',
      params: { file: basename(outPath) },
    });
  }
}

/**
 * p12 (modern/compat), PEM (key encrypted with the output password, in the clear with a warning without one, or
 * left out with includeKey: false) and the ACM bundle, written by the same planner and writer as `convert`.
 * An export holding the private key happens under the vault lock and is first recorded in the identity's history
 * (format, profile, file, whether the key was encrypted — never the password), so even an interrupted export is on
 * record.
 */
export async function exportIdentity(
  ctx: VaultContext,
  request: IdentityExportRequest,
  outPath: string,
  options: { overwrite: boolean },
): Promise<IdentityExportResult> {
  if (!(FORMATS as readonly string[]).includes(request.format)) {
    throw new StudioError('INVALID_ARGUMENT', `an identity is exported as ${FORMATS.join(', ')} (got '${request.format}')`, {
      hint: 'Use convert on an exported file for the other formats.',
    });
  }
  const target = resolve(outPath);
  const includeKey = request.format !== 'pem' || request.includeKey !== false;
  if (!includeKey) {
    const record = findIdentity(ctx.index.read(), request.identity);
    const bundle: Bundle = { files: [], certificates: certificateItems(ctx, record), privateKeys: [], crls: [], csrs: [] };
    const plan = planExport(bundle, { format: 'pem', includeKey: false, baseName: record.name });
    return { written: writeExport(target, plan, { overwrite: options.overwrite }), warnings: plan.warnings, keyExported: false };
  }

  return ctx.lock.run(async () => {
    const record = findIdentity(ctx.index.read(), request.identity);
    const certificates = certificateItems(ctx, record);
    const pkcs8 = await unsealPrivateKey(ctx, record);
    try {
      const bundle: Bundle = { files: [], certificates, privateKeys: [{ pkcs8, source: record.name, friendlyName: record.name, wasEncrypted: false }], crls: [], csrs: [] };
      const plan = planExport(bundle, {
        format: request.format,
        profile: request.profile ?? 'modern',
        includeKey: true,
        baseName: record.name,
        ...(request.outPassword === undefined ? {} : { outPassword: request.outPassword }),
      });
      if (!options.overwrite) refuseExisting(target);
      appendHistory(ctx.layout, record.id, {
        at: ctx.now().toISOString(),
        action: 'exported',
        details: {
          format: request.format,
          ...(request.format === 'p12' ? { profile: request.profile ?? 'modern' } : {}),
          file: target,
          keyIncluded: true,
          keyEncrypted: request.format === 'p12' || (request.format === 'pem' && request.outPassword !== undefined),
        },
      });
      return { written: writeExport(target, plan, { overwrite: options.overwrite }), warnings: plan.warnings, keyExported: true };
    } finally {
      wipe(pkcs8);
    }
  });
}
