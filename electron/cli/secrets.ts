import { readFileSync } from 'node:fs';
import { StudioError } from '../common/errors';

/**
 * Passwords never come from argv (visible in `ps` and shell history): an environment variable, a file, or a
 * prompt on a terminal. A trailing newline in a password file is dropped, as `openssl -passin file:` does.
 */
export function passwordFrom(source: { env?: string; file?: string }, what: string): string | undefined {
  if (source.env !== undefined && source.file !== undefined) {
    throw new StudioError('USAGE', `give the ${what} once: either an environment variable or a file`);
  }
  if (source.env !== undefined) {
    const value = process.env[source.env];
    if (value === undefined) {
      throw new StudioError('USAGE', `environment variable ${source.env} is not set`, {
        hint: `export ${source.env}=… before running the command (the ${what} is read from it).`,
      });
    }
    return value;
  }
  if (source.file !== undefined) {
    try {
      return readFileSync(source.file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      throw new StudioError('FILE_NOT_FOUND', `cannot read the ${what} file '${source.file}'`, {
        hint: 'Check the path given to the password-file option.',
      });
    }
  }
  return undefined;
}

export const canPrompt = (): boolean => Boolean(process.stdin.isTTY && process.stderr.isTTY);

/** Reads a line from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new StudioError('CANCELLED', 'cancelled'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}
