import type { StudioApi } from '../../electron/preload';

declare global {
  interface Window {
    /** built by the preload from the IPC contract (in the e2e harness: the same builder over a Playwright binding) */
    readonly studio: StudioApi;
  }
}

export {};
