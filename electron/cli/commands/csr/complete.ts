import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { readInputFile } from '../ca-cli-helpers';
import { onePositional } from '../identity/positionals';

const usage = 'mtls-studio csr complete CERT_FILE [--json]';

export const csrCompleteCommand: Command = {
  name: 'complete',
  summary: 'import the certificate that came back: it completes its pending request',
  help: `Usage: ${usage}

Finds the pending request whose key the certificate carries (by public key) and turns it into an identity,
with the chain from the file (PEM bundle, DER or PKCS#7) and from the CA certificates already in the vault.
A certificate for another key is refused with KEY_MISMATCH and nothing changes.

Options:
  --json   print {"identity":{…}} as 'identity list' does

Examples:
  mtls-studio csr complete acme-signed.crt`,

  async run(argv, output) {
    const { positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
    const file = onePositional(positionals, 'CERT_FILE', usage);
    const identity = await vaultServices().ca.completeRequest(readInputFile(file, 'certificate file'), file);
    if (output.json) printJson(output, { identity });
    else output.out(`completed '${identity.name}': ${identity.subject}, issued by ${identity.issuerCommonName ?? identity.issuer}, until ${identity.notAfter.slice(0, 10)}`);
    return 0;
  },
};
