import { useCallback, useEffect, useState } from 'react';
import type {
  ClientSource,
  ClientVerdict,
  TrustStoreReport,
  TrustStoreSelection,
  TrustStoreTarget,
  VaultCaSummary,
} from '../../../../electron/common/dto/truststore';
import type { ErrorDto } from '../../../../electron/common/errors';
import { studio } from '../../lib/studio';
import { needsPassword, promptedFile, type PasswordPrompt } from './password-prompt';

export interface TrustStoreState {
  target: TrustStoreTarget;
  files: string[];
  vaultCas: string[];
  available: VaultCaSummary[];
  report: TrustStoreReport | null;
  /** why the selection could not be read (a file that is not a certificate…) */
  error: ErrorDto | null;
  busy: boolean;
  verdict: { client: ClientSource; label: string; result: ClientVerdict } | null;
  verdictError: ErrorDto | null;
  /** set while a chosen file waits for its password */
  prompt: PasswordPrompt | null;
}

type Selection = TrustStoreSelection & { password?: string };

const empty = (selection: TrustStoreSelection) => selection.files.length + selection.vaultCas.length === 0;

/**
 * The screen's selection (target, CA files, vault CAs) and what main says about it: every change rebuilds the
 * preview, so violations update live; a client test is re-run when the bundle changes.
 */
export function useTrustStore() {
  const [state, setState] = useState<TrustStoreState>({
    target: 'alb',
    files: [],
    vaultCas: [],
    available: [],
    report: null,
    error: null,
    busy: false,
    verdict: null,
    verdictError: null,
    prompt: null,
  });
  // the password that opened the encrypted PKCS#12 files: in memory only, sent with each call, never saved
  const [password, setPassword] = useState<string | undefined>(undefined);
  const selection: Selection = {
    target: state.target,
    files: state.files,
    vaultCas: state.vaultCas,
    ...(password === undefined ? {} : { password }),
  };
  const key = JSON.stringify(selection);

  useEffect(() => {
    void studio()
      .truststore.vaultCas()
      .then((result) => result.ok && setState((previous) => ({ ...previous, available: result.value })));
  }, []);

  useEffect(() => {
    const current = JSON.parse(key) as Selection;
    if (empty(current)) {
      setState((previous) => ({ ...previous, report: null, error: null, verdict: null, busy: false }));
      return;
    }
    let live = true;
    setState((previous) => ({ ...previous, busy: true }));
    void (async () => {
      const result = await studio().truststore.preview(current);
      if (!live) return;
      setState((previous) => ({
        ...previous,
        busy: false,
        report: result.ok ? result.value : null,
        error: result.ok ? null : result.error,
      }));
    })();
    return () => {
      live = false;
    };
  }, [key]);

  const test = useCallback(
    async (client: ClientSource, label: string) => {
      const current = JSON.parse(key) as Selection;
      const result = await studio().truststore.testClient(current, client);
      if (!result.ok && client.kind === 'file' && needsPassword(result.error)) {
        const file = promptedFile(result.error, [client.path]);
        setState((previous) => ({
          ...previous,
          prompt: { for: 'client', client, label, file, wrong: false, checking: false },
        }));
        return;
      }
      setState((previous) => ({
        ...previous,
        verdict: result.ok ? { client, label, result: result.value } : null,
        verdictError: result.ok ? null : result.error,
      }));
    },
    [key],
  );

  const mergedFiles = (paths: string[]) =>
    [...state.files, ...paths.filter((path) => !state.files.includes(path))].slice(0, 64);

  /** CA files are read once before they join the selection, so an encrypted one asks for its password first */
  const addFiles = async (paths: string[]) => {
    const candidate: Selection = { ...selection, files: mergedFiles(paths) };
    const result = await studio().truststore.preview(candidate);
    if (!result.ok && needsPassword(result.error)) {
      const file = promptedFile(result.error, paths);
      setState((previous) => ({ ...previous, prompt: { for: 'files', paths, file, wrong: false, checking: false } }));
      return;
    }
    setState((previous) => ({ ...previous, files: candidate.files }));
  };

  const submitPassword = async (attempt: string) => {
    const prompt = state.prompt;
    if (prompt === null) return;
    setState((previous) => ({ ...previous, prompt: previous.prompt && { ...previous.prompt, checking: true } }));
    const withPassword: Selection = { ...selection, password: attempt };
    const result =
      prompt.for === 'files'
        ? await studio().truststore.preview({ ...withPassword, files: mergedFiles(prompt.paths) })
        : await studio().truststore.testClient(withPassword, prompt.client);
    if (!result.ok && needsPassword(result.error)) {
      const file = promptedFile(result.error, prompt.for === 'files' ? prompt.paths : []) ?? prompt.file;
      setState((previous) => ({ ...previous, prompt: { ...prompt, file, wrong: true, checking: false } }));
      return;
    }
    setPassword(attempt);
    setState((previous) => ({
      ...previous,
      prompt: null,
      ...(prompt.for === 'files'
        ? { files: mergedFiles(prompt.paths) }
        : {
            verdict: result.ok ? { client: prompt.client, label: prompt.label, result: result.value as ClientVerdict } : null,
            verdictError: result.ok ? null : result.error,
          }),
    }));
  };

  // the bundle changed: the last client test no longer describes it
  const verdictClient = state.verdict?.client ?? null;
  const verdictLabel = state.verdict?.label ?? '';
  useEffect(() => {
    if (verdictClient !== null) void test(verdictClient, verdictLabel);
  }, [key]);

  return {
    state,
    selection,
    setTarget: (target: TrustStoreTarget) => setState((previous) => ({ ...previous, target })),
    addFiles,
    removeFile: (path: string) => {
      if (state.files.length === 1 && state.files[0] === path) setPassword(undefined);
      setState((previous) => ({ ...previous, files: previous.files.filter((other) => other !== path) }));
    },
    submitPassword,
    /** the file is left out, or the client stays untested: the screen is as it was */
    cancelPassword: () => setState((previous) => ({ ...previous, prompt: null })),
    toggleVaultCa: (sha256: string) =>
      setState((previous) => ({
        ...previous,
        vaultCas: previous.vaultCas.includes(sha256)
          ? previous.vaultCas.filter((other) => other !== sha256)
          : [...previous.vaultCas, sha256],
      })),
    test,
    clearVerdict: () => setState((previous) => ({ ...previous, verdict: null, verdictError: null })),
  };
}
