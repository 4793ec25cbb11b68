import { StudioError } from '../common/errors';
import { createServices, DEFAULT_LOCK_TIMEOUT_MS, type Services } from '../core';

/**
 * Services for the vault commands. MTLS_STUDIO_LOCK_TIMEOUT_MS sets how long a command waits for another writer
 * (the app or another mtls-studio) before failing with VAULT_LOCKED.
 */
export function vaultServices(env: NodeJS.ProcessEnv = process.env): Services {
  const raw = env.MTLS_STUDIO_LOCK_TIMEOUT_MS;
  if (raw === undefined || raw === '') return createServices();
  const timeout = Number(raw);
  if (!Number.isInteger(timeout) || timeout < 0 || timeout > 3_600_000) {
    throw new StudioError('USAGE', `MTLS_STUDIO_LOCK_TIMEOUT_MS must be a whole number of milliseconds (got '${raw}')`, {
      hint: `Leave it unset for the default of ${DEFAULT_LOCK_TIMEOUT_MS} ms.`,
    });
  }
  return createServices({ vaultLockTimeoutMs: timeout });
}
