import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { HostConflict, IdentitySummary } from '../../../../electron/common/dto/vault';
import type { ErrorDto } from '../../../../electron/common/errors';
import { studio } from '../../lib/studio';

export interface VaultState {
  status: 'loading' | 'ready' | 'failed';
  identities: IdentitySummary[];
  conflicts: HostConflict[];
  /** why the list could not be read (VAULT_CORRUPT…) */
  error: ErrorDto | null;
  /** the last KEYCHAIN_UNAVAILABLE of an operation: shown above the list until an operation succeeds or it is dismissed */
  keychainError: ErrorDto | null;
}

interface VaultContextValue extends VaultState {
  refresh(): Promise<void>;
  /** every failed vault operation passes its error here, so a missing keychain is shown screen-wide */
  noteError(error: ErrorDto): void;
  /** an operation that needed the keychain succeeded */
  noteKeychainWorks(): void;
  dismissKeychainError(): void;
}

const VaultContext = createContext<VaultContextValue | null>(null);

/** The identity list, shared by the Identities screen and the navigation's expiry badge. */
export function VaultProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<VaultState>({ status: 'loading', identities: [], conflicts: [], error: null, keychainError: null });

  const refresh = useCallback(async () => {
    const result = await studio().vault.list({ sort: 'name' });
    setState((previous) =>
      result.ok
        ? { ...previous, status: 'ready', identities: result.value.identities, conflicts: result.value.conflicts, error: null }
        : { ...previous, status: 'failed', error: result.error },
    );
  }, []);

  useEffect(() => {
    void refresh();
    // the CLI may have changed the vault while the window was in the background
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);

  const noteError = useCallback((error: ErrorDto) => {
    if (error.code === 'KEYCHAIN_UNAVAILABLE') setState((previous) => ({ ...previous, keychainError: error }));
  }, []);
  const noteKeychainWorks = useCallback(() => setState((previous) => (previous.keychainError ? { ...previous, keychainError: null } : previous)), []);

  const value = useMemo(
    () => ({ ...state, refresh, noteError, noteKeychainWorks, dismissKeychainError: noteKeychainWorks }),
    [state, refresh, noteError, noteKeychainWorks],
  );
  return <VaultContext.Provider value={value}>{children}</VaultContext.Provider>;
}

export function useVault(): VaultContextValue {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault outside VaultProvider');
  return value;
}
