import { StudioError, toErrorDto } from '../../common/errors';
import { contract, isChannel, type Channel, type ChannelArgs, type ChannelResults } from '../../common/ipc/contract';
import type { Result } from '../../common/result';

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
 */
export function createGateway(handlers: IpcHandlers, policy: { isTrustedSender(sender: SenderInfo): boolean }): Gateway {
  return {
    async invoke(sender, channel, args) {
      try {
        if (!policy.isTrustedSender(sender)) {
          throw new StudioError('FORBIDDEN_SENDER', 'this request did not come from the application window');
        }
        if (!isChannel(channel)) {
          throw new StudioError('UNKNOWN_CHANNEL', 'this request is not part of the application interface');
        }
        return { ok: true, value: await dispatch(handlers, channel, args) };
      } catch (error) {
        return { ok: false, error: toErrorDto(error) };
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
