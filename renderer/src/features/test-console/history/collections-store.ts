import { useSyncExternalStore } from 'react';
import { emptyRequest, METHODS, TARGETS, type ConsoleRequest } from '../request/request-model';
import { withholdSecretHeaders } from './secret-headers';

/**
 * Saved requests, grouped in collections, kept in the renderer's localStorage. Why there: they hold no secret —
 * no password, no key, no credential header value (only its name), only URLs, options, vault identity names and
 * file paths — so they need neither the OS keychain nor a round trip to main, and they export/import as plain JSON
 * that is safe to share with a colleague. Bodies are kept as typed (the UI says so).
 */

export interface SavedRequest {
  id: string;
  name: string;
  request: ConsoleRequest;
  /** credential headers whose values were dropped on saving: the user types them again before sending */
  withheldHeaders: string[];
}

export interface Collection {
  id: string;
  name: string;
  requests: SavedRequest[];
}

export const STORAGE_KEY = 'mtls-studio.test-console.collections.v1';
const EXPORT_FORMAT = 'mtls-studio-collections';
const MAX_COLLECTIONS = 200;
const MAX_REQUESTS = 500;

/** only the fields a ConsoleRequest has, each checked: an imported file cannot smuggle anything else in */
export function sanitizeRequest(value: unknown): ConsoleRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const base = emptyRequest();
  const str = (x: unknown, max: number, fallback: string) =>
    typeof x === 'string' ? x.slice(0, max) : fallback;
  if (typeof v.url !== 'string') return null;
  const identity = v.identity as Record<string, unknown> | undefined;
  let chosen: ConsoleRequest['identity'] = { kind: 'auto' };
  if (identity?.kind === 'none') chosen = { kind: 'none' };
  else if (identity?.kind === 'vault' && typeof identity.name === 'string')
    chosen = { kind: 'vault', name: identity.name.slice(0, 200) };
  else if (identity?.kind === 'files' && Array.isArray(identity.paths))
    chosen = {
      kind: 'files',
      paths: identity.paths.filter((p): p is string => typeof p === 'string').slice(0, 2),
    };
  const repeat = (v.repeat ?? {}) as Record<string, unknown>;
  const int = (x: unknown, min: number, max: number, fallback: number) =>
    typeof x === 'number' && Number.isInteger(x) ? Math.min(max, Math.max(min, x)) : fallback;
  const version = (x: unknown) => (x === '1.2' || x === '1.3' ? x : '');
  return {
    method: METHODS.includes(v.method as never) ? (v.method as ConsoleRequest['method']) : base.method,
    url: v.url.slice(0, 2048),
    identity: chosen,
    target: TARGETS.includes(v.target as never) ? (v.target as ConsoleRequest['target']) : base.target,
    caFiles: Array.isArray(v.caFiles)
      ? v.caFiles.filter((p): p is string => typeof p === 'string').slice(0, 16)
      : [],
    servername: str(v.servername, 253, ''),
    resolve: str(v.resolve, 4000, ''),
    tlsMin: version(v.tlsMin),
    tlsMax: version(v.tlsMax),
    headers: str(v.headers, 100_000, ''),
    body: str(v.body, 1_048_576, ''),
    timeoutMs: int(v.timeoutMs, 100, 120_000, base.timeoutMs),
    insecure: v.insecure === true,
    repeat: {
      enabled: repeat.enabled === true,
      count: int(repeat.count, 1, 10_000, base.repeat.count),
      concurrency: int(repeat.concurrency, 1, 256, base.repeat.concurrency),
    },
  };
}

/**
 * The one way into the store (save, load, import): every entry passes here, so a value typed into an Authorization
 * header, or one in an older export or localStorage copy, is emptied before it is kept.
 */
function savedEntry(name: string, request: ConsoleRequest): SavedRequest {
  const { headers, withheld } = withholdSecretHeaders(request.headers);
  return {
    id: crypto.randomUUID(),
    name: name.slice(0, 200),
    request: { ...request, headers },
    withheldHeaders: withheld,
  };
}

function sanitizeCollections(value: unknown): Collection[] | null {
  const list = (value as { collections?: unknown })?.collections;
  if (!Array.isArray(list)) return null;
  return list.slice(0, MAX_COLLECTIONS).flatMap((item: unknown) => {
    const c = item as Record<string, unknown>;
    if (typeof c?.name !== 'string' || !Array.isArray(c.requests)) return [];
    const requests = c.requests.slice(0, MAX_REQUESTS).flatMap((entry: unknown) => {
      const e = entry as Record<string, unknown>;
      const request = sanitizeRequest(e?.request);
      return request && typeof e.name === 'string' ? [savedEntry(e.name, request)] : [];
    });
    return [{ id: crypto.randomUUID(), name: c.name.slice(0, 200), requests }];
  });
}

function load(): Collection[] {
  try {
    return sanitizeCollections(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')) ?? [];
  } catch {
    return [];
  }
}

let collections: Collection[] = load();
const persist = () =>
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ format: EXPORT_FORMAT, version: 1, collections }));
// a copy saved by an older version may hold credential values: the emptied copy replaces it at once
if (collections.length) persist();
const listeners = new Set<() => void>();
const save = (next: Collection[]) => {
  collections = next;
  persist();
  listeners.forEach((listener) => listener());
};

export const collectionsStore = {
  get: () => collections,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** adds the request to the named collection (created when new) */
  saveRequest(collectionName: string, name: string, request: ConsoleRequest) {
    const clean = sanitizeRequest(request)!;
    const existing = collections.find((c) => c.name === collectionName);
    const entry = savedEntry(name, clean);
    save(
      existing
        ? collections.map((c) => (c === existing ? { ...c, requests: [...c.requests, entry] } : c))
        : [...collections, { id: crypto.randomUUID(), name: collectionName, requests: [entry] }],
    );
  },
  removeRequest(collectionId: string, requestId: string) {
    save(
      collections
        .map((c) =>
          c.id === collectionId ? { ...c, requests: c.requests.filter((r) => r.id !== requestId) } : c,
        )
        .filter((c) => c.requests.length > 0),
    );
  },
  exportJson(): string {
    return JSON.stringify(
      {
        format: EXPORT_FORMAT,
        version: 1,
        collections: collections.map(({ name, requests }) => ({
          name,
          requests: requests.map(({ name: n, request, withheldHeaders }) => ({
            name: n,
            request,
            withheldHeaders,
          })),
        })),
      },
      null,
      2,
    );
  },
  /** merges collections from an export; returns how many requests were added, or null when the text is not an export */
  importJson(text: string): number | null {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    if ((parsed as { format?: unknown })?.format !== EXPORT_FORMAT) return null;
    const incoming = sanitizeCollections(parsed);
    if (!incoming) return null;
    let next = collections;
    for (const collection of incoming) {
      const existing = next.find((c) => c.name === collection.name);
      next = existing
        ? next.map((c) => (c === existing ? { ...c, requests: [...c.requests, ...collection.requests] } : c))
        : [...next, collection];
    }
    save(next);
    return incoming.reduce((sum, c) => sum + c.requests.length, 0);
  },
};

export function useCollections(): Collection[] {
  return useSyncExternalStore(collectionsStore.subscribe, collectionsStore.get);
}
