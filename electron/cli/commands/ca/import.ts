import { StudioError } from '../../../common/errors';
import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { inspectWithPassword } from '../../read-with-password';
import { passwordFrom } from '../../secrets';
import { vaultServices } from '../../vault-services';
import { requireOption } from '../ca-cli-helpers';
import { onePositional } from '../identity/positionals';
import { describeAuthority } from './create';

const usage = 'mtls-studio ca import NAME --cert FILE --key FILE [--chain FILE] [--password-env VAR | --password-file FILE] [--json]';

export const importCaCommand: Command = {
  name: 'import',
  summary: 'import an existing CA (certificate + key) to issue from it',
  help: `Usage: ${usage}

Reads the CA certificate and its private key (PEM, DER, PKCS#8, OpenSSL traditional, encrypted or not, or a
PKCS#12 given as --cert and --key alike), checks that it is a CA that may sign now (basicConstraints CA:TRUE,
keyCertSign, not expired, key matches), and stores it in the vault as a CA.

Options:
  --cert FILE / --key FILE    the CA certificate and its key
  --chain FILE                its issuers, if it is an intermediate
  --password-env VAR / --password-file FILE   password of an encrypted key (a terminal prompts otherwise)
  --json                      print {"authority":{…}}

Examples:
  mtls-studio ca import "Legacy CA" --cert ca.crt --key ca.key --password-env CA_KEY_PW`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { cert: { type: 'string' }, key: { type: 'string' }, chain: { type: 'string' }, 'password-env': { type: 'string' }, 'password-file': { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    const name = onePositional(positionals, 'NAME', usage);
    const cert = requireOption(values.cert, '--cert', usage);
    const key = requireOption(values.key, '--key', usage);
    const password = passwordFrom({ env: values['password-env'], file: values['password-file'] }, 'password');
    const services = vaultServices();
    const paths = [...new Set([cert, key, ...(values.chain === undefined ? [] : [values.chain])])];
    const { inspectionId } = await inspectWithPassword(services, paths, password);
    try {
      const authority = await services.ca.import({ inspectionId, name });
      if (output.json) printJson(output, { authority });
      else output.out(`imported ${describeAuthority(authority)}`);
      return 0;
    } catch (error) {
      if (error instanceof StudioError && error.code === 'NO_PRIVATE_KEY') throw new StudioError('NO_PRIVATE_KEY', `no private key for the CA certificate in '${key}'`, { hint: 'Give the key file the CA certificate was made for with --key.' });
      throw error;
    } finally {
      services.files.forget(inspectionId);
    }
  },
};
