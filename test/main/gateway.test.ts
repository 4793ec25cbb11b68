import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { StudioError } from '../../electron/common/errors';
import { CHANNELS } from '../../electron/common/ipc/contract';
import { createGateway, type IpcHandlers, type SenderInfo } from '../../electron/main/ipc/gateway';
import { createFileLogger } from '../../electron/main/logger';
import { isTrustedSender } from '../../electron/main/sender-policy';
import { useTempDir } from '../helpers/tmp';

// Per-channel sender and argument checks: test/main/ipc-contract-walk.test.ts (driven by the contract).

const APP: SenderInfo = { url: 'app://studio/index.html', isMainFrame: true };
const dir = useTempDir();

function spyHandlers() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      vi.fn(async () => {
        calls.push(channel);
        return null;
      }),
    ]),
  ) as unknown as IpcHandlers;
  return { handlers, calls };
}

const logLines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('IPC gateway', () => {
  it('refuses channels outside the contract', async () => {
    const { handlers, calls } = spyHandlers();
    const gateway = createGateway(handlers, { isTrustedSender });
    for (const channel of ['studio:files.delete', 'studio:__proto__', 'constructor', 'hasOwnProperty', 42, null, undefined, { toString: () => 'studio:app.info' }]) {
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

  it('logs refusals and failures with the channel, never the arguments or their passwords', async () => {
    const logs = join(dir, 'gateway-logs');
    const logger = createFileLogger(logs);
    const { handlers } = spyHandlers();
    const password = 'Pa55-the-user-typed';
    // a library error that quotes its input, the worst case the log must survive
    handlers['studio:files.inspect'] = async (request) => {
      throw new Error(`decrypt failed for ${request.paths[0]} with "${request.password}"`);
    };
    const gateway = createGateway(handlers, { isTrustedSender }, logger);
    await gateway.invoke({ url: 'https://evil.example/', isMainFrame: true }, 'studio:files.inspect', [{ paths: ['/a.p12'], password }]);
    await gateway.invoke(APP, 'studio:nope', []);
    await gateway.invoke(APP, 'studio:files.inspect', [{ paths: ['/a.p12'], password: 7 }]);
    expect(await gateway.invoke(APP, 'studio:files.inspect', [{ paths: ['/a.p12'], password }])).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    const text = readFileSync(logger.file, 'utf8');
    expect(text).not.toContain(password);
    const lines = logLines(logger.file);
    expect(lines.map((l) => [l.level, l.event, l.reason ?? (l.error as { code?: string; name?: string }).code ?? (l.error as { name: string }).name])).toEqual([
      ['warn', 'ipc.refused', 'FORBIDDEN_SENDER'],
      ['warn', 'ipc.refused', 'UNKNOWN_CHANNEL'],
      ['error', 'ipc.failed', 'INVALID_ARGUMENT'],
      ['error', 'ipc.failed', 'Error'],
    ]);
    expect(lines[0]).toMatchObject({ channel: 'studio:files.inspect', senderUrl: 'https://evil.example/', mainFrame: true });
    // the unexpected error is kept for diagnosis, with the password cut out
    expect((lines[3]!.error as { message: string }).message).toBe('decrypt failed for /a.p12 with "[redacted]"');
  });
});
