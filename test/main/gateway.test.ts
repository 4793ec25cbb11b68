import { describe, expect, it, vi } from 'vitest';
import { StudioError } from '../../electron/common/errors';
import { CHANNELS, type Channel } from '../../electron/common/ipc/contract';
import { createGateway, type IpcHandlers, type SenderInfo } from '../../electron/main/ipc/gateway';
import { isTrustedSender } from '../../electron/main/sender-policy';

const APP: SenderInfo = { url: 'app://studio/index.html', isMainFrame: true };
const UUID = '3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f708192';

/** A valid argument list for each channel, so each handler can be reached through the gateway. */
const VALID_ARGS: Record<Channel, unknown[]> = {
  'studio:app.info': [],
  'studio:files.pick': [],
  'studio:files.inspect': [{ paths: ['/tmp/a.pem'] }],
  'studio:files.export': [{ inspectionId: UUID, format: 'p12', profile: 'modern', outPassword: 'pw' }],
  'studio:files.forget': [UUID],
};

/** Arguments each schema must refuse: wrong types, extra keys, missing fields, oversized values. */
const MALFORMED_ARGS: Record<Channel, unknown[][]> = {
  'studio:app.info': [['extra']],
  'studio:files.pick': [[{}]],
  'studio:files.inspect': [[], [{ paths: [] }], [{ paths: 'a.pem' }], [{ paths: ['a'], evil: 1 }], [{ paths: ['a'], password: 7 }], [{ paths: ['x'.repeat(5000)] }]],
  'studio:files.export': [[{ inspectionId: 'nope', format: 'p12' }], [{ inspectionId: UUID, format: 'exe' }], [{ inspectionId: UUID, format: 'pem', select: 'ZZ' }]],
  'studio:files.forget': [[42], ['not-a-uuid'], []],
};

function spyHandlers() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [channel, vi.fn(async () => { calls.push(channel); return null; })]),
  ) as unknown as IpcHandlers;
  return { handlers, calls };
}

describe('IPC gateway', () => {
  it('has a valid and a malformed example for every channel of the contract', () => {
    expect(Object.keys(VALID_ARGS).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(MALFORMED_ARGS).sort()).toEqual([...CHANNELS].sort());
  });

  for (const channel of CHANNELS) {
    describe(channel, () => {
      it('runs the handler for the app window with valid arguments', async () => {
        const { handlers, calls } = spyHandlers();
        const result = await createGateway(handlers, { isTrustedSender }).invoke(APP, channel, VALID_ARGS[channel]);
        expect(result).toEqual({ ok: true, value: null });
        expect(calls).toEqual([channel]);
      });

      it.each([
        ['a remote page', { url: 'https://evil.example/', isMainFrame: true }],
        ['a file:// page', { url: 'file:///tmp/index.html', isMainFrame: true }],
        ['a subframe of the app', { url: 'app://studio/index.html', isMainFrame: false }],
        ['a look-alike host', { url: 'app://studio.evil/index.html', isMainFrame: true }],
        ['an empty sender', { url: '', isMainFrame: true }],
      ])('refuses %s without running the handler', async (_label, sender) => {
        const { handlers, calls } = spyHandlers();
        const result = await createGateway(handlers, { isTrustedSender }).invoke(sender, channel, VALID_ARGS[channel]);
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
        expect(calls).toEqual([]);
      });

      it('refuses malformed arguments without running the handler', async () => {
        const { handlers, calls } = spyHandlers();
        const gateway = createGateway(handlers, { isTrustedSender });
        for (const args of MALFORMED_ARGS[channel]) {
          const result = await gateway.invoke(APP, channel, args);
          expect(result, JSON.stringify(args).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
        }
        expect(calls).toEqual([]);
      });
    });
  }

  it('refuses channels outside the contract', async () => {
    const { handlers, calls } = spyHandlers();
    const gateway = createGateway(handlers, { isTrustedSender });
    for (const channel of ['studio:files.delete', 'studio:__proto__', 'constructor', 42, null]) {
      expect(await gateway.invoke(APP, channel, [])).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(calls).toEqual([]);
  });

  it('returns a StudioError as {code, message, hint} and hides anything else', async () => {
    const { handlers } = spyHandlers();
    handlers['studio:app.info'] = async () => {
      throw new StudioError('NOT_FOUND', 'gone', { hint: 'open it again' });
    };
    handlers['studio:files.pick'] = async () => {
      throw new Error('EACCES /home/user/secret.key at Object.<anonymous> (main.js:1:1)');
    };
    const gateway = createGateway(handlers, { isTrustedSender });
    expect(await gateway.invoke(APP, 'studio:app.info', [])).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone', hint: 'open it again' },
    });
    const hidden = await gateway.invoke(APP, 'studio:files.pick', []);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(hidden)).not.toMatch(/secret\.key|main\.js|EACCES/);
  });
});
