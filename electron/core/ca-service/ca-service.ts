import type { AuthoritySummary, BatchRowResult, CsrReview, IssuedEntry, IssuedIdentityDto, PendingRequest } from '../../common/dto/ca';
import type { IdentitySummary } from '../../common/dto/vault';
import type { CreatedCrl, LeafProfile, SignedCsr } from '../ca';
import type { Bundle } from '../pki';
import type { VaultContext } from '../vault/context';
import { certificatesPem, readIdentityCertificates } from '../vault/identity-files';
import { summarize } from '../vault/summaries';
import { createAuthority, importAuthority, type CreateAuthorityRequest, type ImportAuthorityRequest } from './authority-ops';
import { authoritiesInTreeOrder, findAuthority, summarizeAuthority } from './ca-records';
import { completeRequest, createRequest, listPending, removeRequest, signRequest, type CreateRequest } from './csr-ops';
import { issueBatch, issueOne, type IssueBatchOptions, type IssueIdentityRequest } from './issue-ops';
import { reviewRequest } from './csr-review';
import { createKit, type CreatedKit, type KitRequest } from './kit-ops';
import { exportIssuedCsv, listIssued, publishCrl, revokeIssued } from './registry-ops';

/**
 * The local CA over the vault: CAs are vault identities marked as authorities (their keys behind the keychain
 * like any identity's), what they issue goes into the vault with its chain, and each CA keeps a registry of what
 * it issued (identities/<ca id>/issued.json) with its revocations and CRL number. Pending CSR keys are kept apart
 * from identities (vault.json `pending`) until their certificate comes back.
 */
export interface CaService {
  list(): Promise<AuthoritySummary[]>;
  create(request: CreateAuthorityRequest): Promise<AuthoritySummary>;
  /** an existing CA from what files.inspect read (certificate + key, chain optional) */
  import(request: ImportAuthorityRequest & { inspectionId: string }): Promise<AuthoritySummary>;
  /** the CA's certificate then its issuers, PEM */
  certificatePem(ca: string, options?: { chain?: boolean }): Promise<string>;
  issue(ca: string, request: IssueIdentityRequest): Promise<IssuedIdentityDto>;
  issueBatch(ca: string, csv: string | Uint8Array, options?: IssueBatchOptions): Promise<BatchRowResult[]>;
  issued(ca: string, query?: string): Promise<IssuedEntry[]>;
  issuedCsv(ca: string, query?: string): Promise<string>;
  revoke(ca: string, serial: string, reason?: string): Promise<IssuedEntry>;
  /** signs the next CRL (its number is committed first) */
  crl(ca: string, options?: { nextUpdateDays?: number }): Promise<CreatedCrl>;
  createRequest(request: CreateRequest): Promise<{ request: PendingRequest; pem: string; der: Uint8Array }>;
  pending(): Promise<PendingRequest[]>;
  /** drops a pending request and destroys its key */
  removeRequest(request: string): Promise<PendingRequest>;
  completeRequest(certificate: Uint8Array, source: string): Promise<IdentitySummary>;
  /** what a request someone sent asks for and the policy's verdict, before signing; `requestId` is echoed */
  reviewRequest(csr: Uint8Array, source: string, requestId: string): CsrReview;
  signRequest(ca: string, csr: Uint8Array, source: string, options?: { days?: number; type?: LeafProfile }): Promise<SignedCsr>;
  /** the kit's password is in the result only: show it once */
  kit(request: KitRequest): Promise<CreatedKit>;
}

export function createCaService(ctx: VaultContext, bundleOf: (inspectionId: string) => { bundle: Bundle }): CaService {
  return {
    list: async () => {
      const index = ctx.index.read();
      return authoritiesInTreeOrder(index).map((record) => summarizeAuthority(ctx, index, record));
    },
    create: (request) => createAuthority(ctx, request),
    import: (request) => importAuthority(ctx, bundleOf(request.inspectionId).bundle, request),
    certificatePem: async (ca, options = {}) => {
      const record = findAuthority(ctx.index.read(), ca);
      const { leaf, chain } = readIdentityCertificates(ctx.layout, record.id, record.name);
      return certificatesPem(options.chain ? [leaf, ...chain] : [leaf]);
    },
    issue: (ca, request) => issueOne(ctx, ca, request),
    issueBatch: (ca, csv, options) => issueBatch(ctx, ca, csv, options),
    issued: async (ca, query) => listIssued(ctx, ca, query),
    issuedCsv: async (ca, query) => exportIssuedCsv(ctx, ca, query),
    revoke: (ca, serial, reason) => revokeIssued(ctx, ca, serial, reason),
    crl: (ca, options) => publishCrl(ctx, ca, options),
    createRequest: (request) => createRequest(ctx, request),
    pending: async () => listPending(ctx),
    removeRequest: (request) => removeRequest(ctx, request),
    completeRequest: async (certificate, source) => summarize(await completeRequest(ctx, certificate, source), ctx.now()),
    reviewRequest: (csr, source, requestId) => reviewRequest(csr, source, requestId),
    signRequest: (ca, csr, source, options) => signRequest(ctx, ca, csr, source, options),
    kit: (request) => createKit(ctx, request),
  };
}
