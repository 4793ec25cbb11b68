import { StudioError, toErrorDto } from '../../common/errors';
import { contract, isChannel, type Channel, type ChannelArgs, type ChannelResults } from '../../common/ipc/contract';
import type { Result } from '../../common/result';
import { secretsIn, type Logger } from '../logger';

export interface SenderInfo {
  /** URL of the frame that sent the message */
  url: string;
  isMainFrame: boolean;
}

export type IpcHandlers = { [C in Channel]: (...args: ChannelArgs<C>) => Promise<ChannelResults[C]> };

export interface Gateway {
  invoke(sender: SenderInfo, channel: unknown, args: unknown[]): Promise<Result<unknown>>;
}

/**
 * The single entry point for renderer → main calls: rejects foreign senders and unknown channels, validates
 * every argument against the contract's schema, and turns every outcome into a Result (no stack traces out).
 * Failures go to the log (when given) with the channel and error — never the arguments, and with the
 * request's passwords redacted should an error quote one.
 */
export function createGateway(
  handlers: IpcHandlers,
  policy: { isTrustedSender(sender: SenderInfo): boolean },
  logger?: Pick<Logger, 'warn' | 'error'>,
): Gateway {
  return {
    async invoke(sender, channel, args) {
      const name = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
      try {
        if (!policy.isTrustedSender(sender)) {
          logger?.warn('ipc.refused', { channel: name, reason: 'FORBIDDEN_SENDER', senderUrl: sender.url.slice(0, 200), mainFrame: sender.isMainFrame });
          throw new StudioError('FORBIDDEN_SENDER', 'this request did not come from the application window');
        }
        if (!isChannel(channel)) {
          logger?.warn('ipc.refused', { channel: name, reason: 'UNKNOWN_CHANNEL' });
          throw new StudioError('UNKNOWN_CHANNEL', 'this request is not part of the application interface');
        }
        return { ok: true, value: await dispatch(handlers, channel, args) };
      } catch (error) {
        const dto = toErrorDto(error);
        if (dto.code !== 'FORBIDDEN_SENDER' && dto.code !== 'UNKNOWN_CHANNEL') logger?.error('ipc.failed', error, { channel: name }, secretsIn(args));
        return { ok: false, error: dto };
      }
    },
  };
}

async function dispatch<C extends Channel>(handlers: IpcHandlers, channel: C, args: unknown[]): Promise<ChannelResults[C]> {
  const parsed = contract[channel].args.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new StudioError('INVALID_ARGUMENT', `invalid request${where}: ${issue?.message ?? 'malformed arguments'}`);
  }
  const handler = handlers[channel] as (...a: unknown[]) => Promise<ChannelResults[C]>;
  return handler(...(parsed.data as unknown[]));
}
