import { randomUUID } from 'node:crypto';
import { basename, extname } from 'node:path';
import { StudioError } from '../../common/errors';
import type { ExportRequest, InspectRequest, InspectResponse } from '../../common/dto/files';
import type { OutputFormat } from '../../common/dto/inspect';
import { readInputFile } from '../io/input-files';
import { describeBundle, planExport, readFiles, writeExport } from '../pki';
import type { Bundle } from '../pki/model';

/** How many inspections keep their parsed key material in memory; the oldest is dropped first. */
const MAX_OPEN_INSPECTIONS = 16;

export interface ExportResult {
  written: string[];
  warnings: string[];
}

export interface FileService {
  inspect(request: InspectRequest): Promise<InspectResponse>;
  export(request: ExportRequest, outPath: string, options?: { overwrite?: boolean }): Promise<ExportResult>;
  /** a file name for the save dialog: the leaf's CN or the first input's name, with the format's extension */
  suggestedName(inspectionId: string, format: OutputFormat): string;
  forget(inspectionId: string): void;
  /** core-only (the vault's import reads it; never sent over IPC): what an inspection read, key material included */
  bundleOf(inspectionId: string): { bundle: Bundle; baseName: string };
}

interface Inspection {
  bundle: Bundle;
  baseName: string;
}

export const OUTPUT_EXTENSIONS: Record<OutputFormat, string> = {
  p12: '.p12',
  pem: '.pem',
  der: '.cer',
  p7b: '.p7b',
  acm: '',
};

export function createFileService(now: () => Date): FileService {
  const inspections = new Map<string, Inspection>();

  const get = (id: string): Inspection => {
    const inspection = inspections.get(id);
    if (!inspection) {
      throw new StudioError('NOT_FOUND', 'this inspection is no longer open', {
        hint: 'Open the files again, then export.',
      });
    }
    return inspection;
  };

  return {
    async inspect({ paths, password }) {
      const inputs = await Promise.all(paths.map(readInputFile));
      const bundle = readFiles(inputs, password === undefined ? {} : { password });
      const report = describeBundle(bundle, now());
      const inspectionId = randomUUID();
      inspections.set(inspectionId, { bundle, baseName: baseNameFor(report.certificates[0]?.commonName, paths[0]!) });
      while (inspections.size > MAX_OPEN_INSPECTIONS) inspections.delete(inspections.keys().next().value!);
      return { inspectionId, report };
    },

    async export(request, outPath, options = {}) {
      const { bundle, baseName } = get(request.inspectionId);
      const plan = planExport(bundle, { ...request, baseName });
      const written = writeExport(outPath, plan, { overwrite: options.overwrite ?? false });
      return { written, warnings: plan.warnings };
    },

    suggestedName(inspectionId, format) {
      return `${get(inspectionId).baseName}${OUTPUT_EXTENSIONS[format]}`;
    },

    forget(inspectionId) {
      inspections.delete(inspectionId);
    },

    bundleOf(inspectionId) {
      return get(inspectionId);
    },
  };
}

const UNSAFE_IN_FILE_NAMES = '\\/:*?"<>|';

/** A safe file-name stem: the CN when there is one, else the first file's name without extension. */
export function baseNameFor(commonName: string | null | undefined, firstPath: string): string {
  const raw = commonName ?? basename(firstPath, extname(firstPath));
  const safe = [...raw.normalize('NFC')]
    .map((char) => (char.charCodeAt(0) < 0x20 || UNSAFE_IN_FILE_NAMES.includes(char) ? '-' : char))
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, 80);
  return safe || 'certificate';
}
