import { isStudioError, StudioError } from '../common/errors';
import type { InspectResponse } from '../common/dto/files';
import type { Services } from '../core';
import { canPrompt, promptHidden } from './secrets';

const MAX_PROMPTS = 3;

/**
 * Inspects files; when they need a password that was not given and a person is at the terminal, asks for it
 * (up to three tries on a wrong password), as openssl does.
 */
export async function inspectWithPassword(services: Services, paths: string[], password: string | undefined): Promise<InspectResponse> {
  let current = password;
  for (let attempt = 0; ; attempt++) {
    try {
      return await services.files.inspect(current === undefined ? { paths } : { paths, password: current });
    } catch (error) {
      const mayAsk = password === undefined && canPrompt() && attempt < MAX_PROMPTS;
      if (!mayAsk || !isStudioError(error) || !['PASSWORD_REQUIRED', 'WRONG_PASSWORD'].includes(error.code)) throw error;
      if (error.code === 'WRONG_PASSWORD') process.stderr.write('wrong password, try again\n');
      current = await promptHidden(`Password for ${paths.length === 1 ? `'${paths[0]}'` : 'the input files'}: `);
    }
  }
}

/** Output passwords are typed twice on a terminal, so a typo does not lock the user out of the file. */
export async function promptNewPassword(what: string): Promise<string> {
  const first = await promptHidden(`New ${what}: `);
  const second = await promptHidden(`Repeat the ${what}: `);
  if (first !== second) throw new StudioError('USAGE', `the two ${what}s differ`, { hint: 'Run the command again.' });
  return first;
}

/** A PKCS#12 output always needs a password: the one given, else one typed twice, else PASSWORD_REQUIRED. */
export async function pkcs12OutputPassword(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  if (!canPrompt()) {
    throw new StudioError('PASSWORD_REQUIRED', 'a PKCS#12 file needs an output password', {
      hint: 'Give one with --out-password-env VAR or --out-password-file FILE.',
    });
  }
  return promptNewPassword('password for the PKCS#12 file');
}
