import { join } from 'node:path';
import { z } from 'zod';
import { StudioError } from '../../common/errors';
import { REVOCATION_REASONS, type IssuedRecord } from '../ca';
import { readIfExists, writeFileAtomically } from '../vault/atomic-file';
import type { VaultLayout } from '../vault/layout';
import { firstIssue } from '../vault/schema';

/**
 * identities/<ca id>/issued.json: what a vault CA issued (one record per certificate) and the number of the last
 * CRL it published. Written under the vault lock before vault.json commits, so a crash between the two leaves a
 * record of a certificate that exists nowhere else — harmless — and never a certificate without a record.
 */
export const REGISTRY_FILE = 'issued.json';

const recordSchema = z.looseObject({
  serial: z.string().regex(/^[0-9a-f]+$/),
  subject: z.string().max(4096),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  status: z.enum(['valid', 'revoked']),
  revokedAt: z.iso.datetime().nullable(),
  reason: z.enum(REVOCATION_REASONS).nullable(),
  name: z.string().max(200).optional(),
  kind: z.enum(['client', 'server', 'intermediate-ca']).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

const registrySchema = z.looseObject({
  version: z.literal(1),
  /** the number of the last CRL published; 0 = none yet */
  crlNumber: z.number().int().min(0),
  records: z.array(recordSchema),
});

export interface Registry {
  crlNumber: number;
  records: IssuedRecord[];
}

export const registryFile = (layout: VaultLayout, caId: string): string => join(layout.identityFolder(caId), REGISTRY_FILE);

export function readRegistry(layout: VaultLayout, caId: string, caName: string): Registry {
  const bytes = readIfExists(registryFile(layout, caId));
  if (bytes === null) return { crlNumber: 0, records: [] };
  let parsed: ReturnType<typeof registrySchema.safeParse>;
  try {
    parsed = registrySchema.safeParse(JSON.parse(bytes.toString('utf8')));
  } catch (error) {
    throw damaged(caName, 'it is not valid JSON', error);
  }
  if (!parsed.success) throw damaged(caName, firstIssue(parsed.error));
  return { crlNumber: parsed.data.crlNumber, records: parsed.data.records as IssuedRecord[] };
}

export function writeRegistry(layout: VaultLayout, caId: string, registry: Registry): void {
  writeFileAtomically(registryFile(layout, caId), JSON.stringify({ version: 1, crlNumber: registry.crlNumber, records: registry.records }));
}

function damaged(caName: string, why: string, cause?: unknown): StudioError {
  return new StudioError('VAULT_CORRUPT', `the issued-certificate registry of CA '${caName}' is damaged: ${why}`, {
    hint: 'Restore issued.json in the CA\'s vault folder from a backup of the data folder; without it the CA cannot list or revoke what it issued.',
    params: { name: caName },
    cause,
  });
}
