import { useCallback, useRef, useState } from 'react';
import type { InspectReport } from '../../../../electron/common/dto/inspect';
import type { ErrorDto } from '../../../../electron/common/errors';
import { fileName } from '../../lib/format';
import { studio } from '../../lib/studio';

export type InspectionState =
  | { kind: 'empty' }
  | { kind: 'reading'; paths: string[] }
  /** a file needs a password: the dialog stays open until it is right or the user cancels */
  | { kind: 'password'; paths: string[]; file: string | null; wrong: boolean; checking: boolean }
  | { kind: 'failed'; error: ErrorDto; paths: string[] }
  | { kind: 'loaded'; inspectionId: string; report: InspectReport; paths: string[] };

export interface Inspection {
  state: InspectionState;
  open(paths: string[]): void;
  submitPassword(password: string): void;
  cancelPassword(): void;
  clear(): void;
}

const fileOf = (error: ErrorDto, paths: string[]): string | null => {
  const file = error.params?.file;
  if (typeof file === 'string') return file;
  return paths.length === 1 ? fileName(paths[0]!) : null;
};

/** Reads files through main (paths only: the bytes, keys included, never come to the renderer). */
export function useInspection(): Inspection {
  const [state, setStateValue] = useState<InspectionState>({ kind: 'empty' });
  const stateRef = useRef<InspectionState>(state);
  const setState = useCallback((next: InspectionState) => {
    stateRef.current = next;
    setStateValue(next);
  }, []);
  const request = useRef(0);
  const loadedId = useRef<string | null>(null);

  const forgetLoaded = () => {
    const id = loadedId.current;
    loadedId.current = null;
    if (id) void studio().files.forget(id);
  };

  const run = useCallback(async (paths: string[], password: string | undefined) => {
    const mine = ++request.current;
    const result = await studio().files.inspect(password === undefined ? { paths } : { paths, password });
    if (mine !== request.current) {
      if (result.ok) void studio().files.forget(result.value.inspectionId);
      return;
    }
    if (result.ok) {
      loadedId.current = result.value.inspectionId;
      setState({ kind: 'loaded', inspectionId: result.value.inspectionId, report: result.value.report, paths });
      return;
    }
    const { error } = result;
    const needsPassword = error.code === 'PASSWORD_REQUIRED' || error.code === 'WRONG_PASSWORD';
    if (needsPassword) {
      setState({ kind: 'password', paths, file: fileOf(error, paths), wrong: password !== undefined, checking: false });
    } else {
      setState({ kind: 'failed', error, paths });
    }
  }, [setState]);

  const open = useCallback(
    (paths: string[]) => {
      if (paths.length === 0) return;
      forgetLoaded();
      setState({ kind: 'reading', paths });
      void run(paths, undefined);
    },
    [run, setState],
  );

  const submitPassword = useCallback(
    (password: string) => {
      const current = stateRef.current;
      if (current.kind !== 'password' || current.checking) return;
      setState({ ...current, checking: true });
      void run(current.paths, password);
    },
    [run, setState],
  );

  const cancelPassword = useCallback(() => {
    request.current++;
    setState({ kind: 'empty' });
  }, [setState]);

  const clear = useCallback(() => {
    request.current++;
    forgetLoaded();
    setState({ kind: 'empty' });
  }, [setState]);

  return { state, open, submitPassword, cancelPassword, clear };
}
