/**
 * Walks EVERY channel of the IPC contract through the handler that registerIpc() installs on ipcMain and proves
 * that it refuses foreign senders and malformed arguments before any handler code runs. The list of channels,
 * the valid arguments and the malformed variants all come from the contract itself, so a channel added to
 * electron/common/ipc/contract.ts is covered without touching this file.
 */
import type { IpcMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, EVENT_NAMES, events, type Channel } from '../../electron/common/ipc/contract';
import { createGateway, type IpcHandlers } from '../../electron/main/ipc/gateway';
import { registerIpc } from '../../electron/main/ipc/register';
import { isTrustedSender } from '../../electron/main/sender-policy';
import { malformedVariants, schemaProblems, validSample } from './contract-samples';

type Registered = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const APP_URL = 'app://studio/index.html';

/** The real registration and gateway, with handlers that only record that they ran. */
function registeredStudio() {
  const ran: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async () => {
        ran.push(channel);
        return null;
      },
    ]),
  ) as unknown as IpcHandlers;
  const registered = new Map<string, Registered>();
  const ipcMain = { handle: (channel: string, fn: Registered) => registered.set(channel, fn) } as unknown as IpcMain;
  registerIpc(ipcMain, createGateway(handlers, { isTrustedSender }));
  return { registered, ran };
}

/** An IpcMainInvokeEvent as Electron builds it: the frame that sent the message and its page's main frame. */
function eventFrom(frameUrl: string | null, isMainFrame = true) {
  const mainFrame = { url: APP_URL };
  const senderFrame = frameUrl === null ? null : isMainFrame ? Object.assign(mainFrame, { url: frameUrl }) : { url: frameUrl };
  return { senderFrame, sender: { mainFrame } };
}

const TRUSTED = () => eventFrom(APP_URL);

const FOREIGN_SENDERS: [label: string, event: () => unknown][] = [
  ['a remote https page in the main frame', () => eventFrom('https://evil.example/index.html')],
  ['a sub-frame of the app (same origin, not the top frame)', () => eventFrom(APP_URL, false)],
  ['a remote sub-frame inside the app', () => eventFrom('https://evil.example/frame.html', false)],
  ['a file:// page', () => eventFrom('file:///tmp/index.html')],
  ['a look-alike app host', () => eventFrom('app://studio.evil/index.html')],
  ['userinfo tricking the host', () => eventFrom('app://studio@evil/index.html')],
  ['a loopback dev server', () => eventFrom('http://127.0.0.1:5173/index.html')],
  ['a data: URL', () => eventFrom('data:text/html,<script>studio</script>')],
  ['a frame that navigated away or was destroyed', () => eventFrom(null)],
];

const validArgs = (channel: Channel) => validSample(contract[channel].args) as unknown[];

describe('IPC contract walk', () => {
  it('has channels named studio:<domain>.<action>, each with a schema', () => {
    expect(CHANNELS.length).toBeGreaterThan(0);
    for (const channel of CHANNELS) expect(channel).toMatch(/^studio:[a-z]+\.[a-zA-Z]+$/);
  });

  it('registers exactly the contract channels on ipcMain', () => {
    expect([...registeredStudio().registered.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('uses tight schemas: strict objects, bounded strings and arrays, fixed argument counts', () => {
    const problems = [
      ...CHANNELS.flatMap((channel) => schemaProblems(contract[channel].args, channel)),
      ...EVENT_NAMES.flatMap((event) => schemaProblems(events[event], event)),
    ];
    expect(problems).toEqual([]);
  });

  for (const channel of CHANNELS) {
    describe(channel, () => {
      it('reaches its handler from the app window with valid arguments (also without optional fields)', async () => {
        const { registered, ran } = registeredStudio();
        const handler = registered.get(channel)!;
        expect(await handler(TRUSTED(), ...validArgs(channel))).toEqual({ ok: true, value: null });
        const minimal = validSample(contract[channel].args, false) as unknown[];
        expect(await handler(TRUSTED(), ...minimal)).toEqual({ ok: true, value: null });
        expect(ran).toEqual([channel, channel]);
      });

      it.each(FOREIGN_SENDERS)('refuses %s without running the handler', async (_label, event) => {
        const { registered, ran } = registeredStudio();
        const result = await registered.get(channel)!(event(), ...validArgs(channel));
        expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } });
        expect(ran).toEqual([]);
      });

      it('refuses every malformed argument list without running the handler', async () => {
        const { registered, ran } = registeredStudio();
        const variants = malformedVariants(contract[channel].args, validArgs(channel));
        // at least: an extra argument, and every probe of the wrong type at each argument position
        expect(variants.length).toBeGreaterThanOrEqual(1 + validArgs(channel).length * 8);
        expect(variants.map((v) => v.label)).toContain('an extra argument');
        for (const variant of variants) {
          const result = await registered.get(channel)!(TRUSTED(), ...variant.args);
          expect(result, `${channel} with ${variant.label}`).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
          // the refusal names where the problem is, never echoes the value
          expect(JSON.stringify(result)).not.toContain('x'.repeat(100));
        }
        expect(ran).toEqual([]);
      });

      it('answers with {code, message} only — no stack, no input echoed', async () => {
        const { registered } = registeredStudio();
        const result = (await registered.get(channel)!(TRUSTED(), ...validArgs(channel), { secret: 'hunter2-do-not-echo' })) as { ok: false; error: Record<string, unknown> };
        expect(Object.keys(result.error).sort()).toEqual(['code', 'message']);
        expect(JSON.stringify(result)).not.toMatch(/hunter2|at .*\.ts|Error:/);
      });
    });
  }

  it('has a payload sample for every main → renderer event, refused when malformed', () => {
    for (const event of EVENT_NAMES) {
      const payload = validSample(events[event]);
      expect(events[event].safeParse(payload).success).toBe(true);
      expect(events[event].safeParse({ ...(payload as object), injected: 1 }).success).toBe(false);
      expect(events[event].safeParse(null).success).toBe(false);
    }
  });
});
