import { randomUUID } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { BatchRowResult, KitDto } from '../../common/dto/ca';
import { StudioError } from '../../common/errors';
import { MAX_INPUT_BYTES, type Services } from '../../core';
import type { IpcHandlers } from './gateway';
import type { Dialogs } from './handlers';
import type { EventSink } from './probe-handlers';

type CaChannel = Extract<keyof IpcHandlers, `studio:ca.${string}`>;

/** What the Authorities screen asks the user to choose; null when the dialog is dismissed. */
export type CaFileKind = 'csv' | 'csr' | 'certificate';
export type CaSaveKind = 'csv' | 'csr' | 'crl-pem' | 'crl-der' | 'pem';

export interface CaDialogs {
  /** one existing file of the kind (CSV for a batch, a CSR to sign, the certificate that came back) */
  pickFile(kind: CaFileKind): Promise<string | null>;
  /** where to write one file of the kind */
  chooseFileSavePath(suggestedName: string, kind: CaSaveKind): Promise<string | null>;
  /** the folder to create (a partner kit): the chosen name becomes the folder */
  chooseNewFolder(suggestedName: string): Promise<string | null>;
}

/** Chosen files and requests kept by id, at most this many (a session picks a handful). */
const KEPT = 50;
const PROGRESS_INTERVAL_MS = 100;

function keep<V>(map: Map<string, V>, value: V): string {
  const id = randomUUID();
  map.set(id, value);
  while (map.size > KEPT) map.delete(map.keys().next().value!);
  return id;
}

function readChosen(path: string, what: string): Uint8Array {
  const name = baseName(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new StudioError('FILE_NOT_FOUND', `cannot read ${what} '${name}': it is not there any more`, {
      hint: 'Choose the file again.',
      params: { file: name },
    });
  }
  if (size > MAX_INPUT_BYTES) {
    throw new StudioError(
      'FILE_TOO_LARGE',
      `${what} '${name}' is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`,
      { hint: 'Choose the right file.', params: { file: name, size: MAX_INPUT_BYTES } },
    );
  }
  return new Uint8Array(readFileSync(path));
}

/** The dialog asked before replacing a file; certificates, CRLs and registries are public, so 0644. */
function writeChosen(path: string, content: string | Uint8Array): string {
  try {
    writeFileSync(path, content, { mode: 0o644 });
  } catch (error) {
    throw new StudioError('WRITE_FAILED', `cannot write '${baseName(path)}'`, {
      hint: 'Choose a folder you can write to.',
      cause: error,
      params: { file: baseName(path) },
    });
  }
  return path;
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
/** a file name from a vault name: letters, digits, spaces, dots and dashes (CJK kept) */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim() || 'ca';
const unknownId = (what: string) =>
  new StudioError('NOT_FOUND', `the chosen ${what} is not kept any more`, { hint: 'Choose the file again.' });

/**
 * The local CA over IPC. Files are chosen in main's dialogs (the renderer gets ids back for a CSV or a request
 * to sign), what is written goes where the user said, and save paths are asked BEFORE anything is signed, so a
 * dismissed dialog issues nothing and spends no CRL number.
 */
export function createCaHandlers(
  services: Services,
  dialogs: Dialogs,
  emit: EventSink | null,
): Pick<IpcHandlers, CaChannel> {
  const { ca } = services;
  const csvFiles = new Map<string, string>();
  const requests = new Map<string, { bytes: Uint8Array; source: string }>();
  const batches = new Map<string, AbortController>();

  const progressSender = (batchId: string) => {
    let last = 0;
    return (done: number, total: number) => {
      const now = Date.now();
      if (done < total && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      emit?.('studio:ca.batchProgress', { batchId, done, total });
    };
  };

  return {
    'studio:ca.list': async () => ca.list(),
    'studio:ca.create': async (request) => ca.create(request),
    'studio:ca.import': async (request) => ca.import(request),
    'studio:ca.issue': async ({ ca: authority, ...request }) => ca.issue(authority, request),
    'studio:ca.pickCsv': async () => {
      const path = await dialogs.pickFile('csv');
      if (path === null) return { csvId: null, file: null };
      return { csvId: keep(csvFiles, path), file: baseName(path) };
    },
    'studio:ca.issueBatch': async (batchId, { ca: authority, csvId, keyType, subjectTemplate }) => {
      const path = csvFiles.get(csvId);
      if (path === undefined) throw unknownId('CSV file');
      if (batches.has(batchId))
        throw new StudioError('INVALID_ARGUMENT', `the batch id '${batchId}' is already in use`, {
          hint: 'Start each batch with a new id.',
        });
      const controller = new AbortController();
      batches.set(batchId, controller);
      try {
        const results: BatchRowResult[] = await ca.issueBatch(authority, readChosen(path, 'the CSV file'), {
          signal: controller.signal,
          onProgress: progressSender(batchId),
          ...(keyType === undefined ? {} : { keyType }),
          ...(subjectTemplate === undefined ? {} : { subjectTemplate }),
        });
        return { results, cancelled: controller.signal.aborted };
      } finally {
        batches.delete(batchId);
      }
    },
    'studio:ca.cancelBatch': async (batchId) => {
      const controller = batches.get(batchId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'studio:ca.issued': async ({ ca: authority, query }) => ca.issued(authority, query),
    'studio:ca.exportIssued': async ({ ca: authority, query }) => {
      const csv = await ca.issuedCsv(authority, query);
      const path = await dialogs.chooseFileSavePath(`${safeName(authority)}-issued.csv`, 'csv');
      return path === null ? { saved: false, path: null } : { saved: true, path: writeChosen(path, csv) };
    },
    'studio:ca.revoke': async ({ ca: authority, serial, reason }) => ca.revoke(authority, serial, reason),
    'studio:ca.publishCrl': async ({ ca: authority, format, nextUpdateDays }) => {
      const [summary] = (await ca.list()).filter((item) => item.id === authority || item.name === authority);
      const path = await dialogs.chooseFileSavePath(
        `${safeName(summary?.name ?? authority)}.crl${format === 'pem' ? '.pem' : ''}`,
        format === 'pem' ? 'crl-pem' : 'crl-der',
      );
      if (path === null)
        return { saved: false, path: null, crlNumber: null, revokedCount: 0, nextUpdate: null };
      const crl = await ca.crl(authority, nextUpdateDays === undefined ? {} : { nextUpdateDays });
      writeChosen(path, format === 'pem' ? crl.pem : crl.der);
      return {
        saved: true,
        path,
        crlNumber: crl.crlNumber,
        revokedCount: crl.revokedCount,
        nextUpdate: crl.nextUpdate.toISOString(),
      };
    },
    'studio:ca.exportCertificate': async ({ ca: authority, chain }) => {
      const pem = await ca.certificatePem(authority, { chain: chain ?? false });
      const [summary] = (await ca.list()).filter((item) => item.id === authority || item.name === authority);
      const path = await dialogs.chooseFileSavePath(
        `${safeName(summary?.name ?? authority)}${chain ? '-chain' : ''}.pem`,
        'pem',
      );
      return path === null ? { saved: false, path: null } : { saved: true, path: writeChosen(path, pem) };
    },
    'studio:ca.pending': async () => ca.pending(),
    'studio:ca.createRequest': async (request) => {
      const path = await dialogs.chooseFileSavePath(`${safeName(request.name)}.csr`, 'csr');
      if (path === null) return { saved: false, path: null, request: null };
      const created = await ca.createRequest(request);
      return { saved: true, path: writeChosen(path, created.pem), request: created.request };
    },
    'studio:ca.removeRequest': async (request) => ca.removeRequest(request),
    'studio:ca.completeRequest': async () => {
      const path = await dialogs.pickFile('certificate');
      if (path === null) return { completed: false, identity: null };
      return {
        completed: true,
        identity: await ca.completeRequest(readChosen(path, 'the certificate file'), baseName(path)),
      };
    },
    'studio:ca.reviewRequest': async () => {
      const path = await dialogs.pickFile('csr');
      if (path === null) return null;
      const bytes = readChosen(path, 'the request file');
      const source = baseName(path);
      const review = ca.reviewRequest(bytes, source, randomUUID());
      requests.set(review.requestId, { bytes, source });
      while (requests.size > KEPT) requests.delete(requests.keys().next().value!);
      return review;
    },
    'studio:ca.signRequest': async ({ requestId, ca: authority, days, type }) => {
      const request = requests.get(requestId);
      if (!request) throw unknownId('certificate request');
      const path = await dialogs.chooseFileSavePath(
        `${safeName(request.source.replace(/\.(csr|req|pem|der)$/i, ''))}.crt`,
        'pem',
      );
      if (path === null)
        return { saved: false, path: null, serial: null, subject: null, notAfter: null, notes: [] };
      const signed = await ca.signRequest(authority, request.bytes, request.source, {
        ...(days === undefined ? {} : { days }),
        ...(type === undefined ? {} : { type }),
      });
      requests.delete(requestId);
      writeChosen(path, signed.pem);
      return {
        saved: true,
        path,
        serial: signed.serial,
        subject: signed.subject,
        notAfter: signed.notAfter.toISOString(),
        notes: signed.notes,
      };
    },
    'studio:ca.kit': async ({ identity, profile = 'modern', lang = 'en', testUrl }): Promise<KitDto> => {
      const folder = await dialogs.chooseNewFolder(`${safeName(identity)} kit`);
      if (folder === null)
        return { created: false, folder: null, files: [], p12File: null, profile, lang, password: null };
      const kit = await ca.kit({
        identity,
        out: folder,
        profile,
        lang,
        ...(testUrl === undefined ? {} : { testUrl }),
      });
      return {
        created: true,
        folder: kit.folder,
        files: kit.files,
        p12File: kit.p12File,
        profile: kit.profile,
        lang: kit.lang,
        password: kit.password,
      };
    },
  };
}
