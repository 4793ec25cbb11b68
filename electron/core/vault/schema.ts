import { z } from 'zod';

/**
 * The vault's files on disk, versioned and validated on every read. Unknown fields are kept (loose objects), so a
 * vault touched by a newer release that only added fields is rewritten without losing them.
 */
export const VAULT_FORMAT = 'mtls-studio-vault';
export const VAULT_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const instant = z.iso.datetime();
const text = (max: number) => z.string().max(max);

export const identityRecordSchema = z.looseObject({
  id: z.uuid(),
  name: z.string().min(1).max(200),
  createdAt: instant,
  /** input file names (no folders) */
  source: z.array(text(300)).max(64),
  labels: z.array(text(100)).max(64),
  hosts: z.array(text(300)).max(256),
  certificate: z.looseObject({
    sha256,
    subject: text(4096),
    issuer: text(4096),
    subjectCommonName: text(1024).nullable(),
    issuerCommonName: text(1024).nullable(),
    notBefore: instant,
    notAfter: instant,
  }),
  /** sha256 of the chain certificates, parent first */
  chain: z.array(sha256).max(16),
  keyAlgorithm: text(64),
  /** present when the identity is a certificate authority of the local CA (created or imported to issue from) */
  authority: z
    .looseObject({
      kind: z.enum(['root', 'intermediate']),
      /** the vault CA that signed it; null for a root or an intermediate whose parent is not in the vault */
      parentId: z.uuid().nullable(),
      pathLen: z.number().int().min(0).nullable(),
    })
    .optional(),
  /** present when a vault CA issued this identity */
  issuedBy: z.looseObject({ authorityId: z.uuid(), serial: z.string().regex(/^[0-9a-f]+$/) }).optional(),
});

/**
 * A key waiting for its certificate (`csr create`): kept apart from `identities`, whose every consumer (list,
 * probe, export, host rules) needs a certificate. Its sealed key and request live in identities/<id>/ like an
 * identity's; `csr complete` moves the record into `identities`.
 */
export const pendingRecordSchema = z.looseObject({
  id: z.uuid(),
  name: z.string().min(1).max(200),
  createdAt: instant,
  subject: text(4096),
  subjectAltNames: z.array(text(1024)).max(256),
  keyAlgorithm: text(64),
  /** SubjectPublicKeyInfo DER, base64: what a returned certificate is matched against */
  publicKey: z.base64().max(4096),
});

export const vaultIndexSchema = z.looseObject({
  format: z.literal(VAULT_FORMAT),
  version: z.number().int(),
  identities: z.array(identityRecordSchema),
  /** optional: vaults without pending requests do not have it */
  pending: z.array(pendingRecordSchema).optional(),
});

export const historyEntrySchema = z.looseObject({
  at: instant,
  action: z.enum(['imported', 'renamed', 'exported']),
  details: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])),
});

export const historySchema = z.looseObject({
  version: z.literal(1),
  entries: z.array(historyEntrySchema),
});

export type IdentityRecord = z.infer<typeof identityRecordSchema>;
export type PendingRecord = z.infer<typeof pendingRecordSchema>;
export type VaultIndex = z.infer<typeof vaultIndexSchema>;
export type HistoryFile = z.infer<typeof historySchema>;

export const emptyIndex = (): VaultIndex => ({ format: VAULT_FORMAT, version: VAULT_VERSION, identities: [] });

/** "identities[3].certificate.notAfter: Invalid ISO datetime" — where a file stopped making sense. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid content';
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  return `${path || 'the document'}: ${issue.message}`;
}
