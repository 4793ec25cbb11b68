import { useCallback, useEffect, useRef, useState } from 'react';
import type { IdentityDetails } from '../../../../../electron/common/dto/vault';
import type { ErrorDto } from '../../../../../electron/common/errors';
import { studio } from '../../../lib/studio';

export interface DetailsState {
  details: IdentityDetails | null;
  error: ErrorDto | null;
  loading: boolean;
  reload(): Promise<void>;
}

/** vault.show of the open identity, read again after every change made in the drawer. */
export function useIdentityDetails(id: string | null): DetailsState {
  const [details, setDetails] = useState<IdentityDetails | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [loading, setLoading] = useState(false);
  const request = useRef(0);

  const reload = useCallback(async () => {
    if (!id) return;
    const mine = ++request.current;
    setLoading(true);
    const result = await studio().vault.show(id);
    if (mine !== request.current) return;
    setLoading(false);
    if (result.ok) {
      setDetails(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [id]);

  useEffect(() => {
    setDetails(null);
    setError(null);
    void reload();
  }, [reload]);

  return { details, error, loading, reload };
}
