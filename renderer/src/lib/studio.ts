import type { StudioApi } from '../../../electron/preload';

/** The preload's API. Everything the renderer asks of the system goes through it; nothing else is reachable. */
export function studio(): StudioApi {
  const api = (window as { studio?: StudioApi }).studio;
  if (!api) throw new Error('window.studio is missing: the renderer must run inside mTLS Studio');
  return api;
}
