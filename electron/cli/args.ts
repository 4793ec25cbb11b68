import { parseArgs, type ParseArgsConfig } from 'node:util';
import { StudioError } from '../common/errors';

type Options = NonNullable<ParseArgsConfig['options']>;
type StrictConfig<O extends Options> = { args: string[]; options: O; allowPositionals: true; strict: true };
export type ParsedCommandArgs<O extends Options> = ReturnType<typeof parseArgs<StrictConfig<O>>>;

/** Strict parsing: an unknown flag or a missing value is a usage error (exit 2), never ignored. */
export function parseCommandArgs<O extends Options>(
  argv: string[],
  options: O,
  usage: string,
): ParsedCommandArgs<O> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new StudioError('USAGE', (error as Error).message.replace(/^TypeError( \[\w+\])?: /, ''), { hint: usage });
  }
}

export function requireOne<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, usage: string): T {
  if (value === undefined) throw new StudioError('USAGE', `missing ${flag}`, { hint: usage });
  if (!(allowed as readonly string[]).includes(value)) {
    throw new StudioError('USAGE', `${flag} must be one of ${allowed.join(', ')} (got '${value}')`, { hint: usage });
  }
  return value as T;
}
