import { z } from 'zod';
import type { ClientVerdict, TrustStoreReport, VaultCaSummary } from '../dto/truststore';
import { TRUSTSTORE_TARGETS } from '../dto/truststore';

/**
 * The Trust stores screen's channels. The renderer keeps the selection (target, CA files the user picked in the
 * native open dialog, vault CAs by SHA-256) and sends it with every call: main rebuilds the bundle each time, so
 * violations update live. Exports go through main's native save dialog.
 */
const path = z.string().min(1).max(4096);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** opens every encrypted PKCS#12 the call reads; sent with each call, never kept by main */
const password = z.string().max(1024);

export const trustStoreSelection = z.strictObject({
  target: z.enum(TRUSTSTORE_TARGETS),
  files: z.array(path).max(64),
  vaultCas: z.array(sha256).max(256),
  password: password.optional(),
});

const clientSource = z.union([
  z.strictObject({ kind: z.literal('file'), path }),
  z.strictObject({ kind: z.literal('vault'), identity: z.string().uuid() }),
]);

export const truststoreChannels = {
  /** the CA certificates of the vault: the local CA's authorities and chain certificates seen on import */
  'studio:truststore.vaultCas': { args: z.tuple([]) },
  /** the bundle the selection makes, with every finding; nothing is written */
  'studio:truststore.preview': { args: z.tuple([trustStoreSelection]) },
  /** main asks where to save (native dialog) and writes the bundle when it passes the target's rules */
  'studio:truststore.export': { args: z.tuple([trustStoreSelection]) },
  /** would this client certificate (a file or a vault identity) be accepted by the bundle? */
  'studio:truststore.testClient': { args: z.tuple([trustStoreSelection, clientSource]) },
} as const;

/** `saved: false` when the user cancelled the dialog or the bundle still breaks the rules (see `report`) */
export interface TrustStoreExportResponse {
  saved: boolean;
  written: string | null;
  report: TrustStoreReport;
}

export interface TrustStoreChannelResults {
  'studio:truststore.vaultCas': VaultCaSummary[];
  'studio:truststore.preview': TrustStoreReport;
  'studio:truststore.export': TrustStoreExportResponse;
  'studio:truststore.testClient': ClientVerdict;
}
