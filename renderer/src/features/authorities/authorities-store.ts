import { useCallback, useEffect, useState } from 'react';
import type { AuthoritySummary, PendingRequest } from '../../../../electron/common/dto/ca';
import type { ErrorDto } from '../../../../electron/common/errors';
import { studio } from '../../lib/studio';

export const KEY_TYPES = ['ec-p256', 'ec-p384', 'rsa-2048', 'rsa-3072', 'rsa-4096'] as const;
export type KeyTypeId = (typeof KEY_TYPES)[number];
export const KEY_TYPE_LABELS: Record<KeyTypeId, string> = {
  'ec-p256': 'EC P-256',
  'ec-p384': 'EC P-384',
  'rsa-2048': 'RSA 2048',
  'rsa-3072': 'RSA 3072',
  'rsa-4096': 'RSA 4096',
};
export const KEY_TYPE_OPTIONS = KEY_TYPES.map((value) => ({ value, label: KEY_TYPE_LABELS[value] }));

export interface AuthoritiesState {
  status: 'loading' | 'ready' | 'failed';
  authorities: AuthoritySummary[];
  pending: PendingRequest[];
  error: ErrorDto | null;
  reload(): Promise<void>;
}

/** The vault's CAs (tree order) and pending requests, reloaded after every change the screen makes. */
export function useAuthorities(): AuthoritiesState {
  const [state, setState] = useState<Omit<AuthoritiesState, 'reload'>>({
    status: 'loading',
    authorities: [],
    pending: [],
    error: null,
  });
  const reload = useCallback(async () => {
    const [list, pending] = await Promise.all([studio().ca.list(), studio().ca.pending()]);
    if (!list.ok) setState((current) => ({ ...current, status: 'failed', error: list.error }));
    else
      setState({
        status: 'ready',
        authorities: list.value,
        pending: pending.ok ? pending.value : [],
        error: pending.ok ? null : pending.error,
      });
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}

/** depth of each CA in the tree (roots 0), from the parent links of the list */
export function depthOf(authorities: AuthoritySummary[]): Map<string, number> {
  const byId = new Map(authorities.map((ca) => [ca.id, ca]));
  const depth = new Map<string, number>();
  const walk = (ca: AuthoritySummary, seen: number): number => {
    if (depth.has(ca.id)) return depth.get(ca.id)!;
    const parent = ca.parentId === null ? undefined : byId.get(ca.parentId);
    const value = parent && seen < 16 ? walk(parent, seen + 1) + 1 : 0;
    depth.set(ca.id, value);
    return value;
  };
  for (const ca of authorities) walk(ca, 0);
  return depth;
}
