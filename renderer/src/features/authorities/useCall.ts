import { useState } from 'react';
import type { ErrorDto } from '../../../../electron/common/errors';
import type { Result } from '../../../../electron/common/result';

/** Runs one call to main at a time: busy while it runs, its error kept for the form to show. */
export function useCall() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDto | null>(null);
  const run = async <T>(call: () => Promise<Result<T>>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      return result.value;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
