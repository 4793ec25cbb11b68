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
}

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
  });
  const selection: TrustStoreSelection = {
    target: state.target,
    files: state.files,
    vaultCas: state.vaultCas,
  };
  const key = JSON.stringify(selection);

  useEffect(() => {
    void studio()
      .truststore.vaultCas()
      .then((result) => result.ok && setState((previous) => ({ ...previous, available: result.value })));
  }, []);

  useEffect(() => {
    const current: TrustStoreSelection = JSON.parse(key) as TrustStoreSelection;
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
      const current: TrustStoreSelection = JSON.parse(key) as TrustStoreSelection;
      const result = await studio().truststore.testClient(current, client);
      setState((previous) => ({
        ...previous,
        verdict: result.ok ? { client, label, result: result.value } : null,
        verdictError: result.ok ? null : result.error,
      }));
    },
    [key],
  );

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
    addFiles: (paths: string[]) =>
      setState((previous) => ({
        ...previous,
        files: [...previous.files, ...paths.filter((path) => !previous.files.includes(path))].slice(0, 64),
      })),
    removeFile: (path: string) =>
      setState((previous) => ({ ...previous, files: previous.files.filter((other) => other !== path) })),
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
