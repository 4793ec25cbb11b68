import { StudioError } from '../../../common/errors';
import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { inspectWithPassword } from '../../read-with-password';
import { passwordFrom } from '../../secrets';
import { vaultServices } from '../../vault-services';
import { expiresIn } from './format';

const usage = 'mtls-studio identity import FILE... [--name NAME] [--select SHA256] [--password-env VAR | --password-file FILE] [--json]';

export const importCommand: Command = {
  name: 'import',
  summary: 'store a key + certificate (+ chain) in the vault, the key behind the OS keychain',
  help: `Usage: ${usage}

Reads the files like 'inspect' (PKCS#12, PEM, DER, several files at once), picks the private key and its
certificate, completes the chain from the input and from CA certificates already in the vault, and stores them
as one identity. The private key is encrypted (AES-256-GCM) with a random key kept in the OS keychain; without
a reachable keychain nothing is stored (KEYCHAIN_UNAVAILABLE).

Options:
  --name NAME           the identity's name (default: the certificate's CN, made unique)
  --select SHA256       the certificate to import when the input holds several key + certificate pairs
  --password-env VAR / --password-file FILE   password of the inputs (a terminal prompts otherwise)
  --json                print {"identity":{"id","name","subject","issuer","notAfter","certificateSha256","chain"}}

Errors: IDENTITY_EXISTS (same certificate already stored, or the name is taken), AMBIGUOUS_SELECTION,
KEYCHAIN_UNAVAILABLE, VAULT_LOCKED, and those of 'inspect'.

Examples:
  mtls-studio identity import partner-a.p12 --name "Partner A production"
  mtls-studio identity import leaf.crt leaf.key chain.pem
  P12_PW=… mtls-studio identity import bundle.pfx --password-env P12_PW --select 9c0e…`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        name: { type: 'string' },
        select: { type: 'string' },
        'password-env': { type: 'string' },
        'password-file': { type: 'string' },
        json: { type: 'boolean' },
      },
      usage,
    );
    if (positionals.length === 0) throw new StudioError('USAGE', 'no input file given', { hint: usage });
    if (values.select !== undefined && !/^[0-9a-fA-F]{64}$/.test(values.select)) {
      throw new StudioError('USAGE', '--select takes the SHA-256 fingerprint of a certificate (64 hex digits)', { hint: usage });
    }
    const password = passwordFrom({ env: values['password-env'], file: values['password-file'] }, 'password');
    const services = vaultServices();
    const { inspectionId } = await inspectWithPassword(services, positionals, password);
    const identity = await services.vault.import({
      inspectionId,
      ...(values.select === undefined ? {} : { select: values.select.toLowerCase() }),
      ...(values.name === undefined ? {} : { name: values.name }),
    });
    services.files.forget(inspectionId);
    if (output.json) printJson(output, { identity });
    else {
      const days = Math.floor((Date.parse(identity.notAfter) - Date.now()) / 86_400_000);
      output.out(`imported '${identity.name}' (${identity.subject}, ${expiresIn(days)})\nid ${identity.id}, chain of ${identity.chain.length} certificate${identity.chain.length === 1 ? '' : 's'}`);
    }
    // findings on what was stored (the chain may have been completed from the vault), not on the input
    for (const finding of (await services.vault.show(identity.id)).findings) {
      if (finding.severity !== 'info') output.note(`${finding.severity}: ${finding.message}`);
    }
    return 0;
  },
};
