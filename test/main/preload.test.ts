import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_NAMES } from '../../electron/common/ipc/contract';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Api = Record<string, unknown>;
let api: Api;

beforeAll(async () => {
  await import('../../electron/preload/index');
  api = contextBridge.exposed.get('studio') as Api;
});

/** [dotted name, function] for every function in the exposed tree */
function functions(tree: Api, prefix = ''): [string, (...args: unknown[]) => unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'function' ? [[`${prefix}${key}`, value as (...args: unknown[]) => unknown]] : functions(value as Api, `${prefix}${key}.`),
  ) as [string, (...args: unknown[]) => unknown][];
}

describe('preload', () => {
  it('exposes one object, window.studio, made of plain functions only (no ipcRenderer, no Electron objects)', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['studio']);
    const walk = (value: unknown): void => {
      if (typeof value === 'function') return;
      expect(value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype).toBe(true);
      for (const inner of Object.values(value as object)) walk(inner);
    };
    walk(api);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|send|invoke/i);
  });

  it('maps each invoke method to exactly one contract channel, and together they cover the contract', async () => {
    const invoked = new Set<string>();
    for (const [name, fn] of functions(api).filter(([name]) => !/\.on[A-Z]/.test(name) && name !== 'pathForFile')) {
      ipcRenderer.invoked.length = 0;
      await fn({ probe: name });
      expect(ipcRenderer.invoked, name).toHaveLength(1);
      const [channel, ...args] = ipcRenderer.invoked[0]!;
      expect(CHANNELS).toContain(channel);
      expect(args).toEqual([{ probe: name }]);
      invoked.add(channel as string);
    }
    expect([...invoked].sort()).toEqual([...CHANNELS].sort());
  });

  it('subscribes only to contract events, passes the payload without the IPC event, and unsubscribes', () => {
    const subscribers = functions(api).filter(([name]) => /\.on[A-Z]/.test(name));
    expect(subscribers.length).toBe(EVENT_NAMES.length);
    for (const [, subscribe] of subscribers) {
      const before = new Set(ipcRenderer.eventNames());
      const received: unknown[][] = [];
      const unsubscribe = subscribe((...args: unknown[]) => received.push(args)) as () => void;
      const added = ipcRenderer.eventNames().filter((name) => !before.has(name) || ipcRenderer.listenerCount(name) > 1);
      expect(added).toHaveLength(1);
      const event = added[0] as string;
      expect(EVENT_NAMES).toContain(event);
      ipcRenderer.emit(event, { sender: ipcRenderer, senderId: 0 }, { paths: ['/a.p12'] });
      expect(received).toEqual([[{ paths: ['/a.p12'] }]]);
      unsubscribe();
      expect(ipcRenderer.listenerCount(event)).toBe(0);
      ipcRenderer.emit(event, {}, { paths: ['/b.p12'] });
      expect(received).toHaveLength(1);
    }
  });

  it('asks webUtils for the disk path of a dropped file', () => {
    expect((api.pathForFile as (file: { name: string }) => string)({ name: 'client.p12' })).toBe('/dropped/client.p12');
  });
});
