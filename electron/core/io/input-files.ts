import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { StudioError } from '../../common/errors';

/** Certificate files are kilobytes; anything over this is the wrong file, and is refused before it is read. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export interface InputFile {
  path: string;
  bytes: Uint8Array;
}

export async function readInputFile(path: string): Promise<InputFile> {
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new StudioError('FILE_NOT_FOUND', `cannot read '${name}': no such file`, {
        hint: 'Check the path and try again.',
        params: { file: name },
      });
    }
    throw unreadable(name, cause);
  }
  if (!info.isFile()) {
    throw new StudioError('FILE_UNREADABLE', `cannot read '${name}': not a regular file`, {
      hint: 'Choose a certificate or key file, not a folder or device.',
      params: { file: name },
    });
  }
  if (info.size > MAX_INPUT_BYTES) {
    throw new StudioError('FILE_TOO_LARGE', `cannot read '${name}': ${formatMb(info.size)} is larger than the 10 MB limit`, {
      hint: 'Certificate, key and PKCS#12 files are a few kilobytes; check that this is the right file.',
      params: { file: name, size: formatMb(info.size) },
    });
  }
  try {
    return { path, bytes: new Uint8Array(await readFile(path)) };
  } catch (cause) {
    throw unreadable(name, cause);
  }
}

function unreadable(name: string, cause: unknown): StudioError {
  const code = (cause as NodeJS.ErrnoException).code ?? 'EIO';
  return new StudioError('FILE_UNREADABLE', `cannot read '${name}': ${code === 'EACCES' ? 'permission denied' : code}`, {
    hint: 'Check that the file exists and that you are allowed to read it.',
    params: { file: name },
    cause,
  });
}

const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
