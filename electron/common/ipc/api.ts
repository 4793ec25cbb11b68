import type { Result } from '../result';
import type { Channel, ChannelArgs, ChannelResults } from './contract';

export type Invoke = (channel: Channel, ...args: unknown[]) => Promise<unknown>;

/**
 * Builds the renderer's API from an invoke function. The preload passes ipcRenderer.invoke; the browser test
 * harness passes a Playwright binding to the same gateway. Every method resolves to a Result, never throws.
 */
export function buildStudioApi(invoke: Invoke) {
  const call =
    <C extends Channel>(channel: C) =>
    (...args: ChannelArgs<C>) =>
      invoke(channel, ...args) as Promise<Result<ChannelResults[C]>>;
  return {
    app: { info: call('studio:app.info') },
    files: {
      pick: call('studio:files.pick'),
      inspect: call('studio:files.inspect'),
      export: call('studio:files.export'),
      forget: call('studio:files.forget'),
    },
  };
}

export type StudioCoreApi = ReturnType<typeof buildStudioApi>;
