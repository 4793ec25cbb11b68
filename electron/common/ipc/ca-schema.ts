import { z } from 'zod';
import type {
  AuthoritySummary,
  BatchOutcome,
  CreatedRequestDto,
  CsrReview,
  IssuedEntry,
  IssuedIdentityDto,
  KitDto,
  PendingRequest,
  PickedCsv,
  PublishedCrl,
  SavedFile,
  SignedRequestDto,
} from '../dto/ca';
import type { IdentitySummary } from '../dto/vault';

/**
 * The Authorities screen's channels (local CA, CSRs, revocation, partner kits). A CA or identity is named by
 * its vault name or id; files are chosen in main's native dialogs and come back as ids (CSV, CSR) or written
 * where the user said. Private keys never cross: the one secret that does is a partner kit's generated p12
 * password, going out once.
 */
const ref = z.string().min(1).max(200);
const keyType = z.enum(['ec-p256', 'ec-p384', 'rsa-2048', 'rsa-3072', 'rsa-4096']);
const subject = z.string().min(1).max(2048);
const san = z.string().min(3).max(1024);
const days = z.number().int().min(1).max(36_500);
const leafType = z.enum(['client', 'server']);
const query = z.string().max(200);

export const caBatchId = z.string().uuid();

export const caChannels = {
  /** CAs in tree order: each root followed by its intermediates */
  'studio:ca.list': { args: z.tuple([]) },
  /** a root CA, or an intermediate when `parent` names a vault CA */
  'studio:ca.create': {
    args: z.tuple([
      z.strictObject({
        name: ref,
        keyType: keyType.optional(),
        subject: subject.optional(),
        days: days.optional(),
        parent: ref.optional(),
        pathLen: z.number().int().min(0).max(16).optional(),
      }),
    ]),
  },
  /** an existing CA (certificate + key) from what files.inspect read */
  'studio:ca.import': {
    args: z.tuple([
      z.strictObject({
        inspectionId: z.string().uuid(),
        select: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
        name: ref.optional(),
      }),
    ]),
  },
  'studio:ca.issue': {
    args: z.tuple([
      z.strictObject({
        ca: ref,
        name: ref,
        type: leafType,
        sans: z.array(san).max(100).optional(),
        days: days.optional(),
        subject: subject.optional(),
        keyType: keyType.optional(),
      }),
    ]),
  },
  /** main opens the CSV in a native dialog and keeps its path under the returned id */
  'studio:ca.pickCsv': { args: z.tuple([]) },
  /** the renderer picks the batch id; progress arrives as studio:ca.batchProgress events */
  'studio:ca.issueBatch': {
    args: z.tuple([
      caBatchId,
      z.strictObject({
        ca: ref,
        csvId: z.string().uuid(),
        keyType: keyType.optional(),
        subjectTemplate: z.string().min(1).max(1024).optional(),
      }),
    ]),
  },
  'studio:ca.cancelBatch': { args: z.tuple([caBatchId]) },
  /** the CA's registry; `query` matches serial, subject or name */
  'studio:ca.issued': { args: z.tuple([z.strictObject({ ca: ref, query: query.optional() })]) },
  /** the registry as CSV through the save dialog */
  'studio:ca.exportIssued': { args: z.tuple([z.strictObject({ ca: ref, query: query.optional() })]) },
  'studio:ca.revoke': {
    args: z.tuple([
      z.strictObject({
        ca: ref,
        serial: z.string().min(1).max(100),
        reason: z
          .enum([
            'unspecified',
            'keyCompromise',
            'cACompromise',
            'affiliationChanged',
            'superseded',
            'cessationOfOperation',
            'certificateHold',
            'privilegeWithdrawn',
          ])
          .optional(),
      }),
    ]),
  },
  /** main asks where to save first, then signs the next CRL */
  'studio:ca.publishCrl': {
    args: z.tuple([
      z.strictObject({
        ca: ref,
        format: z.enum(['pem', 'der']),
        nextUpdateDays: z.number().int().min(1).max(366).optional(),
      }),
    ]),
  },
  /** the CA certificate (with its issuers when chain is true), PEM, through the save dialog */
  'studio:ca.exportCertificate': {
    args: z.tuple([z.strictObject({ ca: ref, chain: z.boolean().optional() })]),
  },
  'studio:ca.pending': { args: z.tuple([]) },
  /** a new key kept pending in the vault and its CSR, saved where the user says (asked first) */
  'studio:ca.createRequest': {
    args: z.tuple([
      z.strictObject({
        name: ref,
        subject,
        sans: z.array(san).max(100).optional(),
        keyType: keyType.optional(),
        type: leafType.optional(),
      }),
    ]),
  },
  'studio:ca.removeRequest': { args: z.tuple([ref]) },
  /** main asks for the certificate file that came back and completes the pending identity it matches */
  'studio:ca.completeRequest': { args: z.tuple([]) },
  /** main asks for a CSR someone sent and shows what it asks for; nothing is issued yet */
  'studio:ca.reviewRequest': { args: z.tuple([]) },
  /** signs a reviewed request: asks where to save the certificate first */
  'studio:ca.signRequest': {
    args: z.tuple([
      z.strictObject({
        requestId: z.string().uuid(),
        ca: ref,
        days: days.optional(),
        type: leafType.optional(),
      }),
    ]),
  },
  /** main asks for the kit folder to create; the answer carries the p12 password once */
  'studio:ca.kit': {
    args: z.tuple([
      z.strictObject({
        identity: ref,
        profile: z.enum(['modern', 'compat']).optional(),
        lang: z.enum(['en', 'zh-CN', 'zh-TW']).optional(),
        testUrl: z
          .string()
          .max(2048)
          .regex(/^https:\/\/\S+$/i)
          .optional(),
      }),
    ]),
  },
} as const;

export interface CaChannelResults {
  'studio:ca.list': AuthoritySummary[];
  'studio:ca.create': AuthoritySummary;
  'studio:ca.import': AuthoritySummary;
  'studio:ca.issue': IssuedIdentityDto;
  'studio:ca.pickCsv': PickedCsv;
  'studio:ca.issueBatch': BatchOutcome;
  'studio:ca.cancelBatch': { cancelled: boolean };
  'studio:ca.issued': IssuedEntry[];
  'studio:ca.exportIssued': SavedFile;
  'studio:ca.revoke': IssuedEntry;
  'studio:ca.publishCrl': PublishedCrl;
  'studio:ca.exportCertificate': SavedFile;
  'studio:ca.pending': PendingRequest[];
  'studio:ca.createRequest': CreatedRequestDto;
  'studio:ca.removeRequest': PendingRequest;
  'studio:ca.completeRequest': { completed: boolean; identity: IdentitySummary | null };
  'studio:ca.reviewRequest': CsrReview | null;
  'studio:ca.signRequest': SignedRequestDto;
  'studio:ca.kit': KitDto;
}

const count = z.number().int().min(0).max(1_000_000);

export const caEvents = {
  /** a CSV batch in flight: rows issued so far, throttled to a few per second */
  'studio:ca.batchProgress': z.strictObject({ batchId: caBatchId, done: count, total: count }),
} as const;
