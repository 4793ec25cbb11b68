import { StudioError } from '../../../common/errors';

/** Exactly the positional arguments a subcommand takes, named in the usage error otherwise. */
export function positionalsExactly(positionals: string[], names: string[], usage: string): string[] {
  if (positionals.length < names.length) throw new StudioError('USAGE', `missing ${names.slice(positionals.length).join(' and ')}`, { hint: usage });
  if (positionals.length > names.length) throw new StudioError('USAGE', `unexpected argument '${positionals[names.length]}'`, { hint: `${usage} (quote names that contain spaces)` });
  return positionals;
}

export const onePositional = (positionals: string[], name: string, usage: string): string => positionalsExactly(positionals, [name], usage)[0]!;
