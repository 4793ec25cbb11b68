import { useState } from 'react';
import type { ErrorDto } from '../../../../electron/common/errors';
import { studio } from '../../lib/studio';

export interface FileIntake {
  /** a problem with what was dropped or picked, before anything was read */
  error: ErrorDto | null;
  clearError(): void;
  /** for FileDrop's onFiles: dropped File objects → paths on disk */
  onFiles(files: File[]): void;
  /** for FileDrop's onChoose: the native file picker */
  onChoose(): void;
}

/** Turns drops and the native picker into paths on disk and hands them to `open`. */
export function useFileIntake(open: (paths: string[]) => void): FileIntake {
  const [error, setError] = useState<ErrorDto | null>(null);

  const onFiles = (files: File[]) => {
    setError(null);
    const paths = files.map((file) => studio().pathForFile(file)).filter((path) => path.length > 0);
    if (paths.length === 0 && files.length > 0) {
      // e.g. text dragged from another app: there is no file on disk main could read
      setError({ code: 'FILE_UNREADABLE', message: 'dropped items are not files on disk', params: { file: files[0]!.name } });
      return;
    }
    open(paths);
  };

  const choose = async () => {
    setError(null);
    const picked = await studio().files.pick();
    if (!picked.ok) setError(picked.error);
    else open(picked.value.paths);
  };

  return { error, clearError: () => setError(null), onFiles, onChoose: () => void choose() };
}
